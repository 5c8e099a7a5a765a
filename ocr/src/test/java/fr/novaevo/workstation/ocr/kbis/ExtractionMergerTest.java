package fr.novaevo.workstation.ocr.kbis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtractionMergerTest {

    private final ExtractionMerger merger = new ExtractionMerger();

    private static KbisExtraction reading(Object... keyValueConfidence) {
        Map<FieldKey, ExtractedField> f = new EnumMap<>(FieldKey.class);
        for (int i = 0; i < keyValueConfidence.length; i += 3) {
            FieldKey k = (FieldKey) keyValueConfidence[i];
            f.put(k, new ExtractedField(k, (String) keyValueConfidence[i + 1], (Double) keyValueConfidence[i + 2],
                    Optional.empty()));
        }
        return new KbisExtraction(f, List.of());
    }

    @Test
    void twoReadingsThatAgreeAreSurerThanEither() {
        KbisExtraction merged = merger.merge(reading(FieldKey.SIREN, "466897030", 0.6),
                reading(FieldKey.SIREN, "466897030", 0.5));
        assertThat(merged.field(FieldKey.SIREN).orElseThrow().confidence()).isEqualTo(0.8);
    }

    @Test
    void anUnsureFirstReadingGivesWayToASurerSecondOne() {
        KbisExtraction merged = merger.merge(reading(FieldKey.CODE_VERIFICATION, "cCHPzCnmrno", 0.2),
                reading(FieldKey.CODE_VERIFICATION, "cHPzCnmrno", 0.7));
        assertThat(merged.value(FieldKey.CODE_VERIFICATION)).contains("cHPzCnmrno");
    }

    @Test
    void aSureFirstReadingStandsAndLosesSomeConfidenceWhenContradicted() {
        KbisExtraction merged = merger.merge(reading(FieldKey.ADRESSE_SIEGE, "8 RUE DES ECOLES 14000 CAEN", 0.9),
                reading(FieldKey.ADRESSE_SIEGE, "8 RUE DES EC0LES", 0.95));
        ExtractedField f = merged.field(FieldKey.ADRESSE_SIEGE).orElseThrow();
        assertThat(f.value()).isEqualTo("8 RUE DES ECOLES 14000 CAEN");
        assertThat(f.confidence()).isCloseTo(0.81, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aFieldOnlyTheSecondReadingFoundIsKeptAsUnsure() {
        KbisExtraction merged = merger.merge(reading(), reading(FieldKey.DATE_A_JOUR, "2023-10-03", 0.9));
        ExtractedField f = merged.field(FieldKey.DATE_A_JOUR).orElseThrow();
        assertThat(f.value()).isEqualTo("2023-10-03");
        assertThat(f.confidence()).isLessThan(KbisChecks.LOW_CONFIDENCE);
    }
}
