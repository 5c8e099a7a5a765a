package fr.novaevo.workstation.ocr.kbis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Combines two readings of the same document (OCR with two binarisations). The first reading stands, except
 * where it is missing or unsure and the second is surer; readings that agree are surer than either, readings
 * that disagree make the kept one less sure, and a value only the second reading found stays marked unsure.
 */
public final class ExtractionMerger {

    public KbisExtraction merge(KbisExtraction first, KbisExtraction second) {
        Map<FieldKey, ExtractedField> fields = new EnumMap<>(FieldKey.class);
        for (FieldKey key : FieldKey.values()) {
            ExtractedField a = first.fields().get(key);
            ExtractedField b = second.fields().get(key);
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null) {
                // Found by one reading only: kept, but not trusted blindly.
                ExtractedField only = a == null ? b : a;
                fields.put(key, a == null ? only.withConfidence(Math.min(only.confidence(), 0.55)) : only);
            } else if (a.value().equals(b.value())) {
                ExtractedField surer = a.confidence() >= b.confidence() ? a : b;
                double c = surer.confidence();
                fields.put(key, surer.withConfidence(c + (1 - c) / 2));
            } else if (a.confidence() < KbisChecks.LOW_CONFIDENCE && b.confidence() > a.confidence()) {
                // The first reading is kept unless it was unsure: a second reading is a fallback, not a rival.
                fields.put(key, b.withConfidence(b.confidence() * 0.9));
            } else {
                fields.put(key, a.withConfidence(a.confidence() * 0.9));
            }
        }
        List<Officer> officers = first.officersConfidence() < KbisChecks.LOW_CONFIDENCE
                && second.officersConfidence() > first.officersConfidence() ? second.officers() : first.officers();
        return new KbisExtraction(fields, officers);
    }
}
