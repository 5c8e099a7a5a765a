package fr.novaevo.workstation.ocr.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.testing.InMemoryAuditJournal;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.Officer;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KbisReviewTest {

    private static final Clock JAN_2025 = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryAuditJournal journal = new InMemoryAuditJournal();
    private final KbisChecks checks = new KbisChecks(JAN_2025);
    private final KbisReview review = new KbisReview(journal, checks);

    private static void put(Map<FieldKey, ExtractedField> f, FieldKey k, String v, double c) {
        f.put(k, new ExtractedField(k, v, c, Optional.empty()));
    }

    /** A recent, consistent extract whose date of registration was read with low confidence. */
    private DocumentResult unsure() {
        Map<FieldKey, ExtractedField> f = new EnumMap<>(FieldKey.class);
        put(f, FieldKey.PERSONNE, "morale", 1);
        put(f, FieldKey.SIREN, "466897030", 0.95);
        put(f, FieldKey.TVA_INTRACOM, "FR44466897030", 0.95);
        put(f, FieldKey.RCS_VILLE, "Nantes", 0.95);
        put(f, FieldKey.GREFFE, "Nantes", 0.95);
        put(f, FieldKey.NUMERO_GESTION, "2004B27646", 0.95);
        put(f, FieldKey.DATE_IMMATRICULATION, "2004-01-18", 0.3);
        put(f, FieldKey.DENOMINATION, "CARROSSERIE REY", 0.95);
        put(f, FieldKey.FORME_JURIDIQUE, "Société à responsabilité limitée", 0.95);
        put(f, FieldKey.ADRESSE_SIEGE, "2 Quai de la Fosse 44000 Nantes", 0.95);
        put(f, FieldKey.ADRESSE_ETABLISSEMENT, "2 Quai de la Fosse 44000 Nantes", 0.95);
        put(f, FieldKey.DATE_A_JOUR, "2025-01-02", 0.95);
        put(f, FieldKey.DATE_EXTRAIT, "2025-01-03", 0.95);
        put(f, FieldKey.CODE_VERIFICATION, "8BY6JAHgsc", 0.95);
        KbisExtraction x = new KbisExtraction(f, List.of(new Officer.Person(Optional.of("Gérant"), "FOURNIER", "Gilles",
                Optional.of(LocalDate.of(1975, 9, 12)), Optional.of("PORTO"), 0.9)));
        List<Issue> issues = checks.check(x);
        return new DocumentResult(Path.of("kbis.pdf"), DocumentStatus.NEEDS_REVIEW, DocumentType.KBIS, Optional.of(x), issues);
    }

    @Test
    void aCorrectionMakesTheValueCertainRunsTheChecksAgainAndIsJournaled() {
        DocumentResult before = unsure();
        assertThat(before.issues()).extracting(Issue::code).containsExactly("KBIS-LOW-CONFIDENCE");

        DocumentResult after = review.correct(before, FieldKey.DATE_IMMATRICULATION, "19/01/2004");

        assertThat(after.status()).isEqualTo(DocumentStatus.OK);
        ExtractedField f = after.extraction().orElseThrow().field(FieldKey.DATE_IMMATRICULATION).orElseThrow();
        assertThat(f.value()).isEqualTo("2004-01-19");
        assertThat(f.confidence()).isEqualTo(1.0);
        AuditEntry entry = journal.entries().getLast();
        assertThat(entry.action()).isEqualTo(KbisReview.ACTION_CORRECTED);
        assertThat(entry.subject()).isEqualTo("kbis.pdf");
        assertThat(entry.details()).isEqualTo("date_immatriculation: \"2004-01-18\" -> \"2004-01-19\"");
    }

    @Test
    void correctingTheSirenDerivesTheVatNumberAgain() {
        DocumentResult after = review.correct(unsure(), FieldKey.SIREN, "844 157 552");

        assertThat(after.extraction().orElseThrow().value(FieldKey.SIREN)).contains("844157552");
        assertThat(after.extraction().orElseThrow().value(FieldKey.TVA_INTRACOM)).contains("FR63844157552");
    }

    @Test
    void refusesAValueThatDoesNotFitTheFieldAndJournalsNothing() {
        assertThatThrownBy(() -> review.correct(unsure(), FieldKey.SIREN, "466897031"))
                .isInstanceOfSatisfying(WorkstationException.class,
                        e -> assertThat(e.code()).isEqualTo("KBIS-CORRECTION-INVALID"));
        assertThatThrownBy(() -> review.correct(unsure(), FieldKey.DATE_EXTRAIT, "demain"))
                .isInstanceOf(WorkstationException.class);
        assertThatThrownBy(() -> review.correct(unsure(), FieldKey.CAPITAL_SOCIAL, "-5"))
                .isInstanceOf(WorkstationException.class);
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void validatingKeepsTheAcknowledgedReasonsAndJournalsThem() {
        DocumentResult validated = review.validate(unsure());

        assertThat(validated.status()).isEqualTo(DocumentStatus.OK);
        assertThat(validated.issues()).extracting(Issue::code).containsExactly("KBIS-LOW-CONFIDENCE");
        assertThat(journal.entries().getLast().action()).isEqualTo(KbisReview.ACTION_VALIDATED);
        assertThat(journal.entries().getLast().details()).isEqualTo("SIREN 466897030; acknowledged: KBIS-LOW-CONFIDENCE");
    }

    @Test
    void aDocumentThatWasNotReadCannotBeValidated() {
        DocumentResult error = DocumentResult.error(Path.of("bad.pdf"), new Issue("OCR-DAMAGED", "damaged"));
        assertThatThrownBy(() -> review.validate(error)).isInstanceOf(WorkstationException.class);
    }
}
