package fr.novaevo.workstation.ocr.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.Officer;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes one JSON object per document, one per line:
 * {@code {"file","status","document_type","fields":{...},"confidence":{field:0..1},"errors":[{"code","message"}],
 * "platform_verification":{"status","trust_level","checks":[{"name","ok"}]}}}.
 * Every Kbis key is present in {@code fields}, {@code null} when not read; {@code platform_verification} is
 * {@code null} when the platform was not asked (not configured, no answer in time).
 */
public final class JsonLinesWriter implements Closeable {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Writer out;

    public JsonLinesWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    public static JsonLinesWriter create(Path file) throws IOException {
        return new JsonLinesWriter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8)));
    }

    public void write(DocumentResult result) throws IOException {
        out.write(mapper.writeValueAsString(toJson(result)));
        out.write('\n');
        out.flush();
    }

    /** The JSON object of one result (also what the tests compare with the corpus ground truth). */
    public ObjectNode toJson(DocumentResult result) {
        ObjectNode root = mapper.createObjectNode();
        root.put("file", result.file().toString());
        root.put("status", result.status().jsonName());
        root.put("document_type", result.documentType().jsonName());
        ObjectNode fields = root.putObject("fields");
        ObjectNode confidence = root.putObject("confidence");
        KbisExtraction x = result.extraction().orElse(null);
        for (FieldKey key : FieldKey.values()) {
            if (key == FieldKey.DOCUMENT_TYPE) {
                fields.put(key.jsonName(), result.documentType().jsonName());
                continue;
            }
            if (key == FieldKey.DIRIGEANTS) {
                if (x == null || x.officers().isEmpty()) {
                    fields.putNull(key.jsonName());
                } else {
                    ArrayNode list = fields.putArray(key.jsonName());
                    x.officers().forEach(o -> list.add(officer(o)));
                    confidence.put(key.jsonName(), round(x.officersConfidence()));
                }
                continue;
            }
            ExtractedField f = x == null ? null : x.fields().get(key);
            if (f == null) {
                fields.putNull(key.jsonName());
            } else {
                fields.put(key.jsonName(), f.value());
                confidence.put(key.jsonName(), round(f.confidence()));
            }
        }
        ArrayNode errors = root.putArray("errors");
        for (Issue issue : result.issues()) {
            errors.addObject().put("code", issue.code()).put("message", issue.message());
        }
        // added after the contract's keys (none renamed): the platform's verification, null when not asked
        if (result.verification().isPresent()) {
            PlatformVerification v = result.verification().get();
            ObjectNode platform = root.putObject("platform_verification");
            platform.put("status", v.status());
            platform.put("trust_level", v.trustLevel());
            ArrayNode checks = platform.putArray("checks");
            v.checks().forEach(c -> checks.addObject().put("name", c.name()).put("ok", c.ok()));
        } else {
            root.putNull("platform_verification");
        }
        return root;
    }

    private ObjectNode officer(Officer officer) {
        ObjectNode o = mapper.createObjectNode();
        if (officer.role().isPresent()) {
            o.put("role", officer.role().get());
        } else {
            o.putNull("role");
        }
        switch (officer) {
            case Officer.Person p -> {
                o.put("nom", p.nom());
                o.put("prenoms", p.prenoms());
                o.put("date_naissance", p.dateNaissance().map(Object::toString).orElse(null));
                o.put("lieu_naissance", p.lieuNaissance().orElse(null));
            }
            case Officer.Company c -> {
                o.put("denomination", c.denomination());
                o.put("siren", c.siren().orElse(null));
            }
        }
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** For callers that cannot throw {@link IOException} (streams). */
    public void writeUnchecked(DocumentResult result) {
        try {
            write(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
