package fr.novaevo.workstation.ocr.kbis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields read from a Kbis. A field that is not printed is absent from {@link #fields()}; the officers
 * ("dirigeants") are kept typed in {@link #officers()}.
 */
public record KbisExtraction(Map<FieldKey, ExtractedField> fields, List<Officer> officers) {

    public KbisExtraction {
        EnumMap<FieldKey, ExtractedField> copy = new EnumMap<>(FieldKey.class);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
        officers = List.copyOf(officers);
    }

    public Optional<String> value(FieldKey key) {
        return Optional.ofNullable(fields.get(key)).map(ExtractedField::value);
    }

    public Optional<ExtractedField> field(FieldKey key) {
        return Optional.ofNullable(fields.get(key));
    }

    public boolean isSoleTrader() {
        return value(FieldKey.PERSONNE).filter("physique"::equals).isPresent();
    }

    /** Confidence of the officers list: that of its least sure entry, 0 when none was read. */
    public double officersConfidence() {
        return officers.stream().mapToDouble(Officer::confidence).min().orElse(0.0);
    }

    /** The same extraction with one field replaced (a check lowering its confidence, say). */
    public KbisExtraction with(ExtractedField field) {
        EnumMap<FieldKey, ExtractedField> copy = new EnumMap<>(FieldKey.class);
        copy.putAll(fields);
        copy.put(field.key(), field);
        return new KbisExtraction(copy, officers);
    }
}
