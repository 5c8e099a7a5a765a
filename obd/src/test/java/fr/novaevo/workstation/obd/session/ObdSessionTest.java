package fr.novaevo.workstation.obd.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.dtc.CodeStatus;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.dtc.Severity;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.service.ClearConfirmation;
import fr.novaevo.workstation.obd.service.CodeKind;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.sim.Elm327Emulator;
import fr.novaevo.workstation.obd.sim.FaultInjector;
import fr.novaevo.workstation.obd.sim.SimulatorSettings;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import fr.novaevo.workstation.obd.testing.MemoryAuditJournal;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ObdSessionTest {

    static final ElmSettings QUICK = new ElmSettings(Duration.ofMillis(1000), Duration.ofMillis(500),
            Duration.ofMillis(1500), Duration.ofMillis(300), Duration.ofMillis(1500));

    private final VirtualVehicles vehicles = new VirtualVehicles(Clock.systemUTC());
    private final AtomicReference<Elm327Emulator> lastEmulator = new AtomicReference<>();
    private final MemoryAuditJournal journal = new MemoryAuditJournal();

    private ObdConnector connector(Locale locale) {
        TransportFactory factory = new TransportFactory(sim -> {
            Elm327Emulator e = new Elm327Emulator(vehicles.create(sim.scenario()), SimulatorSettings.instant(),
                    new FaultInjector());
            lastEmulator.set(e);
            return e;
        }, Duration.ofSeconds(1));
        return new ObdConnector(factory, QUICK, new PidCatalog(), new FaultCodeDatabase(), new VinDecoder(Clock.systemUTC()), journal, locale);
    }

    @Test
    void oneDamagedAnswerIsAskedAgainAndDoesNotCostTheScan() {
        try (ObdSession session = connector(Locale.ENGLISH).connect("sim:misfire", 38400)) {
            lastEmulator.get().faults().garbage(1);
            ScanResult scan = session.scan();
            assertThat(scan.vin()).hasValue("VF1RJA00XKB123456");
            assertThat(lastEmulator.get().commands().stream().filter(c -> c.equals("0902")).count()).isEqualTo(2);
            lastEmulator.get().faults().garbage(2);
            assertThatThrownBy(session::scan).as("damaged twice: the typed error")
                    .isInstanceOfSatisfying(ObdException.class,
                            e -> assertThat(e.reason()).isEqualTo(ObdErrorCode.MALFORMED_RESPONSE));
        }
    }

    @Test
    void scanGivesEveryFieldOfTheCommandLineContract() {
        try (ObdSession session = connector(Locale.FRENCH).connect("sim:misfire", 38400)) {
            ScanResult scan = session.scan();
            assertThat(scan.adapter().type()).isEqualTo("ELM327");
            assertThat(scan.adapter().version()).isEqualTo("1.5");
            assertThat(scan.adapter().probedVersion()).isEqualTo("1.4");
            assertThat(scan.adapter().voltage()).isPresent();
            assertThat(scan.protocol()).isEqualTo("ISO 15765-4 CAN (11 bit ID, 500 kbaud)");
            assertThat(scan.vin()).hasValue("VF1RJA00XKB123456");
            assertThat(scan.vehicle()).hasValueSatisfying(v -> {
                assertThat(v.manufacturer()).hasValue("Renault");
                assertThat(v.modelYear()).hasValue(2019);
                assertThat(v.valid()).isTrue();
            });
            assertThat(scan.ecus()).containsExactly("7E8", "7E9");
            assertThat(scan.mil()).isTrue();
            assertThat(scan.dtcs().stored()).extracting(ScanResult.Dtc::code).containsExactly("P0302", "P0300");
            ScanResult.Dtc p0302 = scan.dtcs().stored().getFirst();
            assertThat(p0302.description()).isEqualTo("Ratés d'allumage détectés sur le cylindre 2");
            assertThat(p0302.ecu()).isEqualTo("7E8");
            assertThat(p0302.severity()).as("active misfire with the MIL on").isEqualTo(Severity.CRITICAL);
            assertThat(p0302.why()).contains("catalyseur");
            assertThat(scan.dtcs().stored().get(1).severity()).as("P0300 is not pending").isEqualTo(Severity.HIGH);
            assertThat(scan.dtcs().pending()).extracting(ScanResult.Dtc::code).containsExactly("P0302");
            assertThat(scan.dtcs().permanent()).extracting(ScanResult.Dtc::code).containsExactly("P0302");
            assertThat(scan.readiness()).hasSize(2);
            assertThat(scan.supportedPids()).contains("0C", "0D", "05", "42").doesNotContain("00", "20", "40");

            Map<String, Object> json = scan.toMap();
            assertThat(json).containsOnlyKeys("adapter", "protocol", "vin", "ecus", "mil", "dtcs", "readiness",
                    "supportedPids");
            assertThat(asMap(json.get("adapter"))).containsOnlyKeys("type", "version", "voltage");
            Map<String, Object> dtcs = asMap(json.get("dtcs"));
            assertThat(dtcs).containsOnlyKeys("stored", "pending", "permanent");
            assertThat((List<?>) dtcs.get("stored")).first().isEqualTo(Map.of("code", "P0302", "description",
                    "Ratés d'allumage détectés sur le cylindre 2", "ecu", "7E8"));
            assertThat(json.get("mil")).isEqualTo(true);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void descriptionsFollowTheSessionLanguageAndManufacturerCodesSaySo() {
        try (ObdSession session = connector(Locale.ENGLISH).connect("sim", 38400)) {
            assertThat(session.codes(CodeKind.STORED)).extracting(ScanResult.Dtc::description)
                    .containsExactly("Catalyst System Efficiency Below Threshold (Bank 1)");
            assertThat(session.identify("7E1").softwareVersion()).hasValue("TCM 1.8");
            lastEmulator.get().vehicle().storeCode(fr.novaevo.workstation.obd.sim.SimEcu.Role.TRANSMISSION,
                    fr.novaevo.workstation.obd.service.DiagnosticTroubleCode.parse("P1745"));
            List<ScanResult.Dtc> stored = session.codes(CodeKind.STORED);
            assertThat(stored).extracting(ScanResult.Dtc::ecu).containsExactly("7E8", "7E9");
            assertThat(stored.get(1).status()).isEqualTo(CodeStatus.MANUFACTURER_SPECIFIC);
            assertThat(stored.get(1).description()).startsWith("Manufacturer-specific code");
        }
    }

    @Test
    void aKLineCarScansWithItsOwnAddressesAndNoPermanentCodes() {
        try (ObdSession session = connector(Locale.FRENCH).connect("sim:kline", 38400)) {
            ScanResult scan = session.scan();
            assertThat(scan.protocol()).isEqualTo("ISO 14230-4 KWP (fast init)");
            assertThat(scan.ecus()).containsExactly("10", "18");
            assertThat(scan.vin()).hasValue("VF32AKFWF44123456");
            assertThat(scan.vehicle().orElseThrow().manufacturer()).hasValue("Peugeot");
            assertThat(scan.dtcs().stored()).extracting(d -> d.code() + "@" + d.ecu()).containsExactly("P0133@10");
            assertThat(scan.dtcs().permanent()).isEmpty();
            assertThat(scan.supportedPids()).contains("0C", "0D");
        }
    }

    @Test
    void clearingThroughTheSessionIsJournalled() {
        try (ObdSession session = connector(Locale.FRENCH).connect("sim", 38400)) {
            ScanResult before = session.scan();
            assertThat(session.clearCodes(new ClearConfirmation(before.vin().orElseThrow(), List.of(), true)))
                    .contains("7E8");
            ScanResult after = session.scan();
            assertThat(after.dtcs().stored()).isEmpty();
            assertThat(after.dtcs().permanent()).isNotEmpty();
            assertThat(after.mil()).isFalse();
            assertThat(journal.entries()).extracting(e -> e.subject()).containsExactly("VF1RJA00XKB123456");
        }
    }

    @Test
    void ignitionOffFailsTheConnectionWithAVehicleReason() {
        assertThatThrownBy(() -> connector(Locale.FRENCH).connect("sim:ignition-off", 38400))
                .isInstanceOf(ObdException.class)
                .satisfies(e -> {
                    ObdException o = (ObdException) e;
                    assertThat(o.reason()).isEqualTo(ObdErrorCode.UNABLE_TO_CONNECT);
                    assertThat(o.reason().exitCategory()).isEqualTo(ObdErrorCode.Category.VEHICLE);
                });
    }

    @Test
    void pollingDeliversSamplesSkipsDamagedPassesAndReportsARate() {
        try (ObdSession session = connector(Locale.FRENCH).connect("sim", 38400)) {
            session.live().discoverSupportedPids();
            lastEmulator.get().faults().garbage(2);
            List<LiveSample> got = new ArrayList<>();
            PollSummary summary = new LivePoller(Clock.systemUTC(), 5).run(session.live(), List.of(0x0C, 0x0D, 0x05),
                    LivePoller.Limit.samples(10), got::add, () -> false);
            assertThat(summary.samples()).isEqualTo(10);
            assertThat(summary.errors()).isEqualTo(2);
            assertThat(session.live().multiPidEnabled()).as("garbage is not a refusal").isTrue();
            assertThat(summary.stoppedEarly()).isFalse();
            assertThat(got).extracting(LiveSample::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(got.getLast().readings()).extracting(r -> r.pid()).contains(0x0C, 0x0D, 0x05);
            assertThat(summary.line()).matches("samples=10 seconds=\\d+\\.\\d\\d rate=\\d+\\.\\d/s");
        }
    }

    @Test
    void aSilentAdapterEndsPollingAsALostLink() {
        try (ObdSession session = connector(Locale.FRENCH).connect("sim", 38400)) {
            lastEmulator.get().faults().losePrompt(100);
            assertThatThrownBy(() -> new LivePoller(Clock.systemUTC(), 2).run(session.live(), List.of(0x0C),
                    LivePoller.Limit.none(), s -> { }, () -> false))
                    .isInstanceOf(ObdException.class)
                    .satisfies(e -> {
                        assertThat(((ObdException) e).reason()).isEqualTo(ObdErrorCode.LINK_LOST);
                        assertThat(e.getCause()).isInstanceOf(ObdException.class);
                    });
        }
    }

    @Test
    void pollingOnThePortThreadStopsOnRequest() throws Exception {
        ExecutorService portThread = Executors.newSingleThreadExecutor();
        try (ObdSession session = connector(Locale.FRENCH).connect("sim", 38400)) {
            List<LiveSample> got = java.util.Collections.synchronizedList(new ArrayList<>());
            LivePoller.Polling polling = new LivePoller(Clock.systemUTC(), 5).start(session.live(), List.of(0x0C),
                    LivePoller.Limit.none(), s -> {
                        got.add(s);
                    }, portThread);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (got.size() < 3) {
                assertThat(polling.result().isDone()).as("still running").isFalse();
                assertThat(System.nanoTime() - deadline).as("3 samples within 10 s").isNegative();
                Thread.sleep(1);
            }
            polling.stop();
            PollSummary summary = polling.result().get(5, TimeUnit.SECONDS);
            assertThat(summary.stoppedEarly()).isTrue();
            assertThat(summary.samples()).isGreaterThanOrEqualTo(3);
        } finally {
            portThread.shutdownNow();
        }
    }
}
