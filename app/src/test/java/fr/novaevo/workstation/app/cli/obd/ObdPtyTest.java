package fr.novaevo.workstation.app.cli.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.obd.sim.Elm327Emulator;
import fr.novaevo.workstation.obd.sim.FaultInjector;
import fr.novaevo.workstation.obd.sim.SerialDeviceServer;
import fr.novaevo.workstation.obd.sim.SimulatorSettings;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import fr.novaevo.workstation.obd.transport.SerialTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line over a real serial path: a socat pseudo-terminal pair, the virtual vehicle served on one
 * end by {@link SerialDeviceServer}, {@code workstation obd} on the other through jSerialComm, as with a USB
 * adapter (automatic baud detection included).
 */
class ObdPtyTest {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    @TempDir
    Path dir;

    private Process socat;
    private SerialDeviceServer server;
    private String port;
    private String vehicleEnd;

    @BeforeEach
    void startVehicleOnAPty() throws IOException {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8));
        List<String> ptys = new ArrayList<>();
        String line;
        while (ptys.size() < 2 && (line = log.readLine()) != null) {
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                ptys.add(m.group(1));
            }
        }
        assertThat(ptys).as("socat gives two ptys").hasSize(2);
        Thread drain = new Thread(() -> {
            try {
                while (log.readLine() != null) {
                    // socat's log: read so that it never blocks on a full pipe
                }
            } catch (IOException ended) {
                // socat stopped
            }
        }, "socat-log");
        drain.setDaemon(true);
        drain.start();
        vehicleEnd = ptys.get(1);
        port = ptys.get(0);
    }

    /** Serves the scenario's vehicle on the other end of the pty pair. */
    private void serve(String scenario) {
        Elm327Emulator adapter = new Elm327Emulator(new VirtualVehicles(Clock.systemUTC()).create(scenario),
                SimulatorSettings.realistic().withEcuLatency(Duration.ofMillis(5)), new FaultInjector());
        server = SerialDeviceServer.start(SerialTransport.open(vehicleEnd, 38400), adapter);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        }
    }

    @Test
    void scanAndWatchOverARealSerialPort() throws Exception {
        serve("misfire");
        ObdCli cli = new ObdCli(dir);
        ObdCli.Result scan = cli.run("obd", "scan", "--port", port, "--json");
        assertThat(scan.exit()).as(scan.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(scan.out());
        assertThat(json.get("vin").asText()).isEqualTo("VF1RJA00XKB123456");
        assertThat(json.get("ecus")).extracting(JsonNode::asText).containsExactly("7E8", "7E9");
        assertThat(json.get("dtcs").get("stored")).extracting(c -> c.get("code").asText())
                .containsExactlyInAnyOrder("P0302", "P0300");

        ObdCli.Result watch = cli.run("obd", "watch", "--port", port, "--baud", "38400", "--pids", "0C,05",
                "--samples", "3");
        assertThat(watch.exit()).as(watch.err()).isZero();
        assertThat(watch.out().lines()).hasSize(4).first().asString().startsWith("time,sample,0C ");
        assertThat(watch.err().strip()).startsWith("samples=3 ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "can29 | ISO 15765-4 CAN (29 bit ID, 500 kbaud) | YV1XZ16K3M2456789 | 18DAF110,18DAF118 | P0128",
        "j1850 | SAE J1850 PWM (41.6 kbaud)             | 1FAFP404X3F123456 | 10,18             | P0171,P0174"})
    void scanOverARealSerialPortOnEveryBus(String scenario, String protocol, String vin, String ecus, String stored)
            throws Exception {
        serve(scenario);
        ObdCli.Result scan = new ObdCli(dir).run("obd", "scan", "--port", port, "--json");
        assertThat(scan.exit()).as(scan.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(scan.out());
        assertThat(json.get("protocol").asText()).isEqualTo(protocol);
        assertThat(json.get("vin").asText()).isEqualTo(vin);
        assertThat(json.get("ecus")).extracting(JsonNode::asText).containsExactly(ecus.split(","));
        assertThat(json.get("mil").asBoolean()).isTrue();
        assertThat(json.get("dtcs").get("stored")).extracting(c -> c.get("code").asText())
                .containsExactly(stored.split(","));
        assertThat(json.get("supportedPids")).extracting(JsonNode::asText).contains("0C", "0D");
    }
}
