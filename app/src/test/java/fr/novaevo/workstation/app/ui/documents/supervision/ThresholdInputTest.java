package fr.novaevo.workstation.app.ui.documents.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.ocr.supervision.AlertKind;
import org.junit.jupiter.api.Test;

class ThresholdInputTest {

    private static ThresholdInput.Checked fr(AlertKind kind, String typed) {
        return ThresholdInput.check(kind, typed, I18n.FRENCH);
    }

    @Test
    void frenchNumbersAreReadWithTheirSpacesAndEitherDecimalSign() {
        assertThat(fr(AlertKind.MEMORY, "1 000").value()).contains(1000.0);
        assertThat(fr(AlertKind.MEMORY, "1\u202f000").value()).as("the narrow space the app itself writes").contains(1000.0);
        assertThat(fr(AlertKind.FAILURE_RATE, "12,5").value()).contains(12.5);
        assertThat(fr(AlertKind.FAILURE_RATE, " 12.5 ").value()).contains(12.5);
        assertThat(ThresholdInput.check(AlertKind.CPU, "7.5", I18n.ENGLISH).value()).contains(7.5);
    }

    @Test
    void wrongValuesAreRefusedWithTheirReason() {
        assertThat(fr(AlertKind.MEMORY, "").problemKey()).contains("docsup.threshold.required");
        assertThat(fr(AlertKind.MEMORY, "mille").problemKey()).contains("docsup.threshold.notANumber");
        assertThat(fr(AlertKind.MEMORY, "12abc").problemKey()).contains("docsup.threshold.notANumber");
        assertThat(fr(AlertKind.MEMORY, "0").problemKey()).contains("docsup.threshold.notPositive");
        assertThat(fr(AlertKind.MEMORY, "-5").problemKey()).contains("docsup.threshold.notPositive");
        assertThat(fr(AlertKind.CPU, "100,5").problemKey()).contains("docsup.threshold.over100");
        assertThat(fr(AlertKind.BATCH_DURATION, "600").value()).as("minutes have no upper bound").contains(600.0);
        assertThat(ThresholdInput.check(AlertKind.CPU, "1,000", Locale.UK).problemKey())
                .as("a comma is not a decimal sign in English").contains("docsup.threshold.notANumber");
    }
}
