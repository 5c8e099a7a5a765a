package fr.novaevo.workstation.app.ui.vehicle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import fr.novaevo.workstation.app.ui.Area;
import fr.novaevo.workstation.app.ui.DemoMode;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.discovery.PortWatcher;
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
        viewDisposers.add(connect::dispose);
        viewDisposers.add(overview::dispose);
        viewDisposers.add(codes::dispose);
        viewDisposers.add(readiness::dispose);
        viewDisposers.add(live::dispose);
        viewDisposers.add(identification::dispose);
        TabPane tabs = new TabPane(
                tab("connect", "vehicle.tab.connect", connect.view()),
                tab("overview", "vehicle.tab.overview", overview.view()),
                tab("codes", "vehicle.tab.codes", codes.view()),
                tab("readiness", "vehicle.tab.readiness", readiness.view()),
                tab("live", "vehicle.tab.live", live.view()),
                tab("identification", "vehicle.tab.identification", identification.view()));
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
        }
        retry.stop();
        if (watcher != null) {
            watcher.pause(); // listing ports can disturb some USB drivers while one is in use
        }
        connection.connect(port, baud).whenCompleteAsync((session, failure) -> {
            if (failure == null) {
                model.reconnectAttempt.set(0);
                readVehicle(true);
                if (again && !liveWanted.isEmpty()) {
                    startLive(liveWanted);
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
    void readVehicle(boolean identify) {
        run(i18n.t("vehicle.busy.reading"), session -> read(session, identify)).thenAccept(this::apply)
                .exceptionally(failure -> {
                    model.codesMessage.set(VehicleTexts.error(i18n, failure));
                    model.codesMessageError.set(true);
                    return null;
                });
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
        if (pids.isEmpty() || !model.connected() || connection.live()) {
            return;
        }
        Map<Integer, String> names = new HashMap<>();
        pids.forEach(p -> names.put(p, pidName(p)));
        model.live.reset(pids, names);
        model.liveRunning.set(true);
        model.liveMessage.set("");
        liveWanted = List.copyOf(pids);
        long started = System.nanoTime();
        connection.startLive(poller, List.copyOf(pids), model.live::add).whenCompleteAsync((summary, failure) -> {
            model.liveRunning.set(false);
            if (failure != null) {
                model.liveMessage.set(VehicleTexts.error(i18n, failure));
            } else {
                model.liveMessage.set(i18n.t("vehicle.live.summary", summary.samples(),
                        i18n.number(summary.rate(), 1), i18n.duration(Duration.ofNanos(System.nanoTime() - started))));
            }
        }, FxExecutor.INSTANCE);
    }

    void stopLive() {
        liveWanted = List.of();
        connection.stopLive();
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
        disposeView();
        connection.close();
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
