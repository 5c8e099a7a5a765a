package fr.novaevo.workstation.ocr.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.Officer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLinesWriterTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private List<JsonNode> write(DocumentResult... results) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
            for (DocumentResult r : results) {
                writer.write(r);
            }
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(mapper.readTree(line));
        }
        return lines;
    }

    private static List<String> names(Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    private static DocumentResult kbis() {
        Map<FieldKey, ExtractedField> f = new EnumMap<>(FieldKey.class);
        f.put(FieldKey.SIREN, new ExtractedField(FieldKey.SIREN, "466897030", 0.98765, Optional.empty()));
        f.put(FieldKey.DENOMINATION, new ExtractedField(FieldKey.DENOMINATION, "L’GALAXIE", 1.0, Optional.empty()));
        List<Officer> officers = List.of(
                new Officer.Person(Optional.of("Gérant"), "OLIVIER", "Ludovic", Optional.of(LocalDate.of(1978, 1, 29)),
                        Optional.of("CAMBRAI (59)"), 0.9),
                new Officer.Company(Optional.of("Commissaire aux comptes titulaire"), "DUFOUR AUDIT",
                        Optional.of("713404689"), 0.8));
        return new DocumentResult(Path.of("in/kbis-dev-024.pdf"), DocumentStatus.NEEDS_REVIEW, DocumentType.KBIS,
                Optional.of(new KbisExtraction(f, officers)),
                List.of(new Issue("KBIS-OUTDATED", "the extract was issued on 2023-09-22, more than 3 months ago")));
    }

    @Test
    void writesOneObjectPerDocumentWithExactlyTheContractKeys() throws IOException {
        List<JsonNode> lines = write(kbis(), DocumentResult.error(Path.of("bad.pdf"),
                new Issue("OCR-ENCRYPTED", "the PDF is protected by a password")));

        assertThat(lines).hasSize(2);
        for (JsonNode line : lines) {
            assertThat(names(line.fieldNames()))
                    .as("the contract's keys, then the platform's verification added after them")
                    .containsExactly("file", "status", "document_type", "fields", "confidence", "errors",
                            "platform_verification");
            assertThat(line.get("platform_verification").isNull()).isTrue();
            List<String> expected = new ArrayList<>();
            for (FieldKey k : FieldKey.values()) {
                expected.add(k.jsonName());
            }
            assertThat(names(line.get("fields").fieldNames())).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void thePlatformsVerificationIsWrittenWithItsTrustLevelAndChecks() throws IOException {
        DocumentResult verified = kbis().withVerification(new fr.novaevo.workstation.ocr.result.PlatformVerification(
                "mismatch", 1, List.of(new fr.novaevo.workstation.ocr.result.PlatformVerification.Check(
                        "denomination_match", false))));

        JsonNode line = write(verified).getFirst();

        assertThat(line.at("/platform_verification/status").asText()).isEqualTo("mismatch");
        assertThat(line.at("/platform_verification/trust_level").asInt()).isEqualTo(1);
        assertThat(line.at("/platform_verification/checks/0/name").asText()).isEqualTo("denomination_match");
        assertThat(line.at("/platform_verification/checks/0/ok").asBoolean()).isFalse();
        assertThat(line.get("status").asText()).as("unchanged by the platform").isEqualTo(kbis().status().jsonName());
    }

    @Test
    void writesValuesConfidencesOfficersAndReasons() throws IOException {
        JsonNode line = write(kbis()).getFirst();

        assertThat(line.get("file").asText()).endsWith("kbis-dev-024.pdf");
        assertThat(line.get("status").asText()).isEqualTo("needs_review");
        assertThat(line.get("document_type").asText()).isEqualTo("kbis");
        JsonNode fields = line.get("fields");
        assertThat(fields.get("document_type").asText()).isEqualTo("kbis");
        assertThat(fields.get("siren").asText()).isEqualTo("466897030");
        assertThat(fields.get("denomination").asText()).isEqualTo("L’GALAXIE");
        assertThat(fields.get("capital_social").isNull()).isTrue();
        assertThat(fields.get("dirigeants").get(0).get("date_naissance").asText()).isEqualTo("1978-01-29");
        assertThat(names(fields.get("dirigeants").get(0).fieldNames()))
                .containsExactly("role", "nom", "prenoms", "date_naissance", "lieu_naissance");
        assertThat(names(fields.get("dirigeants").get(1).fieldNames())).containsExactly("role", "denomination", "siren");
        assertThat(line.get("confidence").get("siren").asDouble()).isEqualTo(0.988);
        assertThat(line.get("confidence").get("dirigeants").asDouble()).isEqualTo(0.8);
        assertThat(line.get("confidence").has("capital_social")).isFalse();
        assertThat(line.get("errors").get(0).get("code").asText()).isEqualTo("KBIS-OUTDATED");
    }

    @Test
    void anErrorHasNullFieldsAndItsReason() throws IOException {
        JsonNode line = write(DocumentResult.error(Path.of("bad.pdf"),
                new Issue("OCR-DAMAGED", "the PDF is damaged"))).getFirst();

        assertThat(line.get("status").asText()).isEqualTo("error");
        assertThat(line.get("document_type").asText()).isEqualTo("unknown");
        assertThat(line.get("fields").get("siren").isNull()).isTrue();
        assertThat(line.get("fields").get("dirigeants").isNull()).isTrue();
        assertThat(line.get("confidence").isEmpty()).isTrue();
        assertThat(line.get("errors").get(0).get("code").asText()).isEqualTo("OCR-DAMAGED");
        assertThat(line.get("errors").get(0).get("message").asText()).isEqualTo("the PDF is damaged");
    }
}
