package fr.novaevo.workstation.app.cli.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.app.MainRunner;
import fr.novaevo.workstation.core.storage.DataLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code workstation obd ...} against the virtual vehicle: output, JSON keys, exit codes, the audit journal. */
class ObdCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ObdCli cli;

    @BeforeEach
    void setUp() {
        cli = new ObdCli(dir);
    }

    private Path database() {
        return DataLayout.at(dir.resolve("data")).databaseFile();
    }

    private static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> codes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(c -> out.add(c.get("code").asText() + "@" + c.get("ecu").asText()));
        return out;
    }

    /** The error output is one human line, the usage hint aside, and never a stack trace. */
    private static void assertOneHumanLine(ObdCli.Result result) {
        List<String> lines = result.err().lines().filter(l -> !l.startsWith("Try '")).toList();
        assertThat(lines).as(result.err()).hasSize(1);
        assertThat(lines.getFirst()).startsWith("workstation: ");
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void scanJsonHasExactlyTheContractKeysAndTheDemoVehiclesCodes() throws Exception {
        ObdCli.Result result = cli.run("obd", "scan", "--port", "sim", "--json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode scan = JSON.readTree(result.out());
        assertThat(keys(scan)).containsExactly("adapter", "protocol", "vin", "ecus", "mil", "dtcs", "readiness",
                "supportedPids");
        assertThat(keys(scan.get("adapter"))).containsExactly("type", "version", "voltage");
        assertThat(scan.get("adapter").get("type").asText()).isEqualTo("ELM327");
        assertThat(scan.get("adapter").get("voltage").isNumber()).isTrue();
        assertThat(scan.get("protocol").asText()).contains("CAN");
        assertThat(scan.get("vin").asText()).isEqualTo("VF1RJA00XKB123456");
        assertThat(scan.get("ecus")).extracting(JsonNode::asText).containsExactly("7E8", "7E9");
        assertThat(scan.get("mil").isBoolean()).isTrue();
        assertThat(scan.get("mil").asBoolean()).isTrue();

        JsonNode dtcs = scan.get("dtcs");
        assertThat(keys(dtcs)).containsExactly("stored", "pending", "permanent");
        assertThat(codes(dtcs.get("stored"))).containsExactly("P0420@7E8");
        assertThat(codes(dtcs.get("pending"))).containsExactly("P0171@7E8");
        assertThat(codes(dtcs.get("permanent"))).containsExactly("P0420@7E8");
        JsonNode first = dtcs.get("stored").get(0);
        assertThat(keys(first)).containsExactly("code", "description", "ecu");
        assertThat(first.get("description").asText()).containsIgnoringCase("catalyst");

        assertThat(scan.get("readiness").isArray()).isTrue();
        assertThat(scan.get("readiness")).extracting(r -> r.get("ecu").asText()).contains("7E8");
        assertThat(scan.get("supportedPids")).extracting(JsonNode::asText).contains("0C", "0D", "05")
                .allMatch(p -> p.matches("[0-9A-F]{2}"));
    }

    @Test
    void scanWithoutJsonIsReadableEnglish() {
        ObdCli.Result result = cli.run("obd", "scan", "--port", "sim");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Adapter:").contains("ELM327")
                .contains("VIN:").contains("VF1RJA00XKB123456").contains("Renault")
                .contains("ECUs:           7E8, 7E9")
                .contains("MIL:            ON")
                .contains("Fault codes:    3")
                .containsPattern("P0420 +7E8 +moderate +Catalyst")
                .contains("Readiness:").contains("Evaporative system")
                .contains("Supported PIDs:").contains("0C");
        assertThat(result.out()).doesNotContain("{");
    }

    @Test
    void aVehicleThatDoesNotAnswerIsExitCodeFour() {
        ObdCli.Result result = cli.run("obd", "scan", "--port", "sim:ignition-off");
        assertThat(result.exit()).isEqualTo(4);
        assertOneHumanLine(result);
        assertThat(result.err()).contains("[OBD-UNABLE-TO-CONNECT]");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aPortThatCannotBeOpenedIsExitCodeThree() {
        ObdCli.Result missing = cli.run("obd", "scan", "--port", dir.resolve("ttyUSB-not-there").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertOneHumanLine(missing);
        assertThat(missing.err()).contains("[OBD-PORT-UNAVAILABLE]");

        ObdCli.Result noSimulation = cli.run("obd", "scan", "--port", "sim:no-such-scenario");
        assertThat(noSimulation.exit()).isEqualTo(3);
        assertOneHumanLine(noSimulation);
    }

    @Test
    void aStackTraceOnlyWithDebug() {
        ObdCli.Result result = cli.run("--debug", "obd", "scan", "--port", "sim:ignition-off");
        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("[OBD-UNABLE-TO-CONNECT]").contains("\tat ");
    }

    @Test
    void usageErrorsAreExitCodeTwoAndOpenNothing() {
        assertThat(cli.run("obd", "scan").exit()).as("no --port").isEqualTo(2);
        ObdCli.Result badName = cli.run("obd", "scan", "--port", "not a port");
        assertThat(badName.exit()).isEqualTo(2);
        assertOneHumanLine(badName);
        assertThat(badName.err()).contains("[OBD-BAD-PORT-NAME]");
        assertThat(cli.run("obd", "scan", "--port", "sim", "--baud", "0").exit()).isEqualTo(2);
        assertThat(cli.run("obd", "scan", "--port", "sim", "--baud", "fast").exit()).isEqualTo(2);
        assertThat(cli.run("obd", "frobnicate").exit()).isEqualTo(2);
        assertThat(cli.run("obd", "watch", "--port", "sim").exit()).as("no --pids").isEqualTo(2);
        assertThat(cli.run("obd", "watch", "--port", "sim", "--pids", "0C", "--samples", "3", "--seconds", "2")
                .exit()).as("--samples and --seconds together").isEqualTo(2);
        assertThat(cli.run("obd", "watch", "--port", "sim", "--pids", "0C", "--samples", "0").exit()).isEqualTo(2);
        assertThat(cli.run("obd", "watch", "--port", "sim", "--pids", "0C", "--seconds", "-1").exit()).isEqualTo(2);
        assertThat(cli.run("obd", "watch", "--port", "sim", "--pids", "0C", "--format", "xml").exit()).isEqualTo(2);
        ObdCli.Result notHex = cli.run("obd", "watch", "--port", "sim", "--pids", "0C,rpm", "--samples", "1");
        assertThat(notHex.exit()).isEqualTo(2);
        assertThat(notHex.err()).contains("'rpm'");
        assertThat(cli.run("obd", "watch", "--port", "sim", "--pids", "20", "--samples", "1").exit())
                .as("a support bitmap is not a value").isEqualTo(2);
        assertThat(database()).as("usage errors found before the database is opened").doesNotExist();
    }

    @Test
    void aPidTheVehicleDoesNotSupportIsRefusedWithTheSupportedOnes() {
        ObdCli.Result result = cli.run("obd", "watch", "--port", "sim", "--pids", "0C,4F", "--samples", "2");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("does not support 4F").contains("0C");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void watchStreamsCsvAndPrintsTheSummaryOnStderr() {
        ObdCli.Result result = cli.run("obd", "watch", "--port", "sim", "--pids", "0C,0D,05", "--samples", "4");
        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.getFirst()).isEqualTo("time,sample,0C Engine speed (rpm) 7E8,0D Vehicle speed (km/h) 7E8,"
                + "0D Vehicle speed (km/h) 7E9,05 Engine coolant temperature (°C) 7E8");
        for (int i = 1; i <= 4; i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertThat(cells).hasSize(6);
            assertThat(cells[0]).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(cells[1]).isEqualTo(Integer.toString(i));
            assertThat(Double.parseDouble(cells[2])).as("engine speed").isBetween(0.0, 8000.0);
            assertThat(Double.parseDouble(cells[5])).as("coolant").isBetween(-40.0, 215.0);
        }
        assertThat(result.err().strip()).matches("samples=4 seconds=\\d+\\.\\d\\d rate=\\d+\\.\\d/s");
    }

    @Test
    void watchStreamsJsonLines() throws Exception {
        ObdCli.Result result = cli.run("obd", "watch", "--port", "sim", "--pids", "0c,0D", "--samples", "3",
                "--format", "jsonl");
        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode sample = JSON.readTree(lines.get(i));
            assertThat(keys(sample)).containsExactly("sample", "time", "values");
            assertThat(sample.get("sample").asLong()).isEqualTo(i + 1);
            assertThat(sample.get("values")).extracting(v -> v.get("ecu").asText() + ":" + v.get("pid").asText())
                    .containsExactlyInAnyOrder("7E8:0C", "7E8:0D", "7E9:0D");
            JsonNode rpm = sample.get("values").get(0);
            assertThat(keys(rpm)).containsExactly("ecu", "pid", "name", "value", "unit", "text");
            assertThat(rpm.get("unit").asText()).isEqualTo("rpm");
            assertThat(rpm.get("value").isNumber()).isTrue();
        }
        assertThat(result.err().strip()).startsWith("samples=3 seconds=").endsWith("/s");
    }

    @Test
    void watchForSomeSecondsStops() {
        ObdCli.Result result = cli.run("obd", "watch", "--port", "sim", "--pids", "0C", "--seconds", "0.5");
        assertThat(result.exit()).as(result.err()).isZero();
        long rows = result.out().lines().count() - 1;
        assertThat(result.err().strip()).startsWith("samples=" + rows + " seconds=");
    }

    /**
     * Without a limit, the watch runs until it is stopped: here its reader goes away (a closed pipe, as with
     * {@code | head}); it stops at the next line and still ends cleanly with its summary.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a watch that never stops, not a measure
    void watchWithoutALimitStopsWhenItsReaderGoesAway() {
        StringBuilder received = new StringBuilder();
        Writer pipe = new Writer() {
            private int lines;

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                if (lines >= 3) {
                    throw new IOException("Broken pipe");
                }
                String text = new String(chars, offset, length);
                lines += (int) text.chars().filter(c -> c == '\n').count();
                received.append(text);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int exit = MainRunner.run(new String[] {"--data-dir", dir.resolve("data").toString(), "--config-dir",
            dir.resolve("config").toString(), "obd", "watch", "--port", "sim", "--pids", "0C"},
                new PrintWriter(pipe, true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(received.toString().lines()).hasSize(3).first().asString().startsWith("time,sample,0C ");
        assertThat(err.toString().strip()).matches("samples=3 seconds=\\S+ rate=\\S+/s");
    }

    @Test
    void clearRefusesWithoutYesAndJournalsWithIt() {
        ObdCli.Result refused = cli.run("obd", "clear", "--port", "sim");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes").contains("engine off");
        assertThat(refused.out()).isEmpty();
        assertThat(database()).as("nothing opened, nothing journalled").doesNotExist();

        ObdCli.Result cleared = cli.run("obd", "clear", "--port", "sim", "--yes");
        assertThat(cleared.exit()).as(cleared.err()).isZero();
        assertThat(cleared.out())
                .contains("ignition on and the engine off")
                .contains("Cleared by:     7E8, 7E9")
                .containsPattern("P0420 +stored +7E8")
                .containsPattern("P0171 +pending +7E8")
                .containsPattern("Still present: +1")
                .containsPattern("P0420 +permanent +7E8");

        ObdCli.Result journal = cli.run("audit", "list", "--action", "obd.");
        assertThat(journal.exit()).isZero();
        assertThat(journal.out().lines().toList()).singleElement().asString()
                .contains("obd.codes.cleared").contains("VF1RJA00XKB123456").contains("P0420@7E8")
                .contains("P0171@7E8");
    }

    @Test
    void clearOnAVehicleThatDoesNotAnswerJournalsNothing() {
        ObdCli.Result result = cli.run("obd", "clear", "--port", "sim:ignition-off", "--yes");
        assertThat(result.exit()).isEqualTo(4);
        assertOneHumanLine(result);
        assertThat(cli.run("audit", "list", "--action", "obd.").out()).isBlank();
    }

    @Test
    void portsListTheVirtualVehicle() throws Exception {
        ObdCli.Result human = cli.run("obd", "ports");
        assertThat(human.exit()).as(human.err()).isZero();
        assertThat(human.out()).contains("PORT").containsPattern("(?m)^ +sim +- +- +Virtual vehicle");

        ObdCli.Result json = cli.run("obd", "ports", "--json");
        assertThat(json.exit()).isZero();
        JsonNode ports = JSON.readTree(json.out());
        JsonNode sim = ports.get(ports.size() - 1);
        assertThat(sim.get("port").asText()).isEqualTo("sim");
        assertThat(sim.get("kind").asText()).isEqualTo("virtual");
        ports.forEach(p -> assertThat(keys(p)).contains("port", "kind", "likelihood", "vendorId", "productId",
                "bridge"));
        assertThat(database()).as("listing ports opens no database").doesNotExist();
    }

    @Test
    void helpListsTheObdCommandsAndTheirExitCodes() {
        ObdCli.Result help = cli.run("obd", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("ports").contains("scan").contains("watch")
                .contains("clear")
                .contains("3 the port cannot be opened").contains("4 the adapter answers but the vehicle does not");
        assertThat(cli.run("--help").out()).contains("obd");
    }
}
