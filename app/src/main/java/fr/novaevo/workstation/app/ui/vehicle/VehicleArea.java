package fr.novaevo.workstation.app.ui.vehicle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import fr.novaevo.workstation.app.ui.Area;
import fr.novaevo.workstation.app.ui.DemoMode;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.core.settings.GarageIdentity;
import fr.novaevo.workstation.obd.discovery.PortWatcher;
import fr.novaevo.workstation.obd.history.DiagnosticSession;
import fr.novaevo.workstation.obd.history.KeyValue;
import fr.novaevo.workstation.obd.history.Recorder;
import fr.novaevo.workstation.obd.history.RecordingInfo;
import fr.novaevo.workstation.obd.history.SessionStore;
import fr.novaevo.workstation.obd.history.VehicleHistoryService;
import fr.novaevo.workstation.obd.report.PdfReportWriter;
import fr.novaevo.workstation.obd.report.ReportContent;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import fr.novaevo.workstation.obd.discovery.SerialPortDiscovery;
import fr.novaevo.workstation.obd.discovery.SerialPortInfo;
import fr.novaevo.workstation.obd.service.ClearConfirmation;
import fr.novaevo.workstation.obd.service.DiagnosticTroubleCode;
import fr.novaevo.workstation.obd.service.EcuCode;
import fr.novaevo.workstation.obd.service.EcuIdentification;
import fr.novaevo.workstation.obd.service.FreezeFrame;
import fr.novaevo.workstation.obd.service.MonitorTest;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.session.LivePoller;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.session.ScanResult;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Véhicule: connect to an adapter (or the demo vehicle), then the overview, fault codes, readiness and mode
 * 06, live data and the engine ECU's identification. The connection lives as long as the area (navigating
 * elsewhere keeps it); the views are rebuilt at each visit from the {@link VehicleModel}.
 */
public final class VehicleArea implements Area {

    public static final String ID = "vehicle";

    private static final Logger LOG = LoggerFactory.getLogger(VehicleArea.class);

    /** PIDs asked for in a freeze frame, when the vehicle supports them live. */
    static final List<Integer> FREEZE_PIDS = List.of(0x03, 0x04, 0x05, 0x06, 0x07, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
            0x10, 0x11, 0x1F, 0x2F, 0x33, 0x42, 0x46);

    /** A lost adapter is tried again this often, so many times, before the user is asked to reconnect. */
    static final javafx.util.Duration RECONNECT_DELAY = javafx.util.Duration.seconds(3);
    static final int RECONNECT_ATTEMPTS = 10;

