package fr.novaevo.workstation.obd.sim;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.elm.AdapterInfo;
import fr.novaevo.workstation.obd.elm.Elm327;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.service.CodeKind;
import fr.novaevo.workstation.obd.service.DiagnosticService;
import fr.novaevo.workstation.obd.service.LiveDataService;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.service.VehicleInfoService;
import fr.novaevo.workstation.obd.testing.MemoryAuditJournal;
import fr.novaevo.workstation.obd.testing.PtyPair;
import fr.novaevo.workstation.obd.transport.SerialTransport;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.session.LivePoller;
import fr.novaevo.workstation.obd.session.LiveSample;
import fr.novaevo.workstation.obd.session.ObdConnector;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.session.PollSummary;
import fr.novaevo.workstation.obd.session.ScanResult;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The virtual vehicle behind a real pseudo-terminal pair: the workstation uses jSerialComm as with a USB adapter. */
class PtySimulatorIntegrationTest {

    @Test
    void connectReadVinCodesAndLivePidsOverTheSerialPath() throws Exception {
        VirtualVehicles vehicles = new VirtualVehicles(Clock.systemUTC());
        Elm327Emulator emulator = new Elm327Emulator(vehicles.misfire(),
                SimulatorSettings.realistic().withEcuLatency(java.time.Duration.ofMillis(5)), new FaultInjector());
        try (PtyPair pty = PtyPair.open();
                SerialDeviceServer server = SerialDeviceServer.start(SerialTransport.open(pty.second(), 38400),
                        emulator);
                Elm327 elm = new Elm327(SerialTransport.open(pty.first(), 38400), VirtualVehicleTest.quick())) {
            AdapterInfo info = elm.initialize();
            assertThat(info.identity()).isEqualTo(Elm327Emulator.IDENTITY);
            assertThat(info.voltage()).isPresent();
            elm.connectVehicle(ObdProtocol.AUTO);
            assertThat(elm.protocol()).isEqualTo(ObdProtocol.ISO_15765_4_CAN_11_500);

            assertThat(new VehicleInfoService(elm).vin()).hasValue("VF1RJA00XKB123456");
            DiagnosticService diag = new DiagnosticService(elm, new PidCatalog(), new MemoryAuditJournal());
            assertThat(diag.readCodes(CodeKind.STORED)).extracting(c -> c.code().code() + "@" + c.ecu())
                    .containsExactly("P0302@7E8", "P0300@7E8");
            assertThat(diag.readCodes(CodeKind.PENDING)).extracting(c -> c.code().code()).containsExactly("P0302");

            LiveDataService live = new LiveDataService(elm, new PidCatalog());
            live.discoverSupportedPids();
            for (int i = 0; i < 20; i++) {
                List<PidReading> values = live.read(List.of(0x0C, 0x0D, 0x05, 0x04, 0x11, 0x10));
                assertThat(values).extracting(PidReading::pid).contains(0x0C, 0x0D, 0x05, 0x04, 0x11, 0x10);
                assertThat(values.stream().filter(r -> r.pid() == 0x0C).findFirst().orElseThrow().value())
                        .isBetween(700.0, 4000.0);
            }
            assertThat(server.isRunning()).isTrue();

            // Over a pty an unplugged adapter is silence (a powered-off Bluetooth adapter looks the same)...
            emulator.unplugNow();
            assertThat(reason(() -> elm.query("010C", 1))).isEqualTo(ObdErrorCode.TIMEOUT);
            // ...and the device node vanishing (a USB adapter pulled out) is a lost link.
            pty.close();
            assertThat(reason(() -> elm.query("010C", 1))).isEqualTo(ObdErrorCode.LINK_LOST);
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void theSessionFacadeScansAndPollsThroughAPty() throws Exception {
        VirtualVehicles vehicles = new VirtualVehicles(Clock.systemUTC());
        Elm327Emulator emulator = new Elm327Emulator(vehicles.demo(), SimulatorSettings.instant(), new FaultInjector());
        ObdConnector connector = serialOnlyConnector();
        try (PtyPair pty = PtyPair.open();
                SerialDeviceServer server = SerialDeviceServer.start(SerialTransport.open(pty.second(), 38400),
                        emulator);
                ObdSession session = connector.connect(pty.first(), ObdConnector.AUTO_BAUD)) {
            assertThat(session.portName()).isEqualTo(pty.first());
            ScanResult scan = session.scan();
            assertThat(scan.vin()).hasValue("VF1RJA00XKB123456");
            assertThat(scan.ecus()).containsExactly("7E8", "7E9");
            assertThat(scan.mil()).isTrue();
            assertThat(scan.dtcs().stored()).extracting(ScanResult.Dtc::code).containsExactly("P0420");
            assertThat(scan.dtcs().stored().getFirst().description())
                    .isEqualTo("Efficacité du catalyseur inférieure au seuil (rangée 1)");
            assertThat(scan.dtcs().pending()).extracting(ScanResult.Dtc::code).containsExactly("P0171");
            assertThat(scan.supportedPids()).contains("0C", "0D");
            List<LiveSample> samples = new ArrayList<>();
            PollSummary summary = new LivePoller(Clock.systemUTC(), 3).run(session.live(),
                    List.of(0x0C, 0x0D, 0x05, 0x04, 0x11, 0x10), LivePoller.Limit.samples(25), samples::add, () -> false);
            assertThat(summary.samples()).isEqualTo(25);
            assertThat(summary.errors()).isZero();
            assertThat(samples.getLast().readings()).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "can29 | ISO 15765-4 CAN (29 bit ID, 500 kbaud) | YV1XZ16K3M2456789 | 18DAF110,18DAF118 | P0128@18DAF110",
        "j1850 | SAE J1850 PWM (41.6 kbaud)             | 1FAFP404X3F123456 | 10,18             | P0171@10,P0174@10",
        "kline | ISO 14230-4 KWP (fast init)            | VF32AKFWF44123456 | 10,18             | P0133@10",
        "j1850vpw | SAE J1850 VPW (10.4 kbaud)          | 1G1JC524427123456 | 10,18             | P0420@10",
        "can250 | ISO 15765-4 CAN (11 bit ID, 250 kbaud) | ZCFC35A00C5123456 | 7E8,7E9          | P0401@7E8"})
    void everyProtocolScansAndPollsThroughAPty(String scenario, String protocol, String vin, String ecus,
            String stored) throws Exception {
        Elm327Emulator emulator = new Elm327Emulator(new VirtualVehicles(Clock.systemUTC()).create(scenario),
                SimulatorSettings.instant(), new FaultInjector());
        ObdConnector connector = serialOnlyConnector();
        try (PtyPair pty = PtyPair.open();
                SerialDeviceServer server = SerialDeviceServer.start(SerialTransport.open(pty.second(), 38400),
                        emulator);
                ObdSession session = connector.connect(pty.first(), 38400)) {
            ScanResult scan = session.scan();
            assertThat(scan.protocol()).isEqualTo(protocol);
            assertThat(scan.vin()).hasValue(vin);
            assertThat(scan.ecus()).containsExactly(ecus.split(","));
            assertThat(scan.dtcs().stored()).extracting(d -> d.code() + "@" + d.ecu())
                    .containsExactly(stored.split(","));
            assertThat(session.monitorResults()).as("mode 06, in the layout of the bus").isNotEmpty()
                    .allSatisfy(t -> assertThat(t.legacy()).isEqualTo(!session.protocol().isCan()));
            PollSummary summary = new LivePoller(Clock.systemUTC(), 3).run(session.live(), List.of(0x0C, 0x0D, 0x05),
                    LivePoller.Limit.samples(10), sample -> assertThat(sample.readings()).isNotEmpty(), () -> false);
            assertThat(summary.samples()).isEqualTo(10);
            assertThat(summary.errors()).isZero();
        }
    }

    /** A connector that opens real serial ports only (no simulator behind {@code sim}). */
    private static ObdConnector serialOnlyConnector() {
        TransportFactory serialOnly = new TransportFactory(sim -> null, Duration.ofSeconds(1));
        return new ObdConnector(serialOnly, VirtualVehicleTest.quick(), new PidCatalog(), new FaultCodeDatabase(),
                new VinDecoder(Clock.systemUTC()), new MemoryAuditJournal(), Locale.FRENCH);
    }

    private static ObdErrorCode reason(Runnable r) {
        try {
            r.run();
        } catch (ObdException e) {
            return e.reason();
        }
        throw new AssertionError("no failure");
    }
}
