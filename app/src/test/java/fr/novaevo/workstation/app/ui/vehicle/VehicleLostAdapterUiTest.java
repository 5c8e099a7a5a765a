package fr.novaevo.workstation.app.ui.vehicle;

import fr.novaevo.workstation.app.ui.Screenshots;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.session.ObdConnector;
import fr.novaevo.workstation.obd.sim.Elm327Emulator;
import fr.novaevo.workstation.obd.sim.FaultInjector;
import fr.novaevo.workstation.obd.sim.SimulatorSettings;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The area alone in a window, on a virtual vehicle whose adapter the test unplugs during live data: the loss
 * is shown with the reconnect button, automatic attempts fail while the adapter is out, and once it is back
 * the vehicle and the live data come back by themselves.
 */
class VehicleLostAdapterUiTest extends FxRobot {

    private final java.util.List<UiContext.AdapterLink> links = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemDefaultZone();
    private final AtomicReference<FaultInjector> adapter = new AtomicReference<>();
    /** Whether the adapter is in the socket: an adapter made while it is not is unplugged from the start. */
    private final java.util.concurrent.atomic.AtomicBoolean plugged = new java.util.concurrent.atomic.AtomicBoolean(true);
    private SimulatorSettings simulator = SimulatorSettings.instant();
    private Workstation workstation;
    private VehicleArea area;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    private void open(String language) throws TimeoutException {
        workstation = Workstation.open(LaunchOptions.inside(dir), clock);
        VirtualVehicles vehicles = new VirtualVehicles(clock);
        TransportFactory transports = new TransportFactory(sim -> {
            FaultInjector faults = new FaultInjector(); // a fresh adapter at each connection
            if (!plugged.get()) {
                faults.unplug();
            }
            adapter.set(faults);
            return new Elm327Emulator(vehicles.create(sim.scenario()), simulator, faults);
        }, Duration.ofSeconds(5));
        ObdConnector connector = new ObdConnector(transports, ElmSettings.defaults(), new PidCatalog(),
                workstation.faultCodes(), new VinDecoder(clock), workstation.audit(), Locale.FRANCE);
        stage = FxToolkit.registerPrimaryStage();
        interact(() -> {
            UiContext context = new UiContext(workstation, new I18n(language, clock.getZone()), stage,
                    dir.resolve("test.log"), new UiContext.Shell() {
                        @Override
                        public void settingsChanged() {
                        }

                        @Override
                        public void dataReplaced() {
                        }

                        @Override
                        public void navigate(String areaId, String tabId) {
                        }

                        @Override
                        public void adapterLink(UiContext.AdapterLink link, String port) {
                            links.add(link);
                        }
                    });
            area = new VehicleArea(context, connector);
            Scene scene = new Scene((Parent) area.createView(), 1070, 760);
            scene.getStylesheets().add(MainWindow.class.getResource("workstation.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void stop() throws TimeoutException {
        if (area == null) {
            return;
        }
        interact(() -> {
            area.dispose();
            stage.hide();
        });
        workstation.close();
    }

    private <T extends Node> T node(String query) {
        return lookup(query).query();
    }

    private String text(String query) {
        return this.<Label>node(query).getText();
    }

    private void await(java.util.function.BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    /** Opens the area in French, connects to the demo vehicle and starts live data with the default PIDs. */
    private void startLiveDataOnTheDemoVehicle() throws TimeoutException {
        open("fr");
        clickOn("#vehicle-connect-button");
        await(() -> text("#vehicle-vin").equals("VF1RJA00XKB123456") && text("#vehicle-busy").isEmpty());
        TabPane tabs = node("#vehicle-tabs");
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals("tab-vehicle-live")).findFirst().orElseThrow()));
        clickOn("#vehicle-live-start");
    }

    @Test
    void anAdapterLostDuringLiveDataIsShownAndCanBeReconnected() throws Exception {
        startLiveDataOnTheDemoVehicle();
        await(() -> !text("#vehicle-live-samples").startsWith("0 "));
        assertThat(this.<Button>node("#vehicle-reconnect").isVisible()).isFalse();

        plugged.set(false);
        adapter.get().unplug();

        await(() -> text("#vehicle-state").startsWith("Adaptateur perdu")
                && this.<Button>node("#vehicle-reconnect").isVisible());
        assertThat(text("#vehicle-state")).contains("OBD-LINK-LOST").contains("nouvelle tentative automatique");
        assertThat(links).as("the status bar is told").contains(UiContext.AdapterLink.CONNECTED, UiContext.AdapterLink.LOST);
        assertThat(text("#vehicle-live-message")).contains("OBD-LINK-LOST");
        Screenshots.save(stage.getScene(), "vehicule-adaptateur-perdu");
        await(() -> text("#vehicle-state").startsWith("Adaptateur perdu") && text("#vehicle-state").contains("(8 "));
        assertThat(text("#vehicle-vin")).as("the last reading stays on screen").isEqualTo("VF1RJA00XKB123456");

        plugged.set(true);

        await(() -> text("#vehicle-state").startsWith("Connecté")
                && !this.<Button>node("#vehicle-live-stop").isDisabled()
                && !text("#vehicle-live-samples").startsWith("0 "));
        assertThat(this.<Button>node("#vehicle-reconnect").isVisible()).isFalse();
        assertThat(text("#vehicle-vin")).isEqualTo("VF1RJA00XKB123456");
        clickOn("#vehicle-live-stop");
        await(() -> !this.<Button>node("#vehicle-live-start").isDisabled());
    }

    @Test
    void aRecordingGoesOnAcrossTheAutomaticReconnectionWithTheBreakMarked() throws Exception {
        startLiveDataOnTheDemoVehicle();
        javafx.scene.control.ToggleButton record = node("#vehicle-live-record");
        await(() -> !record.isDisabled());
        clickOn("#vehicle-live-record");
        await(() -> text("#vehicle-live-record-message").startsWith("Enregistrement n° 1 en cours"));
        await(() -> samplesOnScreen() >= 40);

        plugged.set(false);
        adapter.get().unplug();

        await(() -> text("#vehicle-state").startsWith("Adaptateur perdu")
                && text("#vehicle-live-record-message").contains("en pause"));
        long before = number(text("#vehicle-live-record-message"), "après (\\d+) mesure");
        assertThat(before).isGreaterThanOrEqualTo(40);
        assertThat(record.isSelected()).as("the recording is still open").isTrue();
        Screenshots.save(stage.getScene(), "vehicule-enregistrement-en-pause");

        plugged.set(true);

        await(() -> text("#vehicle-state").startsWith("Connecté")
                && text("#vehicle-live-record-message").contains("repris") && samplesOnScreen() >= 30);
        clickOn("#vehicle-live-record");
        await(() -> text("#vehicle-live-record-message").contains("terminé"));
        long recorded = number(text("#vehicle-live-record-message"), "terminé : (\\d+) mesure");
        assertThat(recorded).isGreaterThanOrEqualTo(before + 30);

        fr.novaevo.workstation.obd.history.RecordingStore store =
                new fr.novaevo.workstation.obd.history.RecordingStore(workstation.database().dataSource(), clock);
        java.util.List<fr.novaevo.workstation.obd.history.RecordingInfo> stored = store.byVin("VF1RJA00XKB123456");
        assertThat(stored).as("one recording across the reconnection").singleElement().satisfies(r -> {
            assertThat(r.samples()).as("every sample received, before and after the break").isEqualTo(recorded);
            assertThat(r.endedAt()).isPresent();
        });
        long id = stored.getFirst().id();
        assertThat(store.gaps(id)).singleElement().satisfies(gap -> {
            assertThat(gap.afterSequence()).isEqualTo(before);
            assertThat(gap.reason()).isEqualTo("OBD-LINK-LOST");
            assertThat(gap.resumedAt()).hasValueSatisfying(t -> assertThat(t).isAfter(gap.lostAt()));
        });
        java.util.List<fr.novaevo.workstation.obd.session.LiveSample> back = new java.util.ArrayList<>();
        store.replay(id, back::add);
        assertThat(back).hasSize((int) recorded);
        assertThat(back).extracting(fr.novaevo.workstation.obd.session.LiveSample::time).isSorted();
        assertThat(back).extracting(fr.novaevo.workstation.obd.session.LiveSample::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, recorded).boxed().toList());
    }

    @Test
    void theChartsKeepTheirHistoryAcrossTheAutomaticReconnectionWithTheBreakVisible() throws Exception {
        // About ten passes a second, so that the charts' minute holds the values before and after the break.
        simulator = SimulatorSettings.instant().withEcuLatency(Duration.ofMillis(100));
        startLiveDataOnTheDemoVehicle();
        await(() -> samplesOnScreen() >= 15);

        plugged.set(false);
        adapter.get().unplug();
        await(() -> text("#vehicle-state").startsWith("Adaptateur perdu"));
        java.util.Map<Integer, double[]> before = new java.util.HashMap<>();
        area.liveSnapshot().series().forEach(s -> before.put(s.pid(), s.values()));
        assertThat(before).hasSize(4).allSatisfy((pid, values) -> {
            assertThat(values.length).isGreaterThanOrEqualTo(15);
            assertThat(values[values.length - 1]).as("the break, at the end of the history").isNaN();
        });
        int first = area.liveSnapshot().series().getFirst().pid();

        plugged.set(true);
        await(() -> text("#vehicle-state").startsWith("Connecté") && area.liveSnapshot().series().getFirst()
                .values().length >= before.get(first).length + 15);
        Screenshots.save(stage.getScene(), "vehicule-courbes-apres-reconnexion");

        for (LiveBuffer.Series series : area.liveSnapshot().series()) {
            double[] was = before.get(series.pid());
            double[] now = series.values();
            // Boxed: Double.equals holds the break's NaN equal to itself.
            assertThat(java.util.Arrays.stream(now).limit(was.length).boxed().toList())
                    .as("%02X: the history before the break, kept", series.pid())
                    .isEqualTo(java.util.Arrays.stream(was).boxed().toList());
            assertThat(java.util.Arrays.stream(now).filter(Double::isNaN).count()).as("one break").isEqualTo(1);
            assertThat(now.length).as("values after the reconnection").isGreaterThan(was.length);
        }
        clickOn("#vehicle-live-stop");
        await(() -> !this.<Button>node("#vehicle-live-start").isDisabled());
    }

    private static long number(String text, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern)
                .matcher(text.replace("\u202f", "").replace("\u00a0", ""));
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long samplesOnScreen() {
        return Long.parseLong(text("#vehicle-live-samples").split(" ")[0].replace("\u202f", "").replace("\u00a0", ""));
    }

    @Test
    void theAreaSpeaksEnglishToo() throws Exception {
        open("en");
        assertThat(this.<javafx.scene.control.RadioButton>node("#vehicle-connect-demo").getText()).isEqualTo("Demo vehicle");
        clickOn("#vehicle-connect-button");
        await(() -> text("#vehicle-vin").equals("VF1RJA00XKB123456") && text("#vehicle-busy").isEmpty());
        assertThat(text("#vehicle-state")).startsWith("Connected: Demo vehicle");
        assertThat(text("#vehicle-code-count")).startsWith("3 in all: 1 stored, 1 pending, 1 permanent");
        assertThat(text("#vehicle-mil")).isIn("On", "Off");
        Screenshots.save(stage.getScene(), "vehicule-vue-ensemble-en");
    }
}