    private final UiContext context;
    private final I18n i18n;
    private final javafx.animation.PauseTransition retry = new javafx.animation.PauseTransition(RECONNECT_DELAY);
    /** The PIDs the user is watching: live data starts again after an automatic reconnection. */
    private List<Integer> liveWanted = List.of();
    private final VehicleModel model = new VehicleModel();
    private final ConnectChoice choice;
    private final VehicleConnection connection;
    private final LivePoller poller;
    private final PidCatalog catalog = new PidCatalog();
    private final ObservableList<SerialPortInfo> ports = FXCollections.observableArrayList();
    private final List<Runnable> viewDisposers = new ArrayList<>();
    private ScheduledExecutorService portListing;
    /** Sessions, reports and recordings of the obd schema. */
    private final VehicleHistoryService history;
    private final PdfReportWriter reportWriter = new PdfReportWriter();
    /** The one thread that writes the diagnostic history (and reads it): database work never on the FX thread. */
    private final ExecutorService store = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("vehicle-history").daemon(true).factory());
    /** The current connection's session as saved; each later change is chained on it, in order. */
    private CompletableFuture<DiagnosticSession> savedSession;
    /** The recording under way, fed by the polling thread; null when not recording. */
    private volatile Recorder recorder;
    private volatile PortWatcher watcher;
    private View view;

    public VehicleArea(UiContext context) {
        this(context, context.workstation().obdConnector(context.i18n().locale()));
    }

    /** With another connector: tests reach a virtual vehicle whose adapter they can unplug. */
    VehicleArea(UiContext context, fr.novaevo.workstation.obd.session.ObdConnector connector) {
        this.context = context;
        this.i18n = context.i18n();
        this.choice = ConnectChoice.fromSettings(context.workstation().settings().get(DemoMode.ADAPTER_PORT, ""),
                context.workstation().settings().get(DemoMode.ADAPTER_BAUD, "auto"));
        this.poller = new LivePoller(context.workstation().clock(), 3);
        this.history = new VehicleHistoryService(context.workstation().database().dataSource(),
                context.workstation().clock());
        this.connection = new VehicleConnection(connector, new VehicleConnection.Listener() {
                    @Override
                    public void stateChanged(VehicleConnection.State state, String port, Optional<Throwable> failure) {
                        FxExecutor.INSTANCE.execute(() -> onState(state, port, failure.orElse(null)));
                    }

                    @Override
                    public void voltage(double volts) {
                        FxExecutor.INSTANCE.execute(() -> model.voltage.set(volts));
                    }
                });
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "vehicle.nav";
    }

    @Override
    public Node createView() {
        disposeView();
        startPortListing();
        ConnectView connect = new ConnectView(context, model, choice, ports, this);
        OverviewView overview = new OverviewView(context, model, this);
        CodesView codes = new CodesView(context, model, this);
        ReadinessView readiness = new ReadinessView(context, model, this);
        LiveView live = new LiveView(context, model, this);
        IdentificationView identification = new IdentificationView(context, model, this);
        ReportView report = new ReportView(context, model, this);
        HistoryView historyView = new HistoryView(context, model, this);
        viewDisposers.add(connect::dispose);
        viewDisposers.add(overview::dispose);
        viewDisposers.add(codes::dispose);
        viewDisposers.add(readiness::dispose);
        viewDisposers.add(live::dispose);
        viewDisposers.add(identification::dispose);
        viewDisposers.add(report::dispose);
        viewDisposers.add(historyView::dispose);
        TabPane tabs = new TabPane(
                tab("connect", "vehicle.tab.connect", connect.view()),
                tab("overview", "vehicle.tab.overview", overview.view()),
                tab("codes", "vehicle.tab.codes", codes.view()),
                tab("readiness", "vehicle.tab.readiness", readiness.view()),
                tab("live", "vehicle.tab.live", live.view()),
                tab("identification", "vehicle.tab.identification", identification.view()),
                tab("report", "vehicle.tab.report", report.view()),
                tab("history", "vehicle.tab.history", historyView.view()));
        tabs.setId("vehicle-tabs");
        tabs.getStyleClass().add("vehicle-tabs");
        view = new View(tabs, header());
        if (model.connected()) {
            view.selectTab("overview");
        }
        return view;
    }

    private Tab tab(String id, String key, Node content) {
        Tab tab = new Tab(i18n.t(key), content);
        tab.setId("tab-vehicle-" + id);
        tab.setClosable(false);
        return tab;
    }

    /** The connection state, always in view above the tabs, with disconnect and reconnect. */
    private Node header() {
        Label dot = new Label("●");
        dot.getStyleClass().add("vehicle-state-dot");
        Label state = new Label();
        state.setId("vehicle-state");
        state.getStyleClass().add("vehicle-state");
        state.setWrapText(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("vehicle-busy-progress");
        progress.setPrefSize(26, 26);
        Label busy = new Label();
        busy.setId("vehicle-busy");
        busy.textProperty().bind(model.busy);
        Button reconnect = new Button(i18n.t("vehicle.reconnect"));
        reconnect.setId("vehicle-reconnect");
        reconnect.getStyleClass().addAll("primary", "vehicle-big-button");
        reconnect.setOnAction(e -> reconnect());
        Button disconnect = new Button(i18n.t("vehicle.disconnect"));
        disconnect.setId("vehicle-disconnect");
        disconnect.getStyleClass().add("vehicle-big-button");
        disconnect.setOnAction(e -> disconnect());
        reconnect.setMinWidth(Region.USE_PREF_SIZE);
        disconnect.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(state, Priority.SOMETIMES);
        HBox bar = new HBox(10, dot, state, progress, busy, grow, reconnect, disconnect);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("vehicle-header");
        bar.getStyleClass().add("vehicle-header");
        Runnable refresh = () -> {
            VehicleConnection.State s = model.state.get();
            String text = switch (s) {
                case DISCONNECTED -> model.failure.get() == null ? i18n.t("vehicle.state.disconnected")
                        : i18n.t("vehicle.state.failed", code(model.failure.get()));
                case CONNECTING -> model.reconnectAttempt.get() > 0
                        ? i18n.t("vehicle.state.reconnecting", shortPortLabel(model.port.get()),
                                model.reconnectAttempt.get(), RECONNECT_ATTEMPTS)
                        : i18n.t("vehicle.state.connecting", shortPortLabel(model.port.get()));
                case CONNECTED -> i18n.t("vehicle.state.connected", shortPortLabel(model.port.get()),
                        model.scan.get() == null ? "…" : model.scan.get().protocol());
                case LOST -> i18n.t("vehicle.state.lost", shortPortLabel(model.port.get()),
                        model.failure.get() == null ? "?" : code(model.failure.get()))
                        + " " + (model.reconnectAttempt.get() < RECONNECT_ATTEMPTS
                                ? i18n.t("vehicle.state.retry", RECONNECT_ATTEMPTS - model.reconnectAttempt.get())
                                : i18n.t("vehicle.state.gaveup"));
            };
            state.setText(text);
            String style = switch (s) {
                case DISCONNECTED -> "vehicle-state-off";
                case CONNECTING -> "vehicle-state-busy";
                case CONNECTED -> "vehicle-state-on";
                case LOST -> "vehicle-state-lost";
            };
            bar.getStyleClass().removeAll("vehicle-state-off", "vehicle-state-busy", "vehicle-state-on",
                    "vehicle-state-lost");
            bar.getStyleClass().add(style);
            boolean working = s == VehicleConnection.State.CONNECTING || !model.busy.get().isEmpty();
            progress.setVisible(working);
            progress.setManaged(working);
            reconnect.setVisible(s == VehicleConnection.State.LOST);
            reconnect.setManaged(s == VehicleConnection.State.LOST);
            boolean open = s == VehicleConnection.State.CONNECTED || s == VehicleConnection.State.LOST;
            disconnect.setVisible(open);
            disconnect.setManaged(open);
        };
        listen(model.state, refresh);
        listen(model.failure, refresh);
        listen(model.scan, refresh);
        listen(model.busy, refresh);
        listen(model.port, refresh);
        listen(model.reconnectAttempt, refresh);
        refresh.run();
        return bar;
    }

    /** Listens for the life of the current view only. */
    <T> void listen(javafx.beans.value.ObservableValue<T> observable, Runnable action) {
        javafx.beans.value.ChangeListener<T> listener = (o, old, now) -> action.run();
        observable.addListener(listener);
        viewDisposers.add(() -> observable.removeListener(listener));
    }

    private static String code(Throwable failure) {
        Throwable t = VehicleTexts.unwrap(failure);
        return t instanceof fr.novaevo.workstation.core.error.WorkstationException w ? w.code() : "?";
    }

    /** The demo vehicle without its scenario, for the state bar. */
    private String shortPortLabel(String port) {
        return port.equals("sim") || port.startsWith("sim:") ? i18n.t("vehicle.connect.demo") : port;
    }

    // ---- actions, called on the FX thread by the views -------------------------------------------------

    void connect(String port, int baud) {
        if (connection.state() == VehicleConnection.State.CONNECTING
                || connection.state() == VehicleConnection.State.CONNECTED) {
            return;
        }
        boolean again = connection.state() == VehicleConnection.State.LOST && port.equals(connection.port());
        if (!again) {
            model.clearVehicle(); // a reconnection keeps what the screens show until it is read again
            model.failure.set(null);
            model.live.reset(List.of(), Map.of()); // another vehicle: its values must not reach this report
            model.replayed.set(null);
            model.replayMessage.set("");
            savedSession = null;
        }
        retry.stop();
        if (watcher != null) {
            watcher.pause(); // listing ports can disturb some USB drivers while one is in use
        }
        connection.connect(port, baud).whenCompleteAsync((session, failure) -> {
            if (failure == null) {
                model.reconnectAttempt.set(0);
                CompletableFuture<Reading> reading = readVehicle(true);
                if (savedSession == null) {
                    reading.thenAccept(r -> beginSession(r.scan()));
                }
                if (again && !liveWanted.isEmpty()) {
                    startLive(liveWanted, true);
                } else if (view != null && !again) {
                    view.selectTab("overview");
                }
            } else if (watcher != null) {
                watcher.resume();
            }
        }, FxExecutor.INSTANCE);
    }

    void cancelConnect() {
        connection.cancelConnect();
    }

    void disconnect() {
        liveWanted = List.of();
        retry.stop();
        model.reconnectAttempt.set(0);
        connection.disconnect();
        stopRecording();
    }

    /** The reconnect button: a fresh series of automatic attempts follows if this one fails. */
    void reconnect() {
        model.reconnectAttempt.set(0);
        reconnectNow();
    }

    private void reconnectNow() {
        String port = connection.port();
        if (!port.isEmpty() && connection.state() == VehicleConnection.State.LOST) {
            connect(port, connection.baud());
        }
    }

    /** After a loss: tries again in a moment, a bounded number of times. */
    private void scheduleReconnect() {
        if (model.reconnectAttempt.get() >= RECONNECT_ATTEMPTS) {
            stopRecording(); // no more automatic attempt: the recording ends with what it has
            return;
        }
        retry.setOnFinished(e -> {
            if (connection.state() == VehicleConnection.State.LOST) {
                model.reconnectAttempt.set(model.reconnectAttempt.get() + 1);
                reconnectNow();
            }
        });
        retry.playFromStart();
    }

    /** Everything the screens show, read in one go on the port thread. */
    record Reading(ScanResult scan, boolean can, double voltage, List<MonitorTest> monitors, Throwable monitorFailure,
            List<FreezeFrame> freeze, EcuIdentification identification, Throwable identificationFailure) {
    }

    private Reading read(ObdSession session, boolean identify) {
        ScanResult scan = session.scan();
        double voltage = scan.adapter().voltage().orElse(Double.NaN);
        try {
            voltage = session.batteryVoltage();
        } catch (ObdException e) {
            rethrowIfLinkLost(e);
            LOG.info("battery voltage not readable: {}", e.getMessage());
        }
        List<MonitorTest> monitors = List.of();
        Throwable monitorFailure = null;
        try {
            monitors = session.monitorResults();
        } catch (ObdException e) {
            rethrowIfLinkLost(e);
            monitorFailure = e;
        }
        List<FreezeFrame> freeze = List.of();
        List<Integer> pids = FREEZE_PIDS.stream()
                .filter(p -> scan.supportedPids().contains(String.format("%02X", p))).toList();
        boolean anyStored = !scan.dtcs().stored().isEmpty();
        if (anyStored) {
            try {
                freeze = session.freezeFrame(0, pids);
            } catch (ObdException e) {
                rethrowIfLinkLost(e);
                LOG.info("freeze frame not readable: {}", e.getMessage());
            }
        }
        EcuIdentification identification = null;
        Throwable identificationFailure = null;
        boolean can = session.protocol().isCan();
        if (identify && can) {
            try {
                identification = session.identify(engineRequestId(scan));
            } catch (ObdException e) {
                rethrowIfLinkLost(e);
                identificationFailure = e;
            }
        }
        return new Reading(scan, can, voltage, monitors, monitorFailure, freeze, identification, identificationFailure);
    }

    private static void rethrowIfLinkLost(ObdException e) {
        if (e.reason().exitCategory() == ObdErrorCode.Category.ADAPTER) {
            throw e;
        }
    }

    /** The engine ECU's request id from its response id: 7E8 → 7E0, 18DAF110 → 18DA10F1. */
    static String engineRequestId(ScanResult scan) {
        for (String ecu : scan.ecus()) {
            if (ecu.matches("7E[89A-F]")) {
                return "7E" + Integer.toHexString(Integer.parseInt(ecu.substring(2), 16) - 8).toUpperCase();
            }
            if (ecu.matches("18DAF1[0-9A-F]{2}")) {
                return "18DA" + ecu.substring(6) + "F1";
            }
        }
        return "7E0";
    }

    private void apply(Reading reading) {
        model.udsAvailable.set(reading.can());
        model.scan.set(reading.scan());
        context.benchVehicle().set(BenchReading.of(reading.scan(), connection)); // for a booking's "Lire au banc"
        model.monitorTests.set(reading.monitors());
        model.monitorFailure.set(reading.monitorFailure());
        model.freezeFrames.set(reading.freeze());
        model.voltage.set(reading.voltage());
        if (reading.identification() != null || reading.identificationFailure() != null) {
            model.identification.set(reading.identification());
            model.identificationFailure.set(reading.identificationFailure());
        }
    }

    /** Reads (again) everything from the vehicle; {@code identify} adds the UDS identification. */
    CompletableFuture<Reading> readVehicle(boolean identify) {
        CompletableFuture<Reading> reading = run(i18n.t("vehicle.busy.reading"), session -> read(session, identify));
        reading.thenAccept(this::apply)
                .exceptionally(failure -> {
                    model.codesMessage.set(VehicleTexts.error(i18n, failure));
                    model.codesMessageError.set(true);
                    return null;
                });
        return reading;
    }

    void clearCodes(boolean engineOff) {
        ScanResult scan = model.scan.get();
        if (scan == null) {
            return;
        }
        List<EcuCode> before = new ArrayList<>();
        for (List<ScanResult.Dtc> list : List.of(scan.dtcs().stored(), scan.dtcs().pending(), scan.dtcs().permanent())) {
            for (ScanResult.Dtc dtc : list) {
                EcuCode code = new EcuCode(dtc.ecu(), DiagnosticTroubleCode.parse(dtc.code()));
                if (!before.contains(code)) {
                    before.add(code);
                }
            }
        }
        String vehicle = scan.vin().orElse(connection.port());
        ClearConfirmation confirmation = new ClearConfirmation(vehicle, before, engineOff);
        model.codesMessage.set("");
        run(i18n.t("vehicle.busy.clearing"), session -> {
            List<String> ecus = session.clearCodes(confirmation);
            return Map.entry(ecus, read(session, false)); // re-read what the clearing left
        }).whenComplete((done, failure) -> {
            if (failure != null) {
                model.codesMessage.set(i18n.t("vehicle.codes.clear.failed", VehicleTexts.error(i18n, failure)));
                model.codesMessageError.set(true);
            } else {
                apply(done.getValue());
                recordClear(done.getValue().scan().dtcs());
                model.codesMessage.set(i18n.t("vehicle.codes.clear.done", String.join(", ", done.getKey()),
                        done.getValue().scan().dtcs().count()));
                model.codesMessageError.set(false);
            }
        });
    }

    void readIdentification() {
        ScanResult scan = model.scan.get();
        if (!model.udsAvailable.get()) {
            return;
        }
        String request = scan == null ? "7E0" : engineRequestId(scan);
        run(i18n.t("vehicle.busy.identification"), session -> session.identify(request))
                .whenComplete((identification, failure) -> {
                    model.identification.set(failure == null ? identification : null);
                    model.identificationFailure.set(failure == null ? null : VehicleTexts.unwrap(failure));
                });
    }

    /** Runs {@code work} on the port thread with the busy text shown; completes on the FX thread. */
    private <T> CompletableFuture<T> run(String busyText, java.util.function.Function<ObdSession, T> work) {
        model.busy.set(busyText);
        return connection.call(work).whenCompleteAsync((r, f) -> model.busy.set(""), FxExecutor.INSTANCE);
    }

    /** Live names in the user's language where we have them, else the standard's English name. */
    String pidName(int pid) {
        String english = catalog.find(pid).map(d -> d.name()).orElse(String.format("PID %02X", pid));
        return i18n.tOr(String.format("vehicle.pid.%02X", pid), english);
    }

    void startLive(List<Integer> pids) {
        startLive(pids, false);
    }

    /** {@code afterLoss}: the automatic reconnection goes on with the same PIDs, the charts keep their history. */
    private void startLive(List<Integer> pids, boolean afterLoss) {
        if (pids.isEmpty() || !model.connected() || connection.live()) {
            return;
        }
        if (!afterLoss || !model.live.watches(pids)) {
            Map<Integer, String> names = new HashMap<>();
            pids.forEach(p -> names.put(p, pidName(p)));
            model.live.reset(pids, names);
        }
        model.liveRunning.set(true);
        model.liveMessage.set("");
        liveWanted = List.copyOf(pids);
        model.replayed.set(null);
        model.replayMessage.set("");
        long started = System.nanoTime();
        Recorder resumed = recorder;
        if (resumed != null) {
            model.recordMessage.set(i18n.t("vehicle.live.record.resumed", resumed.recordingId()));
        }
        connection.startLive(poller, List.copyOf(pids), sample -> {
            model.live.add(sample);
            Recorder r = recorder;
            if (r != null) {
                r.accept(sample);
            }
        }).whenCompleteAsync((summary, failure) -> {
            model.liveRunning.set(false);
            if (failure != null && isLinkLoss(failure)) {
                model.live.gap(); // the charts show the break, then what comes after the reconnection
            }
            if (failure != null && recorder != null && isLinkLoss(failure)) {
                pauseRecording(failure); // the same recording goes on after the automatic reconnection
            } else {
                stopRecording(); // stopped by the user: what was received is committed
            }
            if (failure != null) {
                model.liveMessage.set(VehicleTexts.error(i18n, failure));
            } else {
                model.liveMessage.set(i18n.t("vehicle.live.summary", summary.samples(),
                        i18n.number(summary.rate(), 1), i18n.duration(Duration.ofNanos(System.nanoTime() - started))));
            }
        }, FxExecutor.INSTANCE);
    }

    /** What the live screen draws now: each watched PID's history (tests look at the reconnection's gap). */
    LiveBuffer.Snapshot liveSnapshot() {
        return model.live.snapshot();
    }

    void stopLive() {
        liveWanted = List.of();
        connection.stopLive();
    }

    /** A failure that turns the connection lost (and starts the automatic reconnection). */
    private static boolean isLinkLoss(Throwable failure) {
        return VehicleTexts.unwrap(failure) instanceof ObdException o
                && o.reason().exitCategory() == ObdErrorCode.Category.ADAPTER;
    }

    /**
     * The adapter was lost while recording: the break is marked in the recording, which stays open for the
     * samples of the reconnected adapter; giving up the reconnection or disconnecting closes it.
     */
    private void pauseRecording(Throwable failure) {
        Recorder r = recorder;
        if (r == null) {
            return;
        }
        r.gap(context.workstation().clock().instant(), code(failure));
        model.recordMessage.set(i18n.t("vehicle.live.record.paused", r.recordingId(), r.received()));
    }

    private void onState(VehicleConnection.State state, String port, Throwable failure) {
        model.port.set(port);
        model.failure.set(failure != null && !(VehicleTexts.unwrap(failure) instanceof ObdException o
                && o.reason() == ObdErrorCode.CANCELLED) ? failure : null);
        model.state.set(state);
        context.shell().adapterLink(switch (state) {
            case CONNECTING -> UiContext.AdapterLink.CONNECTING;
            case CONNECTED -> UiContext.AdapterLink.CONNECTED;
            case LOST -> UiContext.AdapterLink.LOST;
            case DISCONNECTED -> UiContext.AdapterLink.NONE;
        }, port);
        if (state == VehicleConnection.State.DISCONNECTED || state == VehicleConnection.State.LOST) {
            context.benchVehicle().set(null);
            model.busy.set("");
            model.liveRunning.set(false);
            if (watcher != null) {
                watcher.resume();
            }
        }
        if (state == VehicleConnection.State.LOST) {
            scheduleReconnect();
        } else if (state == VehicleConnection.State.DISCONNECTED) {
            retry.stop();
            model.reconnectAttempt.set(0);
        }
    }

    // ---- diagnostic history: session, report, recordings ------------------------------------------------

    /** Key live values for the report, read once when live data has not shown them. */
    static final List<Integer> KEY_PIDS = List.of(0x0C, 0x05, 0x0D, 0x04, 0x0F, 0x42);

    /** Records the session of a new connection, once its first reading is in. */
    private void beginSession(ScanResult scan) {
        DiagnosticSession draft = DiagnosticSession.fromScan(scan, connection.port(),
                context.workstation().clock().instant());
        savedSession = CompletableFuture.supplyAsync(() -> history.sessions().save(draft), store);
        publishSession(savedSession);
    }

    private void recordClear(ScanResult.Dtcs after) {
        if (savedSession == null) {
            return;
        }
        java.time.Instant at = context.workstation().clock().instant();
        savedSession = savedSession.thenApplyAsync(s -> {
            history.sessions().recordCodesAfterClear(s.id(), after, at);
            return s.withCodesAfter(after, at);
        }, store);
        publishSession(savedSession);
    }

    private void publishSession(CompletableFuture<DiagnosticSession> saving) {
        saving.whenCompleteAsync((saved, failure) -> {
            if (saving != savedSession) {
                return; // another connection since
            }
            if (failure != null) {
                LOG.warn("the diagnostic session could not be recorded", VehicleTexts.unwrap(failure));
                model.reportMessage.set(i18n.t("vehicle.report.session.failed"));
                model.reportMessageError.set(true);
                return;
            }
            model.session.set(saved);
            refreshHistory();
        }, FxExecutor.INSTANCE);
    }

    /** The latest live values on screen, unless the screen shows a replayed recording. */
    private List<KeyValue> liveKeyValues() {
        List<KeyValue> out = new ArrayList<>();
        if (model.replayed.get() == null) {
            for (LiveBuffer.Series s : model.live.snapshot().series()) {
                if (!s.latestText().isEmpty()) {
                    out.add(new KeyValue(s.name(), s.latest(), s.unit(), s.latestText()));
                }
            }
        }
        return out;
    }

    /**
     * Writes the PDF report of the current session on a background job, with the technician's notes and the
     * key live values (those on screen, else read once from the vehicle), records it in the history and the
     * audit journal ({@code obd.report.written}).
     */
    CompletableFuture<java.nio.file.Path> generateReport(String notes, String language) {
        CompletableFuture<DiagnosticSession> saved = savedSession;
        if (saved == null || model.reportRunning.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no session or already running"));
        }
        model.reportRunning.set(true);
        model.reportMessageError.set(false);
        model.reportMessage.set(i18n.t("vehicle.report.running"));
        List<KeyValue> onScreen = liveKeyValues();
        ScanResult scan = model.scan.get();
        CompletableFuture<List<KeyValue>> values;
        if (!onScreen.isEmpty() || !model.connected() || connection.live() || scan == null) {
            values = CompletableFuture.completedFuture(onScreen);
        } else {
            List<Integer> pids = KEY_PIDS.stream()
                    .filter(p -> scan.supportedPids().contains(String.format("%02X", p))).toList();
            values = pids.isEmpty() ? CompletableFuture.completedFuture(List.of())
                    : connection.call(session -> {
                        List<KeyValue> read = new ArrayList<>();
                        java.util.Set<Integer> seen = new java.util.HashSet<>();
                        for (fr.novaevo.workstation.obd.service.PidReading r : session.live().read(pids)) {
                            if (seen.add(r.pid())) {
                                read.add(new KeyValue(pidName(r.pid()), r.value(), r.unit(), r.text()));
                            }
                        }
                        return read;
                    }).exceptionally(failure -> {
                        LOG.info("key values not readable for the report: {}", failure.getMessage());
                        return List.of();
                    });
        }
        fr.novaevo.workstation.app.bootstrap.Workstation w = context.workstation();
        GarageIdentity garage = GarageIdentity.from(w.settings());
        String technician = w.settings().get(fr.novaevo.workstation.app.bootstrap.Workstation.TECHNICIAN_SETTING)
                .orElse("");
        Locale locale = "en".equals(language) ? I18n.ENGLISH : I18n.FRENCH;
        java.time.ZoneId zone = i18n.zone();
        java.nio.file.Path folder = reportFolder();
        return values.thenCombine(saved, (v, s) -> s.withNotes(notes).withKeyValues(v.isEmpty() ? s.keyValues() : v))
                .thenCompose(s -> w.jobs().submit("obd.report", s.vin(), job -> {
                    job.progress(0, 3, "session");
                    history.sessions().updateNotesAndValues(s.id(), s.notes(), s.keyValues());
                    ReportContent content = new ReportContent(garage, s, s.vin().isEmpty() ? Optional.empty()
                            : Optional.of(new VinDecoder(w.clock()).decode(s.vin())), technician, locale, zone,
                            w.clock().instant());
                    java.nio.file.Path target = folder.resolve(PdfReportWriter.fileName(content));
                    job.progress(1, 3, "pdf");
                    int pages = reportWriter.write(content, target);
                    job.progress(2, 3, "history");
                    history.sessions().recordReport(java.util.OptionalLong.of(s.id()), s.vin(), target,
                            content.language(), content.generatedAt());
                    w.audit().record("obd.report.written", s.vin(), target.getFileName() + " ("
                            + content.language() + ", " + pages + " p.)");
                    job.progress(3, 3, "done");
                    return target;
                }).result())
                .whenCompleteAsync((path, failure) -> {
                    model.reportRunning.set(false);
                    if (failure != null) {
                        model.reportMessage.set(i18n.t("vehicle.report.failed", VehicleTexts.error(i18n, failure)));
                        model.reportMessageError.set(true);
                    } else {
                        model.reportPath.set(path);
                        model.reportMessage.set(i18n.t("vehicle.report.done", path.getFileName().toString()));
                        model.reportMessageError.set(false);
                        refreshHistory();
                    }
                }, FxExecutor.INSTANCE);
    }

    java.nio.file.Path reportFolder() {
        return context.workstation().layout().root().resolve("rapports");
    }

    /** Opens the folder of the last report in the desktop's file manager; says where it is when it cannot. */
    void openReportFolder() {
        java.nio.file.Path report = model.reportPath.get();
        if (report == null) {
            return;
        }
        java.nio.file.Path folder = report.getParent();
        context.workstation().jobs().submit("obd.report.open", folder.toString(), job -> {
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                throw new UnsupportedOperationException("no desktop to open " + folder);
            }
            java.awt.Desktop.getDesktop().open(folder.toFile());
            return folder;
        }).result().whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                LOG.info("cannot open {}: {}", folder, failure.getMessage());
                model.reportMessage.set(i18n.t("vehicle.report.open.failed", folder.toString()));
                model.reportMessageError.set(false);
            }
        }, FxExecutor.INSTANCE);
    }

    /** Starts recording the live data under way to the database. */
    void startRecording() {
        if (!connection.live() || model.recording.get()) {
            return;
        }
        ScanResult scan = model.scan.get();
        String vin = scan == null ? "" : scan.vin().orElse("");
        DiagnosticSession session = model.session.get();
        java.util.OptionalLong sessionId = session == null ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(session.id());
        List<Integer> pids = liveWanted;
        model.recording.set(true);
        model.recordMessage.set("");
        CompletableFuture.supplyAsync(() -> history.recordings().start(vin, sessionId, pids,
                Recorder.Settings.defaults()), store).whenCompleteAsync((started, failure) -> {
                    if (failure != null) {
                        model.recording.set(false);
                        model.recordMessage.set(i18n.t("vehicle.live.record.failed", VehicleTexts.error(i18n, failure)));
                        return;
                    }
                    if (!model.recording.get() || !connection.live()) {
                        closeRecorder(started); // stopped meanwhile
                        return;
                    }
                    recorder = started;
                    model.recordMessage.set(i18n.t("vehicle.live.record.on", started.recordingId()));
                }, FxExecutor.INSTANCE);
    }

    /** Stops the recording: every sample already received is committed, on the history thread. */
    void stopRecording() {
        Recorder r = recorder;
        recorder = null;
        model.recording.set(false);
        if (r != null) {
            closeRecorder(r);
        }
    }

    private void closeRecorder(Recorder r) {
        CompletableFuture<Recorder> closing;
        try {
            closing = CompletableFuture.supplyAsync(() -> {
                r.close();
                return r;
            }, store);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            r.close(); // the area is being disposed: commit what is left on the way out
            return;
        }
        closing.whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                model.recordMessage.set(i18n.t("vehicle.live.record.failed", VehicleTexts.error(i18n, failure)));
            } else {
                model.recordMessage.set(i18n.t("vehicle.live.record.done", r.recordingId(), r.written()));
            }
            refreshHistory();
        }, FxExecutor.INSTANCE);
    }

    /** Shows the history of {@code vin}: its sessions, reports and recordings. */
    void showHistory(String vin) {
        String v = SessionStore.normaliseVin(vin);
        model.historyVin.set(v);
        model.historyMessageError.set(false);
        if (v.isEmpty()) {
            model.history.set(null);
            model.historyMessage.set(i18n.t("vehicle.history.novin"));
            return;
        }
        CompletableFuture.supplyAsync(() -> history.history(v), store).whenCompleteAsync((found, failure) -> {
            if (!v.equals(model.historyVin.get())) {
                return; // a newer request
            }
            if (failure != null) {
                model.historyMessage.set(VehicleTexts.error(i18n, failure));
                model.historyMessageError.set(true);
                return;
            }
            model.history.set(found);
            model.historyMessage.set(found.isEmpty() ? i18n.t("vehicle.history.empty", v)
                    : i18n.t("vehicle.history.summary", found.sessions().size(), found.reports().size(),
                            found.recordings().size()));
        }, FxExecutor.INSTANCE);
    }

    private void refreshHistory() {
        if (!model.historyVin.get().isEmpty()) {
            showHistory(model.historyVin.get());
        }
    }

    /** Reads a recording back, in order, into the live view (its charts keep the last minute). */
    void replay(RecordingInfo recording) {
        if (connection.live()) {
            model.historyMessage.set(i18n.t("vehicle.history.replay.busy"));
            model.historyMessageError.set(true);
            return;
        }
        Map<Integer, String> names = new HashMap<>();
        recording.pids().forEach(p -> names.put(p, pidName(p)));
        model.live.reset(recording.pids(), names);
        model.replayed.set(null);
        java.util.concurrent.atomic.AtomicInteger gaps = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture.supplyAsync(() -> history.recordings().replay(recording.id(), model.live::add,
                gap -> {
                    gaps.incrementAndGet();
                    model.live.gap();
                }), store)
                .whenCompleteAsync((count, failure) -> {
                    if (failure != null) {
                        model.historyMessage.set(VehicleTexts.error(i18n, failure));
                        model.historyMessageError.set(true);
                        return;
                    }
                    model.liveMessage.set("");
                    model.replayMessage.set(i18n.t("vehicle.live.replay.done", recording.id(),
                            i18n.dateTime(recording.startedAt()), count)
                            + (gaps.get() > 0 ? " " + i18n.t("vehicle.live.replay.gaps", gaps.get()) : ""));
                    model.replayed.set(recording);
                    model.historyMessage.set(i18n.t("vehicle.history.replay.done", recording.id(), count));
                    model.historyMessageError.set(false);
                    if (view != null) {
                        view.selectTab("live");
                    }
                }, FxExecutor.INSTANCE);
    }

    /** Exports a recording as CSV into the data folder's exports, on a background job, and says where. */
    CompletableFuture<java.nio.file.Path> exportRecording(RecordingInfo recording) {
        fr.novaevo.workstation.app.bootstrap.Workstation w = context.workstation();
        String vin = recording.vin().isEmpty() ? "sans-vin" : recording.vin();
        java.nio.file.Path target = w.layout().root().resolve("exports")
                .resolve("enregistrement-" + vin + "-" + recording.id() + ".csv");
        return w.jobs().submit("obd.recording.export", target.getFileName().toString(), job -> {
            job.progress(0, recording.samples(), "csv");
            long rows = history.recordings().exportCsv(recording.id(), target);
            job.progress(rows, rows, "csv");
            w.audit().record("obd.recording.exported", recording.vin(), target.getFileName() + " (" + rows + ")");
            return target;
        }).result().whenCompleteAsync((path, failure) -> {
            if (failure != null) {
                model.historyMessage.set(i18n.t("vehicle.history.export.failed", VehicleTexts.error(i18n, failure)));
                model.historyMessageError.set(true);
            } else {
                model.historyMessage.set(i18n.t("vehicle.history.export.done", path.toString()));
                model.historyMessageError.set(false);
            }
        }, FxExecutor.INSTANCE);
    }

    // ---- serial ports -------------------------------------------------------------------------------------

    private void startPortListing() {
        if (portListing != null) {
            return;
        }
        portListing = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vehicle-ports").daemon(true).factory());
        portListing.execute(() -> {
            try {
                PortWatcher w = new PortWatcher(SerialPortDiscovery.system(), changes -> publishPorts());
                watcher = w;
                publishPorts();
                w.start(portListing, Duration.ofSeconds(2));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("serial ports cannot be listed", e);
                FxExecutor.INSTANCE.execute(() -> ports.clear());
            }
        });
    }

    private void publishPorts() {
        PortWatcher w = watcher;
        if (w != null) {
            List<SerialPortInfo> now = w.ports();
            FxExecutor.INSTANCE.execute(() -> ports.setAll(now));
        }
    }

    /** Lists the ports now (the refresh button). */
    void refreshPorts() {
        if (portListing != null && !portListing.isShutdown()) {
            portListing.execute(() -> {
                PortWatcher w = watcher;
                if (w != null) {
                    w.pollNow();
                    publishPorts();
                }
            });
        }
    }

    private void disposeView() {
        viewDisposers.forEach(Runnable::run);
        viewDisposers.clear();
        view = null;
    }

    @Override
    public void dispose() {
        retry.stop();
        context.benchVehicle().set(null);
        disposeView();
        connection.close();
        stopRecording();
        store.shutdown(); // the recording's close and any queued write still run
        if (watcher != null) {
            watcher.close();
        }
        if (portListing != null) {
            portListing.shutdownNow();
            portListing = null;
        }
    }

    /** The area's view: the state bar above the tabs; the shell can open it on a given tab. */
    static final class View extends BorderPane implements MainWindow.TabbedView {
        private final TabPane tabs;

        View(TabPane tabs, Node header) {
            super(tabs);
            this.tabs = tabs;
            setTop(header);
            setId("vehicle-view");
        }

        @Override
        public void selectTab(String tabId) {
            tabs.getTabs().stream().filter(t -> t.getId().equals("tab-vehicle-" + tabId)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
    }
}
