package fr.novaevo.workstation.obd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.elm.AdapterInfo;
import fr.novaevo.workstation.obd.elm.Elm327;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.frames.FrameFormat;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.frames.ResponseDecoder;
import fr.novaevo.workstation.obd.service.ClearConfirmation;
import fr.novaevo.workstation.obd.service.CodeKind;
import fr.novaevo.workstation.obd.service.DiagnosticService;
import fr.novaevo.workstation.obd.service.EcuCode;
import fr.novaevo.workstation.obd.service.EcuIdentification;
import fr.novaevo.workstation.obd.service.FreezeFrame;
import fr.novaevo.workstation.obd.service.LiveDataService;
import fr.novaevo.workstation.obd.service.MonitorService;
import fr.novaevo.workstation.obd.service.MonitorTest;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.service.Readiness;
import fr.novaevo.workstation.obd.service.UdsClient;
import fr.novaevo.workstation.obd.service.VehicleInfoService;
import fr.novaevo.workstation.obd.testing.MemoryAuditJournal;
import fr.novaevo.workstation.obd.testing.MutableClock;
import fr.novaevo.workstation.obd.transport.PortName;
import fr.novaevo.workstation.obd.transport.SimTransport;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The virtual adapter and vehicle, driven in process by the real driver and services. */
class VirtualVehicleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final VirtualVehicles vehicles = new VirtualVehicles(clock);
    private final PidCatalog catalog = new PidCatalog();
    private Elm327 elm;

    static ElmSettings quick() {
        return new ElmSettings(Duration.ofMillis(1000), Duration.ofMillis(500), Duration.ofMillis(1500),
                Duration.ofMillis(300), Duration.ofMillis(1500));
    }

    private Elm327Emulator connect(VirtualVehicle vehicle, SimulatorSettings settings) {
        Elm327Emulator emulator = new Elm327Emulator(vehicle, settings, new FaultInjector());
        elm = new Elm327(new SimTransport("sim", emulator), quick());
        return emulator;
    }

    @AfterEach
    void close() {
        if (elm != null) {
            elm.close();
        }
    }

    @Test
    void aScanReadsAdapterVinCodesReadinessAndLiveValues() {
        Elm327Emulator emulator = connect(vehicles.demo(), SimulatorSettings.instant());
        AdapterInfo info = elm.initialize();
        assertThat(info.identity()).isEqualTo("ELM327 v1.5");
        assertThat(info.probedVersion()).isEqualTo("1.4");
        assertThat(info.claimsMoreThanItHas()).isTrue();
        assertThat(info.voltage()).hasValue(14.2);
        elm.connectVehicle(ObdProtocol.AUTO);
        assertThat(elm.protocol()).isEqualTo(ObdProtocol.ISO_15765_4_CAN_11_500);

        assertThat(new VehicleInfoService(elm).vin()).hasValue("VF1RJA00XKB123456");
        DiagnosticService diag = new DiagnosticService(elm, catalog, new MemoryAuditJournal());
        assertThat(diag.readCodes(CodeKind.STORED)).extracting(c -> c.code().code() + "@" + c.ecu())
                .containsExactly("P0420@7E8");
        assertThat(diag.readCodes(CodeKind.PENDING)).extracting(c -> c.code().code()).containsExactly("P0171");
        assertThat(diag.readCodes(CodeKind.PERMANENT)).extracting(c -> c.code().code()).containsExactly("P0420");
        List<Readiness> readiness = diag.readiness();
        assertThat(readiness).extracting(Readiness::ecu).containsExactly("7E8", "7E9");
        assertThat(readiness.getFirst().milOn()).isTrue();
        assertThat(readiness.getFirst().dtcCount()).isEqualTo(1);
        assertThat(readiness.getFirst().incomplete()).extracting(Readiness.Monitor::name)
                .containsExactly("Evaporative system");

        LiveDataService live = new LiveDataService(elm, catalog);
        Map<String, SortedSet<Integer>> supported = live.discoverSupportedPids();
        assertThat(supported.get("7E8")).contains(0x0C, 0x0D, 0x05, 0x42, 0x5C);
        assertThat(supported.get("7E9")).contains(0x0D).doesNotContain(0x0C);
        List<PidReading> values = live.read(List.of(0x0C, 0x05));
        assertThat(values).extracting(PidReading::pid).containsExactly(0x0C, 0x05);
        assertThat(values.getFirst().value()).isEqualTo(800.0);
        assertThat(values.get(1).value()).isEqualTo(20.0);
        assertThat(emulator.commands()).contains("ATSP0", "0100", "0902", "03", "07", "0A", "010C051");
    }

    @Test
    void liveValuesFollowTheDriveCycle() {
        connect(vehicles.clean(), SimulatorSettings.instant());
        elm.initialize();
        elm.connectVehicle(ObdProtocol.AUTO);
        LiveDataService live = new LiveDataService(elm, catalog);
        live.discoverSupportedPids();
        clock.advance(Duration.ofSeconds(45));
        assertThat(speed(live.read(List.of(0x0D)))).isEqualTo(50.0);
        clock.advance(Duration.ofSeconds(55));
        List<PidReading> road = live.read(List.of(0x0C, 0x0D, 0x11, 0x04, 0x10, 0x05));
        assertThat(speed(road)).isEqualTo(90.0);
        double rpm = road.stream().filter(r -> r.pid() == 0x0C).findFirst().orElseThrow().value();
        assertThat(rpm).isCloseTo(new DriveCycle().at(Duration.ofSeconds(100)).rpm(), within(0.3));
        assertThat(road.stream().filter(r -> r.pid() == 0x05).findFirst().orElseThrow().value()).isGreaterThan(40.0);
        assertThat(live.multiPidEnabled()).isTrue();
    }

    private static double speed(List<PidReading> readings) {
        return readings.stream().filter(r -> r.pid() == 0x0D && r.ecu().equals("7E8")).findFirst().orElseThrow().value();
    }

    @Test
    void multiFrameVinWithHeadersOffUsesTheNumberedSegmentLayout() {
        connect(vehicles.demo(), SimulatorSettings.instant());
        elm.initialize();
        elm.connectVehicle(ObdProtocol.AUTO);
        elm.command("ATH0");
        elm.command("ATS1");
        List<String> lines = elm.command("0902").lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("014");
        assertThat(lines.get(1)).startsWith("0: 49 02 01 56 46 31");
        assertThat(lines.get(3)).startsWith("2: ");
        byte[] vin = new ResponseDecoder().decode(lines, FrameFormat.of(ObdProtocol.ISO_15765_4_CAN_11_500, false))
                .getFirst().payload();
        assertThat(new String(vin, 3, 17, StandardCharsets.US_ASCII)).isEqualTo("VF1RJA00XKB123456");
    }

    @Test
    void misfireScenarioHasFreezeFrameAndFailingMode06Test() {
        connect(vehicles.misfire(), SimulatorSettings.instant());
        elm.initialize();
        elm.connectVehicle(ObdProtocol.AUTO);
        DiagnosticService diag = new DiagnosticService(elm, catalog, new MemoryAuditJournal());
        assertThat(diag.readCodes(CodeKind.STORED)).extracting(c -> c.code().code()).containsExactly("P0302", "P0300");
        List<FreezeFrame> frames = diag.freezeFrame(0, List.of(0x0C, 0x05, 0x0D));
        assertThat(frames).hasSize(1);
        assertThat(frames.getFirst().trigger()).hasValueSatisfying(t -> assertThat(t.code()).isEqualTo("P0302"));
        assertThat(frames.getFirst().values()).extracting(PidReading::pid).containsExactly(0x0C, 0x05, 0x0D);
        List<MonitorTest> tests = new MonitorService(elm).allResults();
        assertThat(tests).extracting(MonitorTest::mid).contains(0x01, 0x21, 0xA2, 0xA3, 0xA4, 0xA5);
        assertThat(tests).filteredOn(t -> !t.passed()).extracting(MonitorTest::monitor)
                .containsExactly("Misfire cylinder 2");
    }

    @Test
    void clearingErasesStoredAndPendingButNotPermanentAndIsSentOnce() {
        Elm327Emulator emulator = connect(vehicles.demo(), SimulatorSettings.instant());
        elm.initialize();
        elm.connectVehicle(ObdProtocol.AUTO);
        MemoryAuditJournal journal = new MemoryAuditJournal();
        DiagnosticService diag = new DiagnosticService(elm, catalog, journal);
        List<EcuCode> before = diag.readCodes(CodeKind.STORED);
        assertThat(diag.clearCodes(new ClearConfirmation(new VehicleInfoService(elm).vin().orElseThrow(), before,
                true))).containsExactly("7E8", "7E9");
        assertThat(diag.readCodes(CodeKind.STORED)).isEmpty();
        assertThat(diag.readCodes(CodeKind.PENDING)).isEmpty();
        assertThat(diag.readCodes(CodeKind.PERMANENT)).extracting(c -> c.code().code()).containsExactly("P0420");
        assertThat(diag.readiness().getFirst().milOn()).isFalse();
        assertThat(emulator.vehicle().clearCount()).isEqualTo(1);
        assertThat(emulator.commands()).doesNotContain("");
        assertThat(journal.entries()).extracting(e -> e.action()).containsExactly("obd.codes.cleared");
    }

    @Test
    void aBareCarriageReturnRepeatsTheLastCommandLikeTheRealChip() {
        Elm327Emulator emulator = new Elm327Emulator(vehicles.demo(), SimulatorSettings.instant(), new FaultInjector());
        try (SimTransport t = new SimTransport("sim", emulator)) {
            t.write("ATE0\r04\r".getBytes(StandardCharsets.US_ASCII));
            t.write("\r".getBytes(StandardCharsets.US_ASCII));
            String all = readPrompts(t, 3);
            assertThat(all).contains("44");
            assertThat(emulator.vehicle().clearCount()).isEqualTo(2);
        }
    }

    private static String readPrompts(SimTransport t, int prompts) {
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[256];
        while (got.chars().filter(c -> c == '>').count() < prompts) {
            int n = t.read(buf, Duration.ofSeconds(5));
            assertThat(n).as("answer before the deadline").isPositive();
            got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
        return got.toString();
    }

    @Test
    void kLineVehicleAnswersWithLegacyFramesAndSingleRequests() {
        Elm327Emulator emulator = connect(vehicles.kline(), SimulatorSettings.instant());
        elm.initialize();
        elm.connectVehicle(ObdProtocol.AUTO);
        assertThat(elm.protocol()).isEqualTo(ObdProtocol.ISO_14230_4_KWP_FAST);
        assertThat(new VehicleInfoService(elm).vin()).hasValue("VF32AKFWF44123456");
        DiagnosticService diag = new DiagnosticService(elm, catalog, new MemoryAuditJournal());
        assertThat(diag.readCodes(CodeKind.STORED)).extracting(c -> c.code().code() + "@" + c.ecu())
                .containsExactly("P0133@10");
        assertThat(diag.readCodes(CodeKind.PERMANENT)).isEmpty();
        LiveDataService live = new LiveDataService(elm, catalog);
        live.discoverSupportedPids();
        assertThat(live.multiPidEnabled()).isFalse();
        assertThat(live.read(List.of(0x0C, 0x0D))).extracting(PidReading::pid).containsExactly(0x0C, 0x0D, 0x0D);
        assertThat(emulator.commands()).doesNotContain("010C0D");
        String raw = elm.command("010C").raw();
        assertThat(raw).containsPattern("84F11041 ?0C");
    }

    @Test
    void ignitionOffIsUnableToConnect() {
        connect(vehicles.create("ignition-off"), SimulatorSettings.instant());
        elm.initialize();
        assertThatThrownBy(() -> elm.connectVehicle(ObdProtocol.AUTO)).isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.UNABLE_TO_CONNECT);
        assertThat(elm.batteryVoltage()).isEqualTo(12.4);
    }

    @Test
    void injectedFaultsFailOneRequestEachAndTheSessionGoesOn() {
        Elm327Emulator emulator = connect(vehicles.demo(), SimulatorSettings.instant());
        elm.initialize();
        elm.connectVehicle(ObdProtocol.AUTO);
        emulator.faults().garbage(1);
        assertThat(reason(() -> elm.query("010D", 0))).isEqualTo(ObdErrorCode.MALFORMED_RESPONSE);
        assertThat(elm.query("010D", 0)).hasSize(2);
        emulator.faults().losePrompt(1);
        assertThat(reason(() -> elm.query("010D", 0))).isEqualTo(ObdErrorCode.TIMEOUT);
        assertThat(elm.query("010D", 0)).hasSize(2);
        emulator.faults().noDataBurst(2);
        assertThat(reason(() -> elm.query("010C", 1))).isEqualTo(ObdErrorCode.NO_DATA);
        assertThat(reason(() -> elm.query("010C", 1))).isEqualTo(ObdErrorCode.NO_DATA);
        assertThat(elm.query("010C", 1)).hasSize(1);
        emulator.unplugNow();
        assertThat(reason(() -> elm.query("010C", 1))).isEqualTo(ObdErrorCode.LINK_LOST);
    }

    private static ObdErrorCode reason(Runnable r) {
        try {
            r.run();
        } catch (ObdException e) {
            return e.reason();
        }
        throw new AssertionError("no failure");
    }

    @Test
    void udsIdentificationPerEcu() {
        connect(vehicles.demo(), SimulatorSettings.instant().withEcuLatency(Duration.ofMillis(5)));
        elm.initialize();
        elm.connectVehicle(ObdProtocol.AUTO);
        UdsClient uds = new UdsClient(elm);
        EcuIdentification engine = uds.identify("7E0");
        assertThat(engine.vin()).hasValue("VF1RJA00XKB123456");
        assertThat(engine.sparePartNumber()).hasValue("8201 123 456");
        assertThat(engine.serialNumber()).hasValue("ECM0012345678");
        EcuIdentification gearbox = uds.identify("7E1");
        assertThat(gearbox.ecu()).isEqualTo("7E9");
        assertThat(gearbox.vin()).isEmpty();
        assertThat(gearbox.softwareVersion()).hasValue("TCM 1.8");
    }

    @Test
    void scenariosThroughTheTransportFactory() {
        TransportFactory factory = new TransportFactory(vehicles.devices(SimulatorSettings.instant()),
                Duration.ofSeconds(1));
        elm = new Elm327(factory.open("sim:misfire", 38400), quick());
        elm.initialize();
        elm.connectVehicle(ObdProtocol.AUTO);
        assertThat(new DiagnosticService(elm, catalog, new MemoryAuditJournal()).readCodes(CodeKind.PENDING))
                .extracting(c -> c.code().code()).containsExactly("P0302");
        assertThatThrownBy(() -> factory.open(PortName.parse("sim:nowhere"), 38400))
                .isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.PORT_UNAVAILABLE);
        assertThatThrownBy(() -> vehicles.create("nowhere")).isInstanceOf(IllegalArgumentException.class);
    }
}
