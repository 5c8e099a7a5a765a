package fr.novaevo.workstation.ocr.trust;

import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform's Kbis verification is sent ({@code POST /v1/verifications/kbis}): the SIREN, and when read,
 * the name, the R.C.S. town, the extract's date and its verification code. Absent values are {@code null}, as
 * the contract leaves them out.
 */
public record KbisVerificationRequest(String siren, String denomination, String rcsVille, LocalDate dateExtrait,
                                      String codeVerification) {

    public KbisVerificationRequest {
        Objects.requireNonNull(siren, "siren");
        if (!siren.matches("\\d{9}")) {
            throw new IllegalArgumentException("a SIREN has 9 digits");
        }
    }

    /** The request for an extraction; empty without a 9-digit SIREN (the platform would refuse it). */
    public static Optional<KbisVerificationRequest> of(KbisExtraction extraction) {
        Optional<String> siren = extraction.value(FieldKey.SIREN).filter(s -> s.matches("\\d{9}"));
        if (siren.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = extraction.value(FieldKey.DATE_EXTRAIT).flatMap(KbisVerificationRequest::date).orElse(null);
        return Optional.of(new KbisVerificationRequest(siren.get(), extraction.value(FieldKey.DENOMINATION).orElse(null),
                extraction.value(FieldKey.RCS_VILLE).orElse(null), date,
                extraction.value(FieldKey.CODE_VERIFICATION).orElse(null)));
    }

    private static Optional<LocalDate> date(String iso) {
        try {
            return Optional.of(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
