package fr.novaevo.workstation.app.ui.vehicle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.obd.service.LiveDataService;
import fr.novaevo.workstation.obd.session.ScanResult;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Données en direct: choose up to 6 PIDs (one request on CAN), then gauges and scrolling charts. Polling runs
 * on the port thread into the {@link LiveBuffer}; the screen redraws from it four times a second.
 */
final class LiveView {

    /** Redraws per second: smooth enough at a bench, cheap on the FX thread. */
    static final Duration FRAME = Duration.millis(250);
    static final List<Integer> DEFAULT_PIDS = List.of(0x0C, 0x0D, 0x05, 0x04);
    /** PIDs that are states or bitmaps, not values to draw. */
    private static final Set<Integer> NOT_DRAWABLE = Set.of(0x01, 0x02, 0x03, 0x12, 0x13, 0x1C, 0x1D, 0x1E, 0x41,
            0x51, 0x5F);
    /** Scale of the usual PIDs: {min, max}. */
    private static final Map<Integer, double[]> RANGES = Map.ofEntries(
            Map.entry(0x04, new double[] {0, 100}), Map.entry(0x05, new double[] {-40, 130}),
            Map.entry(0x06, new double[] {-25, 25}), Map.entry(0x07, new double[] {-25, 25}),
            Map.entry(0x0B, new double[] {0, 255}), Map.entry(0x0C, new double[] {0, 7000}),
            Map.entry(0x0D, new double[] {0, 200}), Map.entry(0x0E, new double[] {-20, 60}),
            Map.entry(0x0F, new double[] {-40, 80}), Map.entry(0x10, new double[] {0, 150}),
            Map.entry(0x11, new double[] {0, 100}), Map.entry(0x14, new double[] {0, 1.275}),
            Map.entry(0x15, new double[] {0, 1.275}), Map.entry(0x1F, new double[] {0, 3600}),
            Map.entry(0x21, new double[] {0, 1000}), Map.entry(0x2F, new double[] {0, 100}),
            Map.entry(0x30, new double[] {0, 255}), Map.entry(0x31, new double[] {0, 5000}),
            Map.entry(0x33, new double[] {0, 120}), Map.entry(0x42, new double[] {0, 16}),
            Map.entry(0x46, new double[] {-40, 60}), Map.entry(0x5C, new double[] {-40, 160}));

    private final VBox root;
    private final Timeline frames;

