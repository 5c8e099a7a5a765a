package fr.novaevo.workstation.app.ui;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import fr.novaevo.workstation.app.ui.bookings.SyncStatusText;
import fr.novaevo.workstation.core.jobs.JobSnapshot;
import fr.novaevo.workstation.core.jobs.JobState;
import fr.novaevo.workstation.core.settings.SettingsStore;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.util.Duration;

/** The bottom line: adapter, platform sync and background jobs. Jobs are polled, so a busy job never floods the UI. */
public final class StatusBar {

    private final UiContext context;
    private final Label adapter = new Label();
    private final Label platform = new Label();
    private final Label jobs = new Label();
    private final org.controlsfx.control.StatusBar root = new org.controlsfx.control.StatusBar();
    private final Timeline poll;
    /** The window's platform session status, handed over from the sync thread. */
    private final Consumer<SyncStatus> platformListener =
            status -> FxExecutor.INSTANCE.execute(() -> platformState(status));
    private SyncStatus platformStatus;
    private Instant platformStatusAt;
    private final fr.novaevo.workstation.app.ui.documents.supervision.AlertBadge documentAlerts;

    public StatusBar(UiContext context) {
        this.context = context;
        adapter.setId("status-adapter");
        platform.setId("status-platform");
        jobs.setId("status-jobs");
        jobs.setTooltip(new Tooltip(context.i18n().t("status.jobs.tooltip")));
        jobs.setOnMouseClicked(e -> context.shell().navigate("supervision", "jobs"));
        jobs.getStyleClass().add("link-label");
        root.setId("status-bar");
        root.getStyleClass().add("status-bar");
        root.setText("");
        root.getLeftItems().addAll(adapter, separator(), platform);
        documentAlerts = new fr.novaevo.workstation.app.ui.documents.supervision.AlertBadge(context);
        root.getRightItems().addAll(documentAlerts.view(), jobs);
        refreshSettings();
        refreshJobs();
        context.platform().addStatusListener(platformListener);
        context.platform().current().ifPresent(s -> platformState(s.module().scheduler().status()));
        poll = new Timeline(new KeyFrame(Duration.millis(500), e -> {
            refreshJobs();
            showPlatform();
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    public org.controlsfx.control.StatusBar view() {
        return root;
    }

    /** The live vehicle link, over the configured adapter; NONE shows the configuration again. */
    public void adapterLink(UiContext.AdapterLink link, String port) {
        I18n i18n = context.i18n();
        String shown = port.equals("sim") || port.startsWith("sim:") ? i18n.t("status.adapter.demo") : port;
        switch (link) {
            case NONE -> refreshSettings();
            case CONNECTING -> adapter.setText(i18n.t("status.adapter.connecting", shown));
            case CONNECTED -> adapter.setText(i18n.t("status.adapter.connected", shown));
            case LOST -> adapter.setText(i18n.t("status.adapter.lost", shown));
        }
    }

    /** The platform session's state, in the words ("Synchronisé hh:mm", "2 en attente", …). */
    private void platformState(SyncStatus status) {
        platformStatus = status;
        platformStatusAt = Instant.now();
        showPlatform();
    }

    /** Also every half second: the offline countdown moves. */
    private void showPlatform() {
        if (platformStatus == null) {
            return;
        }
        boolean demo = context.platform().current().map(fr.novaevo.workstation.app.bootstrap.platform.PlatformSession::demo).orElse(false);
        String text = SyncStatusText.of(context.i18n(), platformStatus, SyncStatusText.retryIn(platformStatus,
                java.time.Duration.between(platformStatusAt, Instant.now())));
        platform.setText(demo ? context.i18n().t("status.platform.demo", text) : context.i18n().t("status.platform.state",
                text, host(context.workstation().settings().get(DemoMode.PLATFORM_URL, ""))));
    }

    public void refreshSettings() {
        SettingsStore settings = context.workstation().settings();
        I18n i18n = context.i18n();
        adapter.setText(settings.get(DemoMode.ADAPTER_PORT)
                .map(port -> i18n.t("status.adapter.configured", port))
                .orElse(i18n.t("status.adapter.none")));
        platform.setText(settings.get(DemoMode.PLATFORM_URL)
                .map(url -> i18n.t("status.platform.configured", host(url)))
                .orElse(i18n.t("status.platform.none")));
    }

    private void refreshJobs() {
        List<JobSnapshot> running = context.workstation().jobs().snapshots().stream()
                .filter(s -> !s.state().finished()).toList();
        if (running.isEmpty()) {
            jobs.setText(context.i18n().t("status.jobs.none"));
            root.setProgress(0);
            return;
        }
        jobs.setText(context.i18n().t("status.jobs.running", running.size()));
        JobSnapshot first = running.stream().filter(s -> s.state() == JobState.RUNNING).findFirst().orElse(running.getFirst());
        // The status bar's own progress bar: indeterminate (-1) while the job cannot tell how far it is.
        root.setProgress(first.progress().fraction());
    }

    public void dispose() {
        poll.stop();
        context.platform().removeStatusListener(platformListener);
        documentAlerts.dispose();
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
