package fr.novaevo.workstation.app.ui.documents.supervision;

import java.util.List;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.ocr.supervision.Alert;
import fr.novaevo.workstation.ocr.supervision.SupervisionSnapshot;
import fr.novaevo.workstation.ocr.supervision.Supervisor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * A small mark in the status bar while document alerts wait for someone to acknowledge them ("⚠ 2 alerte(s)
 * documents"); a click opens the Documents area's supervision, where they stay listed while they last. It reads
 * the supervisor's last measure (no database access).
 */
public final class AlertBadge {

    private final UiContext context;
    private final Supervisor supervisor;
    private final Label label = new Label();
    private final Timeline poll;

    public AlertBadge(UiContext context) {
        this.context = context;
        this.supervisor = context.workstation().supervision();
        label.setId("status-document-alerts");
        label.getStyleClass().addAll("link-label", "alert-badge");
        label.setTooltip(new Tooltip(context.i18n().t("docsup.badge.tooltip")));
        label.setOnMouseClicked(e -> context.shell().navigate("documents", "supervision"));
        refresh();
        poll = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    public Label view() {
        return label;
    }

    void refresh() {
        SupervisionSnapshot latest = supervisor.latest();
        long count = unacknowledged(latest.alerts());
        label.setVisible(count > 0);
        label.setManaged(count > 0);
        label.setText(count > 0 ? context.i18n().t("docsup.badge", count) : "");
    }

    /** Acknowledged means seen: the badge is for what nobody has seen yet. */
    static long unacknowledged(List<Alert> alerts) {
        return alerts.stream().filter(a -> !a.acknowledged()).count();
    }

    public void dispose() {
        poll.stop();
    }
}
