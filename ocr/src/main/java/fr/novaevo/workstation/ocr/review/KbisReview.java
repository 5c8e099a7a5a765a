package fr.novaevo.workstation.ocr.review;

import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.FrenchDates;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.Siren;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a person does on the review screen: correct a field, validate a document. Each action is recorded in
 * the audit journal; a corrected value is certain (confidence 1) and the checks run again.
 */
public final class KbisReview {

    public static final String ACTION_CORRECTED = "ocr.kbis.field_corrected";
    public static final String ACTION_VALIDATED = "ocr.kbis.validated";

    private final AuditJournal journal;
    private final KbisChecks checks;

    public KbisReview(AuditJournal journal, KbisChecks checks) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    /**
     * @param typed the value as the person typed it (dates as dd/mm/yyyy or ISO, the capital as "1 000,00")
     * @throws WorkstationException {@code KBIS-CORRECTION-INVALID} when the value does not fit the field
     */
    public DocumentResult correct(DocumentResult result, FieldKey key, String typed) {
        KbisExtraction extraction = result.extraction().orElseThrow(() -> new WorkstationException(
                "KBIS-CORRECTION-INVALID", "only a Kbis can be corrected", key.jsonName()));
        if (key == FieldKey.DIRIGEANTS || key == FieldKey.DOCUMENT_TYPE || key == FieldKey.TVA_INTRACOM) {
            throw new WorkstationException("KBIS-CORRECTION-INVALID", key.jsonName() + " is not corrected this way",
                    key.jsonName());
        }
        String value = normalise(key, typed);
        String previous = extraction.value(key).orElse("");
        KbisExtraction corrected = extraction.with(new ExtractedField(key, value, 1.0,
                extraction.field(key).flatMap(ExtractedField::location)));
        if (key == FieldKey.SIREN) {
            corrected = corrected.with(new ExtractedField(FieldKey.TVA_INTRACOM, Siren.vatNumber(value), 1.0,
                    Optional.empty()));
        }
        journal.record(ACTION_CORRECTED, result.file().toString(),
                key.jsonName() + ": \"" + previous + "\" -> \"" + value + "\"");
        List<Issue> issues = checks.check(corrected);
        return result.with(issues.isEmpty() ? DocumentStatus.OK : DocumentStatus.NEEDS_REVIEW, Optional.of(corrected),
                issues);
    }

    /**
     * The person vouches for the document as it stands: it becomes {@code ok}; the reasons it had are kept in
     * the result and written to the journal as acknowledged.
     */
    public DocumentResult validate(DocumentResult result) {
        if (result.status() == DocumentStatus.ERROR || result.extraction().isEmpty()) {
            throw new WorkstationException("KBIS-VALIDATION-REFUSED", "a document that was not read cannot be validated",
                    result.file().toString());
        }
        String reasons = result.issues().stream().map(Issue::code).collect(Collectors.joining(", "));
        journal.record(ACTION_VALIDATED, result.file().toString(),
                "SIREN " + result.extraction().get().value(FieldKey.SIREN).orElse("?")
                        + (reasons.isEmpty() ? "" : "; acknowledged: " + reasons));
        return result.with(DocumentStatus.OK, result.extraction(), result.issues());
    }

    private static String normalise(FieldKey key, String typed) {
        String value = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            throw invalid(key, typed);
        }
        return switch (key.kind()) {
            case DATE -> date(value).orElseThrow(() -> invalid(key, typed)).toString();
            case DECIMAL -> amount(value).orElseThrow(() -> invalid(key, typed));
            case IDENTIFIER -> key == FieldKey.SIREN ? siren(value).orElseThrow(() -> invalid(key, typed)) : value;
            default -> value;
        };
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            Optional<LocalDate> numeric = FrenchDates.numeric(value);
            return numeric.isPresent() ? numeric : FrenchDates.inWords(value);
        }
    }

    private static Optional<String> amount(String value) {
        String plain = value.replaceAll("(?i)euros?|eur|€|\\s", "").replace(",", ".");
        try {
            BigDecimal d = new BigDecimal(plain);
            return d.signum() > 0 ? Optional.of(d.setScale(2, RoundingMode.HALF_UP).toPlainString()) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> siren(String value) {
        String digits = value.replaceAll("[\\s.]", "");
        return Siren.isValid(digits) ? Optional.of(digits) : Optional.empty();
    }

    private static WorkstationException invalid(FieldKey key, String typed) {
        return new WorkstationException("KBIS-CORRECTION-INVALID", "\"" + typed + "\" is not a valid " + key.jsonName(),
                key.jsonName(), typed);
    }
}
