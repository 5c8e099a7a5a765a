package fr.novaevo.workstation.ocr.kbis;

import java.util.Objects;
import java.util.Optional;

/**
 * One value read from the document.
 *
 * @param value      as written in the export (ISO date, decimal with a dot, text as printed on one line)
 * @param confidence 0..1, how sure the reading is (OCR word confidences, label match quality, checks)
 * @param location   where it was read, empty for derived values (the VAT number)
 */
public record ExtractedField(FieldKey key, String value, double confidence, Optional<Location> location) {

    public ExtractedField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
        confidence = Math.max(0.0, Math.min(1.0, confidence));
    }

    public ExtractedField withConfidence(double newConfidence) {
        return new ExtractedField(key, value, newConfidence, location);
    }
}
