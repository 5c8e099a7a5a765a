package fr.novaevo.workstation.app.ui.documents.supervision;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.ocr.supervision.Alert;
import fr.novaevo.workstation.ocr.supervision.AlertKind;
import fr.novaevo.workstation.ocr.watch.WatchProblem;

/** The supervision's words: alerts with their value and threshold, units, figures, watch folder problems. */
final class SupervisionTexts {

    private final I18n i18n;

    SupervisionTexts(I18n i18n) {
        this.i18n = i18n;
    }

    /** "Mémoire utilisée : 1 210 Mo (seuil : 1 000 Mo)", with what it is about, and its code. */
    String alert(Alert alert) {
        return i18n.t("alert." + alert.kind().code(), number(alert.measured()), number(alert.limit()),
                alert.subjectLabel()) + " (" + alert.kind().code() + ")";
    }

    /** Still on, over, acknowledged by whom and when. */
    String alertState(Alert alert) {
        String state = i18n.t(alert.active() ? "docsup.alert.state.active" : "docsup.alert.state.cleared");
        if (alert.acknowledged()) {
            return state + " — " + i18n.t("docsup.alert.state.acknowledged", alert.acknowledgedBy().orElse("?"),
                    i18n.dateTime(alert.acknowledgedAt().orElseThrow()));
        }
        return state;
    }

    String kind(AlertKind kind) {
        return i18n.t("docsup.threshold." + kind.code());
    }

    String unit(AlertKind kind) {
        return i18n.t("docsup.unit." + kind.unit().name());
    }

    /** "1 000", "12,5": whole numbers without decimals, the others with one. */
    String number(double value) {
        return i18n.number(value, value == Math.rint(value) ? 0 : 1);
    }

    String perMinute(double value) {
        return i18n.number(value, value >= 10 ? 0 : 1);
    }

    String percent(OptionalDouble value) {
        return value.isPresent() ? i18n.number(value.getAsDouble(), 0) + " %" : i18n.t("docsup.unknown");
    }

    String duration(Duration duration) {
        return i18n.duration(duration);
    }

    String eta(Optional<Duration> eta) {
        return eta.map(i18n::duration).orElse("—");
    }

    /** The problem in French with the file it concerns and its quotable code. */
    String problem(WatchProblem problem) {
        String text = i18n.tOr("error." + problem.code(), problem.message());
        return i18n.dateTime(problem.at()) + " — " + text + (problem.file().isEmpty() ? "" : " : " + problem.file())
                + " (" + problem.code() + ")";
    }
}
