package fr.novaevo.workstation.app.ui.documents.supervision;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Optional;
import fr.novaevo.workstation.ocr.supervision.AlertKind;

/**
 * A threshold as typed: "1000", "1 000", "12,5" (or "12.5"). Valid when it is a number above zero, and at most
 * 100 for a percentage — the rule {@code AlertBook.setThreshold} applies, checked before asking it.
 */
final class ThresholdInput {

    /** The value, or the bundle key of what is wrong with it. */
    record Checked(Optional<Double> value, Optional<String> problemKey) {
        static Checked ok(double value) {
            return new Checked(Optional.of(value), Optional.empty());
        }

        static Checked wrong(String key) {
            return new Checked(Optional.empty(), Optional.of(key));
        }
    }

    private ThresholdInput() {
    }

    static Checked check(AlertKind kind, String typed, Locale locale) {
        String text = typed == null ? "" : typed.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "");
        if (text.isEmpty()) {
            return Checked.wrong("docsup.threshold.required");
        }
        // a decimal point typed on a French keyboard's numeric pad is a decimal separator too
        if (locale.getLanguage().equals("fr")) {
            text = text.replace('.', ',');
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        ParsePosition position = new ParsePosition(0);
        Number parsed = format.parse(text, position);
        if (parsed == null || position.getIndex() != text.length()) {
            return Checked.wrong("docsup.threshold.notANumber");
        }
        double value = parsed.doubleValue();
        if (!(value > 0) || Double.isInfinite(value)) {
            return Checked.wrong("docsup.threshold.notPositive");
        }
        if (kind.unit() == AlertKind.Unit.PERCENT && value > 100) {
            return Checked.wrong("docsup.threshold.over100");
        }
        return Checked.ok(value);
    }
}
