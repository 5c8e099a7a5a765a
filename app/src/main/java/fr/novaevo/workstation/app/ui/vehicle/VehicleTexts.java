package fr.novaevo.workstation.app.ui.vehicle;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.obd.dtc.Severity;
import javafx.scene.control.Label;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Texts and small nodes shared by the area's views. */
final class VehicleTexts {

    private static final Logger LOG = LoggerFactory.getLogger(VehicleTexts.class);

    private VehicleTexts() {
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The sentence for a failure with its quotable code; an unexpected failure goes to the log once, here. */
    static String error(I18n i18n, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof WorkstationException w) {
            String key = "vehicle.error." + w.code();
            if (i18n.has(key)) {
                return i18n.t(key) + " (" + i18n.t("common.error.code", w.code()) + ")";
            }
            return i18n.error(w);
        }
        LOG.error("unexpected failure in the vehicle area", t);
        return i18n.error(t);
    }

    static String severity(I18n i18n, Severity severity) {
        return "en".equals(i18n.language()) ? severity.english() : severity.french();
    }

    static String severityStyle(Severity severity) {
        return "vehicle-severity-" + severity.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A decoded PID in the user's number format ("21,96 %" in French); a state-only PID ("Closed loop") or one
     * of several values keeps the catalogue's text.
     */
    static String reading(I18n i18n, fr.novaevo.workstation.obd.service.PidReading reading) {
        double v = reading.value();
        if (reading.quantities().isEmpty() || MIL.matcher(reading.text()).matches()) {
            return state(i18n, reading.text());
        }
        if (reading.quantities().size() != 1 || !Double.isFinite(v)) {
            return reading.text();
        }
        String number = i18n.number(v, v == Math.rint(v) || Math.abs(v) >= 100 ? 0 : 2);
        return reading.unit().isEmpty() ? number : number + " " + reading.unit();
    }

    /**
     * A state the catalogue words in English ("Open loop (not warm)", two banks as "Closed loop / Closed loop"),
     * in the user's language where the bundle has it ({@code vehicle.pidtext.open-loop-not-warm}); every wording
     * of {@code PidCatalog.stateTexts()} has its key, and so do "Unknown (XX)" and PID 01's "MIL on, 3 DTC".
     */
    static String state(I18n i18n, String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split(" / ", -1)) {
            if (!out.isEmpty()) {
                out.append(" / ");
            }
            out.append(statePart(i18n, part));
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern UNKNOWN = java.util.regex.Pattern.compile("Unknown \\(([0-9A-F]{2})\\)");
    private static final java.util.regex.Pattern MIL = java.util.regex.Pattern.compile("MIL (on|off), (\\d+) DTC");

    private static String statePart(I18n i18n, String part) {
        java.util.regex.Matcher m = UNKNOWN.matcher(part);
        if (m.matches()) {
            return i18n.t("vehicle.pidtext.unknown", m.group(1));
        }
        m = MIL.matcher(part);
        if (m.matches()) {
            return i18n.t("vehicle.pidtext.mil-" + m.group(1), Integer.parseInt(m.group(2)));
        }
        String key = stateKey(part);
        return key.equals("vehicle.pidtext.") ? part : i18n.tOr(key, part);
    }

    /** The bundle key of a state wording: "EMD+" is {@code vehicle.pidtext.emd-plus}. */
    static String stateKey(String english) {
        return "vehicle.pidtext." + english.toLowerCase(java.util.Locale.ROOT).replace("+", "-plus")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A value label, selectable-looking and large enough to read from the car. */
    static Label value(String id) {
        Label label = new Label("—");
        label.setId(id);
        label.getStyleClass().add("vehicle-value");
        label.setWrapText(true);
        return label;
    }

    static void style(Label label, String style, String... others) {
        label.getStyleClass().removeAll(others);
        if (style != null && !label.getStyleClass().contains(style)) {
            label.getStyleClass().add(style);
        }
    }
}
