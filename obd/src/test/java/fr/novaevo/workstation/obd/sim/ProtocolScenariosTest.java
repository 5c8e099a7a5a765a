package fr.novaevo.workstation.obd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.elm.Elm327;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.service.ClearConfirmation;
import fr.novaevo.workstation.obd.service.CodeKind;
import fr.novaevo.workstation.obd.service.EcuIdentification;
import fr.novaevo.workstation.obd.service.FreezeFrame;
import fr.novaevo.workstation.obd.service.MonitorTest;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.session.ObdConnector;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.session.ScanResult;
import fr.novaevo.workstation.obd.testing.MemoryAuditJournal;
import fr.novaevo.workstation.obd.testing.MutableClock;
import fr.novaevo.workstation.obd.transport.SimTransport;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The 29-bit CAN and J1850 vehicles, to the level of the 11-bit CAN and K-line ones: found by the automatic
 * search, {@code ATDP}/{@code ATDPN} right, frames as the real buses show them, and the driver and services
 * working end to end on them.
 */
class ProtocolScenariosTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final VirtualVehicles vehicles = new VirtualVehicles(clock);
    private final AtomicReference<Elm327Emulator> emulator = new AtomicReference<>();

    private ObdConnector connector() {
        TransportFactory factory = new TransportFactory(sim -> {
            Elm327Emulator e = new Elm327Emulator(vehicles.create(sim.scenario()), SimulatorSettings.instant(),
                    new FaultInjector());
            emulator.set(e);
            return e;
        }, Duration.ofSeconds(1));
        return new ObdConnector(factory, VirtualVehicleTest.quick(), new PidCatalog(), new FaultCodeDatabase(),
                new VinDecoder(clock), new MemoryAuditJournal(), Locale.ENGLISH);
    }

    @Test
    void can29IsFoundByTheSearchAndShowsFourByteIds() {
        try (Elm327 elm = new Elm327(new SimTransport("sim:can29", new Elm327Emulator(vehicles.can29(),
                SimulatorSettings.instant(), new FaultInjector())), VirtualVehicleTest.quick())) {
            elm.initialize();
            assertThat(elm.command("ATDPN").text()).isEqualTo("0");
            elm.connectVehicle(ObdProtocol.AUTO);
            assertThat(elm.protocol()).isEqualTo(ObdProtocol.ISO_15765_4_CAN_29_500);
            assertThat(elm.command("ATDP").text()).isEqualTo("AUTO, ISO 15765-4 CAN (29 bit ID, 500 kbaud)");
            assertThat(elm.command("ATDPN").text()).isEqualTo("A7");
            assertThat(elm.command("010D").raw()).contains("18DAF11003410D", "18DAF11803410D");
            elm.command("ATS1");
            assertThat(elm.command("0100").raw()).contains("18 DA F1 10 06 41 00", "18 DA F1 18 06 41 00");
            // An 11-bit header reaches nobody on a 29-bit bus; the engine's physical header reaches the engine.
            elm.setHeader("7E0");
            assertThatThrownBy(() -> elm.command("010D")).isInstanceOf(ObdException.class)
                    .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.NO_DATA);
            elm.setHeader("DA10F1");
            assertThat(elm.query("010D", 0)).extracting(m -> m.ecu()).containsExactly("18DAF110");
        }
    }

    @Test
    void can29SessionScansIdentifiesAndReadsTheOdometer() {
        try (ObdSession session = connector().connect("sim:can29", 38400)) {
            ScanResult scan = session.scan();
            assertThat(scan.protocol()).isEqualTo("ISO 15765-4 CAN (29 bit ID, 500 kbaud)");
            assertThat(scan.ecus()).containsExactly("18DAF110", "18DAF118");
            assertThat(scan.vin()).hasValue("YV1XZ16K3M2456789");
            assertThat(scan.vehicle()).hasValueSatisfying(v -> assertThat(v.manufacturer()).hasValue("Volvo"));
            assertThat(scan.mil()).isTrue();
            assertThat(scan.dtcs().stored()).extracting(d -> d.code() + "@" + d.ecu()).containsExactly("P0128@18DAF110");
            assertThat(scan.dtcs().pending()).extracting(ScanResult.Dtc::code).containsExactly("P0128");
            assertThat(scan.readiness()).hasSize(2);
            assertThat(scan.supportedPids()).contains("0C", "0D", "A6");
            assertThat(session.monitorResults()).isNotEmpty();
            List<FreezeFrame> freeze = session.freezeFrame(0, List.of(0x05, 0x0C));
            assertThat(freeze).singleElement().satisfies(f -> {
                assertThat(f.ecu()).isEqualTo("18DAF110");
                assertThat(f.trigger()).hasValueSatisfying(c -> assertThat(c.code()).isEqualTo("P0128"));
            });

            EcuIdentification engine = session.identify("18DA10F1");
            assertThat(engine.ecu()).isEqualTo("18DAF110");
            assertThat(engine.vin()).hasValue("YV1XZ16K3M2456789");
            // Back to the functional header of a 29-bit bus: both ECUs answer again.
            assertThat(session.readiness()).hasSize(2);
            assertThat(emulator.get().commands()).contains("ATSHDB33F1").doesNotContain("ATSH7DF");

            assertThat(session.readPid(0xA6)).hasValueSatisfying(r -> {
                assertThat(r.ecu()).isEqualTo("18DAF110");
                assertThat(r.unit()).isEqualTo("km");
                assertThat(r.value()).isCloseTo(41_206.8, within(0.05));
            });
        }
    }

    @Test
    void theOdometerAdvancesWithTheDriveCycleOnEveryCanVehicle() {
        for (String scenario : List.of("demo", "misfire", "clean", "can29", "can250")) {
            try (ObdSession session = connector().connect("sim:" + scenario, 38400)) {
                assertThat(session.scan().supportedPids()).as(scenario).contains("A6");
                double before = session.readPid(0xA6).map(PidReading::value).orElseThrow();
                clock.advance(Duration.ofSeconds(180));
                double after = session.readPid(0xA6).map(PidReading::value).orElseThrow();
                assertThat(after - before).as(scenario + ": one drive cycle").isCloseTo(DriveCycle.CYCLE_KM,
                        within(0.1));
            }
        }
        try (ObdSession kline = connector().connect("sim:kline", 38400)) {
            assertThat(kline.readPid(0xA6)).as("a 2004 car has no odometer PID").isEmpty();
        }
    }

    @Test
    void j1850IsFoundWithoutBusInitAndShowsHeadersWithTheirCrc() {
        try (Elm327 elm = new Elm327(new SimTransport("sim:j1850", new Elm327Emulator(vehicles.j1850(),
                SimulatorSettings.instant(), new FaultInjector())), VirtualVehicleTest.quick())) {
            elm.initialize();
            elm.command("ATSP0");
            String search = elm.command("0100").raw();
            assertThat(search).contains("SEARCHING...").doesNotContain("BUS INIT");
            assertThat(elm.command("ATDP").text()).isEqualTo("AUTO, SAE J1850 PWM (41.6 kbaud)");
            assertThat(elm.command("ATDPN").text()).isEqualTo("A1");
            String raw = elm.command("010D").raw().strip();
            assertThat(raw).startsWith("416B10410D").contains("416B18410D");
            assertEveryFrameEndsWithItsCrc(raw);
            assertThat(elm.command("0100").text()).doesNotContain("SEARCHING");
        }
    }

    private static void assertEveryFrameEndsWithItsCrc(String raw) {
        for (String frame : raw.split("\r")) {
            byte[] bytes = java.util.HexFormat.of().parseHex(frame.strip());
            assertThat(Elm327Emulator.j1850Crc(bytes, bytes.length - 1)).as(frame)
                    .isEqualTo(bytes[bytes.length - 1] & 0xFF);
        }
    }

    @Test
    void theJ1850CrcIsSaeJ1850s() {
        // The catalogue check value of CRC-8/SAE-J1850 over "123456789".
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Elm327Emulator.j1850Crc(check, check.length)).isEqualTo(0x4B);
    }

    @Test
    void j1850SessionScansReadsLiveValuesAndClearsOnce() {
        try (ObdSession session = connector().connect("sim:j1850", 38400)) {
            ScanResult scan = session.scan();
            assertThat(scan.protocol()).isEqualTo("SAE J1850 PWM (41.6 kbaud)");
            assertThat(scan.ecus()).containsExactly("10", "18");
            assertThat(scan.vin()).as("the VIN in five numbered messages").hasValue(VirtualVehicles.J1850_VIN);
            assertThat(scan.vehicle()).hasValueSatisfying(v -> {
                assertThat(v.valid()).isTrue();
                assertThat(v.manufacturer()).hasValue("Ford");
                assertThat(v.modelYear()).hasValue(2003);
            });
            assertThat(scan.dtcs().stored()).extracting(d -> d.code() + "@" + d.ecu())
                    .containsExactly("P0171@10", "P0174@10");
            assertThat(scan.dtcs().pending()).extracting(ScanResult.Dtc::code).containsExactly("P0442");
            assertThat(scan.dtcs().permanent()).isEmpty();
            assertThat(scan.readiness()).hasSize(2);
            assertThat(scan.supportedPids()).contains("0C", "0D", "05").doesNotContain("A6");
            assertThat(session.freezeFrame(0, List.of(0x05, 0x0C))).singleElement()
                    .satisfies(f -> assertThat(f.values()).extracting(PidReading::pid).containsExactly(0x05, 0x0C));

            List<PidReading> values = session.live().read(List.of(0x0C, 0x0D, 0x05));
            assertThat(values).extracting(PidReading::pid).contains(0x0C, 0x0D, 0x05);
            assertThat(session.live().multiPidEnabled()).isFalse();
            assertThat(emulator.get().commands()).doesNotContain("010C0D05");

            session.clearCodes(new ClearConfirmation(scan.vin().orElseThrow(), List.of(), true));
            assertThat(emulator.get().vehicle().clearCount()).isEqualTo(1);
            assertThat(session.codes(CodeKind.STORED)).isEmpty();
            assertThat(emulator.get().vehicle().clearCount()).isEqualTo(1);
        }
    }

    @Test
    void j1850VpwIsFoundWithoutBusInitAndShowsGmHeaders() {
        try (Elm327 elm = new Elm327(new SimTransport("sim:j1850vpw", new Elm327Emulator(vehicles.j1850Vpw(),
                SimulatorSettings.instant(), new FaultInjector())), VirtualVehicleTest.quick())) {
            elm.initialize();
            elm.command("ATSP0");
            assertThat(elm.command("0100").raw()).contains("SEARCHING...").doesNotContain("BUS INIT");
            assertThat(elm.command("ATDP").text()).isEqualTo("AUTO, SAE J1850 VPW (10.4 kbaud)");
            assertThat(elm.command("ATDPN").text()).isEqualTo("A2");
            String raw = elm.command("010D").raw().strip();
            assertThat(raw).startsWith("486B10410D").contains("486B18410D");
            assertEveryFrameEndsWithItsCrc(raw);
        }
    }

    @Test
    void can250IsFoundByTheSearchAsProtocol8() {
        try (ObdSession session = connector().connect("sim:can250", 38400)) {
            ScanResult scan = session.scan();
            assertThat(scan.protocol()).isEqualTo("ISO 15765-4 CAN (11 bit ID, 250 kbaud)");
            assertThat(scan.ecus()).containsExactly("7E8", "7E9");
            assertThat(scan.dtcs().stored()).extracting(ScanResult.Dtc::code).containsExactly("P0401");
            assertThat(session.live().multiPidEnabled()).isTrue();
            assertThat(emulator.get().commands()).contains("ATDPN");
        }
    }

    @Test
    void klineMode06ShowsTheSlowOxygenSensorBehindP0133() {
        try (ObdSession session = connector().connect("sim:kline", 38400)) {
            assertThat(session.scan().dtcs().stored()).extracting(ScanResult.Dtc::code).containsExactly("P0133");
            List<MonitorTest> tests = session.monitorResults();
            assertThat(tests).allSatisfy(t -> {
                assertThat(t.legacy()).isTrue();
                assertThat(t.ecu()).isEqualTo("10");
            });
            assertThat(tests).extracting(MonitorTest::tid).containsExactly(0x01, 0x05, 0x06, 0x07, 0x07, 0x08, 0x81);
            assertThat(tests).filteredOn(t -> !t.passed()).singleElement().satisfies(t -> {
                assertThat(t.monitor()).isEqualTo("Rich to lean sensor switch time");
                assertThat(t.component()).hasValue(0x01);
                assertThat(t.value()).isCloseTo(0.26, within(1e-9));
                assertThat(t.max()).isCloseTo(0.20, within(1e-9));
                assertThat(t.unit()).isEqualTo("s");
            });
            assertThat(emulator.get().commands()).contains("0600", "0605", "0681");
        }
    }

    @Test
    void j1850Mode06PassesOnThePwmFordAndFailsTheCatalystOnTheVpwChevrolet() {
        try (ObdSession session = connector().connect("sim:j1850", 38400)) {
            assertThat(session.monitorResults()).hasSize(7).allMatch(MonitorTest::passed);
        }
        try (ObdSession session = connector().connect("sim:j1850vpw", 38400)) {
            ScanResult scan = session.scan();
            assertThat(scan.dtcs().stored()).extracting(ScanResult.Dtc::code).containsExactly("P0420");
            assertThat(scan.vehicle()).hasValueSatisfying(v -> {
                assertThat(v.valid()).isTrue();
                assertThat(v.manufacturer()).hasValue("Chevrolet");
                assertThat(v.modelYear()).hasValue(2002);
            });
            assertThat(session.monitorResults()).filteredOn(t -> !t.passed()).singleElement().satisfies(t -> {
                assertThat(t.monitor()).isEqualTo("Manufacturer test 81");
                assertThat(t.value()).isEqualTo(0x0120);
                assertThat(t.min()).isEqualTo(0x0180);
                assertThat(t.max()).isInfinite();
                assertThat(t.unit()).isEmpty();
            });
        }
    }

    @Test
    void everyScenarioConnectsThroughTheDemoDevices() {
        TransportFactory factory = new TransportFactory(vehicles.devices(SimulatorSettings.instant()),
                Duration.ofSeconds(1));
        ObdConnector connector = new ObdConnector(factory, VirtualVehicleTest.quick(), new PidCatalog(),
                new FaultCodeDatabase(), new VinDecoder(Clock.systemUTC()), new MemoryAuditJournal(), Locale.FRENCH);
        for (String scenario : VirtualVehicles.SCENARIOS) {
            if (scenario.equals("ignition-off")) {
                continue;
            }
            try (ObdSession session = connector.connect("sim:" + scenario, 38400)) {
                assertThat(session.scan().vin()).as(scenario).isPresent();
            }
        }
    }
}