    LiveView(UiContext context, VehicleModel model, VehicleArea area) {
        I18n i18n = context.i18n();
        ObservableList<Integer> available = FXCollections.observableArrayList();
        Map<Integer, BooleanProperty> chosen = new HashMap<>();
        ListView<Integer> pids = new ListView<>(available);
        pids.setId("vehicle-live-pids");
        pids.setPrefWidth(290);
        pids.setPlaceholder(Views.help(i18n.t("vehicle.notconnected")));
        Label limit = Views.help(i18n.t("vehicle.live.choose.help", LiveDataService.MAX_PIDS_PER_REQUEST));
        pids.setCellFactory(CheckBoxListCell.forListView(pid -> chosen.computeIfAbsent(pid, p -> {
            BooleanProperty selected = new SimpleBooleanProperty(model.livePids.contains(p));
            selected.addListener((obs, was, now) -> {
                if (now && !model.livePids.contains(p)) {
                    if (model.livePids.size() >= LiveDataService.MAX_PIDS_PER_REQUEST) {
                        selected.set(false);
                        return;
                    }
                    model.livePids.add(p);
                } else if (!now) {
                    model.livePids.remove(p);
                }
            });
            return selected;
        }), new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer pid) {
                return String.format("%02X  %s", pid, area.pidName(pid));
            }

            @Override
            public Integer fromString(String s) {
                return Integer.parseInt(s.substring(0, 2), 16);
            }
        }));

        Button start = new Button(i18n.t("vehicle.live.start"));
        start.setId("vehicle-live-start");
        start.getStyleClass().addAll("primary", "vehicle-big-button");
        start.setOnAction(e -> area.startLive(List.copyOf(model.livePids)));
        Button stop = new Button(i18n.t("vehicle.live.stop"));
        stop.setId("vehicle-live-stop");
        stop.getStyleClass().add("vehicle-big-button");
        stop.setOnAction(e -> area.stopLive());
        Label samples = new Label(i18n.t("vehicle.live.samples", 0));
        samples.setId("vehicle-live-samples");
        samples.getStyleClass().add("vehicle-value");
        javafx.scene.control.ToggleButton record = new javafx.scene.control.ToggleButton(i18n.t("vehicle.live.record"));
        record.setId("vehicle-live-record");
        record.getStyleClass().add("vehicle-big-button");
        record.setOnAction(e -> {
            if (record.isSelected()) {
                area.startRecording();
            } else {
                area.stopRecording();
            }
        });
        Label recordMessage = new Label();
        recordMessage.setId("vehicle-live-record-message");
        recordMessage.setWrapText(true);
        recordMessage.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        recordMessage.textProperty().bind(model.recordMessage);
        Label replayMessage = new Label();
        replayMessage.setId("vehicle-live-replay");
        replayMessage.setWrapText(true);
        replayMessage.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        replayMessage.getStyleClass().add("vehicle-warning");
        replayMessage.textProperty().bind(model.replayMessage);
        Label message = new Label();
        message.setId("vehicle-live-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(model.liveMessage);
        VBox left = new VBox(10, new Label(i18n.t("vehicle.live.choose")), limit, pids, new HBox(10, start, stop),
                record, recordMessage, samples, message, replayMessage);
        VBox.setVgrow(pids, Priority.ALWAYS);
        left.getStyleClass().add("section");
        left.setPrefWidth(300);
        left.setMaxWidth(300);
        left.setMinWidth(260);

        FlowPane gauges = new FlowPane(8, 8);
        gauges.setId("vehicle-live-gauges");
        VBox charts = new VBox(8);
        charts.setId("vehicle-live-charts");
        Label idle = Views.help(i18n.t("vehicle.live.idle"));
        VBox drawings = new VBox(14, idle, gauges, charts);
        drawings.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(drawings);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("vehicle-live-scroll");
        BorderPane body = new BorderPane(scroll);
        body.setLeft(left);
        BorderPane.setMargin(left, new javafx.geometry.Insets(0, 14, 0, 0));
        VBox.setVgrow(body, Priority.ALWAYS);

        Map<Integer, Gauge> gaugeByPid = new HashMap<>();
        Map<Integer, LiveChart> chartByPid = new HashMap<>();
        long[] drawn = {-1};
        Runnable frame = () -> {
            LiveBuffer.Snapshot snapshot = model.live.snapshot();
            if (snapshot.samples() == drawn[0] && gaugeByPid.size() == snapshot.series().size()) {
                return;
            }
            drawn[0] = snapshot.samples();
            samples.setText(i18n.t("vehicle.live.samples", snapshot.samples()));
            List<Node> g = new ArrayList<>();
            List<Node> c = new ArrayList<>();
            boolean rebuild = !gaugeByPid.keySet().equals(snapshot.series().stream().map(LiveBuffer.Series::pid)
                    .collect(java.util.stream.Collectors.toSet()));
            if (rebuild) {
                gaugeByPid.clear();
                chartByPid.clear();
            }
            for (LiveBuffer.Series s : snapshot.series()) {
                Gauge gauge = gaugeByPid.computeIfAbsent(s.pid(), p -> new Gauge());
                gauge.setId("vehicle-gauge-" + String.format("%02X", s.pid()));
                LiveChart chart = chartByPid.computeIfAbsent(s.pid(), p -> new LiveChart());
                chart.setId("vehicle-chart-" + String.format("%02X", s.pid()));
                double[] range = range(s);
                String value = Double.isNaN(s.latest())
                        ? (s.latestText().isEmpty() ? "—" : VehicleTexts.state(i18n, s.latestText()))
                        : i18n.number(s.latest(), Math.abs(s.latest()) >= 100 || s.latest() == Math.rint(s.latest()) ? 0 : 1);
                gauge.draw(s.name(), value, s.unit(), s.latest(), range[0], range[1]);
                chart.draw(s, range[0], range[1]);
                g.add(gauge);
                c.add(chart);
            }
            if (rebuild) {
                gauges.getChildren().setAll(g);
                charts.getChildren().setAll(c);
            }
            idle.setVisible(snapshot.series().isEmpty());
            idle.setManaged(snapshot.series().isEmpty());
        };
        frames = new Timeline(new KeyFrame(FRAME, e -> frame.run()));
        frames.setCycleCount(Timeline.INDEFINITE);

        Runnable refresh = () -> {
            ScanResult scan = model.scan.get();
            List<Integer> supported = new ArrayList<>();
            if (scan != null) {
                for (String hex : scan.supportedPids()) {
                    int pid = Integer.parseInt(hex, 16);
                    if (!NOT_DRAWABLE.contains(pid)) {
                        supported.add(pid);
                    }
                }
                if (model.livePids.isEmpty()) {
                    DEFAULT_PIDS.stream().filter(supported::contains).forEach(model.livePids::add);
                }
            }
            if (!available.equals(supported)) {
                chosen.clear();
                available.setAll(supported);
            }
            boolean running = model.liveRunning.get();
            start.setDisable(running || !model.connected() || model.livePids.isEmpty());
            stop.setDisable(!running);
            record.setDisable(!running && !model.recording.get()); // a paused recording can still be ended
            record.setSelected(model.recording.get());
            replayMessage.setVisible(model.replayed.get() != null);
            replayMessage.setManaged(model.replayed.get() != null);
            pids.setDisable(running);
            if (running) {
                frames.play();
            } else {
                frame.run(); // the last values stay on screen
                frames.stop();
            }
        };
        area.listen(model.scan, refresh);
        area.listen(model.liveRunning, refresh);
        area.listen(model.state, refresh);
        area.listen(model.recording, refresh);
        area.listen(model.replayed, () -> {
            drawn[0] = -1; // a recording was read back into the buffer: draw it
            refresh.run();
        });
        javafx.collections.ListChangeListener<Integer> choice = ch -> refresh.run();
        model.livePids.addListener(choice);
        disposer = () -> {
            model.livePids.removeListener(choice);
            frames.stop();
        };
        refresh.run();
        frame.run();

        root = new VBox(14, Views.title(i18n.t("vehicle.live.title")), body);
        root.getStyleClass().add("area");
        root.setId("vehicle-live-view");
    }

    private final Runnable disposer;

    /** The PID's usual scale, or the observed values' span when the PID has none. */
    private static double[] range(LiveBuffer.Series s) {
        double[] known = RANGES.get(s.pid());
        if (known != null) {
            return known;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : s.values()) {
            if (Double.isNaN(v)) {
                continue; // a reconnection's gap
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-9) {
            return new double[] {lo - 1, hi + 1};
        }
        double pad = (hi - lo) * 0.1;
        return new double[] {lo - pad, hi + pad};
    }

    /** A short scale label: 7000, 1.3, -40. */
    static String compact(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    Node view() {
        return root;
    }

    void dispose() {
        disposer.run();
    }
}
