package fr.novaevo.workstation.ocr.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.Location;
import fr.novaevo.workstation.ocr.kbis.Officer;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import fr.novaevo.workstation.ocr.result.PlatformVerification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A document's result as stored in {@code OCR.BATCH_DOCUMENT.RESULT_JSON}: everything the exports need
 * (status, type, fields with confidence and location, officers, reasons), so that a batch can be exported
 * after a restart without reading its files again. Page geometry is not kept (the review screen reads the page).
 */
final class ResultCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultCodec() {
    }

    static String encode(DocumentResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", result.file().toString());
        root.put("status", result.status().name());
        root.put("type", result.documentType().name());
        result.extraction().ifPresent(x -> {
            ObjectNode fields = root.putObject("fields");
            x.fields().forEach((key, f) -> {
                ObjectNode field = fields.putObject(key.name());
                field.put("value", f.value());
                field.put("confidence", f.confidence());
                f.location().ifPresent(l -> field.putArray("location")
                        .add(l.page()).add(l.x0()).add(l.y0()).add(l.x1()).add(l.y1()));
            });
            ArrayNode officers = root.putArray("officers");
            for (Officer officer : x.officers()) {
                ObjectNode o = officers.addObject();
                o.put("role", officer.role().orElse(null));
                o.put("confidence", officer.confidence());
                switch (officer) {
                    case Officer.Person p -> {
                        o.put("kind", "person");
                        o.put("nom", p.nom());
                        o.put("prenoms", p.prenoms());
                        o.put("date_naissance", p.dateNaissance().map(LocalDate::toString).orElse(null));
                        o.put("lieu_naissance", p.lieuNaissance().orElse(null));
                    }
                    case Officer.Company c -> {
                        o.put("kind", "company");
                        o.put("denomination", c.denomination());
                        o.put("siren", c.siren().orElse(null));
                    }
                }
            }
        });
        ArrayNode issues = root.putArray("issues");
        result.issues().forEach(i -> issues.addObject().put("code", i.code()).put("message", i.message()));
        result.verification().ifPresent(v -> {
            ObjectNode verification = root.putObject("verification");
            verification.put("status", v.status());
            verification.put("trust_level", v.trustLevel());
            ArrayNode checks = verification.putArray("checks");
            v.checks().forEach(c -> checks.addObject().put("name", c.name()).put("ok", c.ok()));
        });
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DocumentResult decode(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored result is not JSON", e);
        }
        Optional<KbisExtraction> extraction = Optional.empty();
        JsonNode fieldsNode = root.get("fields");
        if (fieldsNode != null && fieldsNode.isObject()) {
            Map<FieldKey, ExtractedField> fields = new EnumMap<>(FieldKey.class);
            fieldsNode.properties().forEach(e -> {
                FieldKey key = FieldKey.valueOf(e.getKey());
                JsonNode f = e.getValue();
                JsonNode loc = f.get("location");
                Optional<Location> location = loc == null || !loc.isArray() ? Optional.empty()
                        : Optional.of(new Location(loc.get(0).asInt(), loc.get(1).asDouble(), loc.get(2).asDouble(),
                                loc.get(3).asDouble(), loc.get(4).asDouble()));
                fields.put(key, new ExtractedField(key, f.get("value").asText(), f.get("confidence").asDouble(), location));
            });
            List<Officer> officers = new ArrayList<>();
            for (JsonNode o : root.path("officers")) {
                Optional<String> role = text(o, "role");
                double confidence = o.path("confidence").asDouble();
                if ("company".equals(o.path("kind").asText())) {
                    officers.add(new Officer.Company(role, o.path("denomination").asText(), text(o, "siren"), confidence));
                } else {
                    officers.add(new Officer.Person(role, o.path("nom").asText(), o.path("prenoms").asText(),
                            text(o, "date_naissance").map(LocalDate::parse), text(o, "lieu_naissance"), confidence));
                }
            }
            extraction = Optional.of(new KbisExtraction(fields, officers));
        }
        List<Issue> issues = new ArrayList<>();
        for (JsonNode i : root.path("issues")) {
            issues.add(new Issue(i.path("code").asText(), i.path("message").asText()));
        }
        Optional<PlatformVerification> verification = Optional.empty();
        JsonNode v = root.get("verification");
        if (v != null && v.isObject()) {
            List<PlatformVerification.Check> checks = new ArrayList<>();
            for (JsonNode c : v.path("checks")) {
                checks.add(new PlatformVerification.Check(c.path("name").asText(), c.path("ok").asBoolean()));
            }
            verification = Optional.of(new PlatformVerification(v.path("status").asText(), v.path("trust_level").asInt(),
                    checks));
        }
        return new DocumentResult(Path.of(root.path("file").asText()), DocumentStatus.valueOf(root.path("status").asText()),
                DocumentType.valueOf(root.path("type").asText()), extraction, issues, List.of(), verification);
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
