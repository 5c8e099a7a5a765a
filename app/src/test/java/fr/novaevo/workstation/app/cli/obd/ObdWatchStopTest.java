package fr.novaevo.workstation.app.cli.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import fr.novaevo.workstation.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workstation obd watch} without a limit, in its own process, stopped by a signal: it ends the pass
 * under way, and prints its summary after every line it streamed. SIGTERM runs the same shutdown hooks as
 * Ctrl-C's SIGINT.
 */
class ObdWatchStopTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against a watch that never stops, not a measure
    void aSignalStopsTheWatchCleanlyWithItsSummary() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", dir.resolve("data").toString(),
                "--config-dir", dir.resolve("config").toString(), "obd", "watch", "--port", "sim", "--pids", "0C,0D")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        List<String> rows = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("time,sample,") || line.matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
                    rows.add(line); // other lines are the test classpath's console logging
                }
                if (rows.size() == 4 && !signalled) {
                    process.toHandle().destroy(); // SIGTERM, keeping our end of the pipes open
                    signalled = true;
                }
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        List<String> summary = err.lines().filter(l -> l.startsWith("samples=")).toList();
        assertThat(summary).as(err).singleElement().asString().matches("samples=\\d+ seconds=\\S+ rate=\\S+/s");
        long samples = Long.parseLong(summary.getFirst().replaceAll("samples=(\\d+) .*", "$1"));
        assertThat(rows.getFirst()).startsWith("time,sample,0C ");
        assertThat(samples).as("every sample counted was printed, and the run went on until the signal")
                .isEqualTo(rows.size() - 1).isGreaterThanOrEqualTo(3);
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
