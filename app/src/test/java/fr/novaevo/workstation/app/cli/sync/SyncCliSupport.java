package fr.novaevo.workstation.app.cli.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.app.MainRunner;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;

/**
 * Runs the real command line against a workstation folder ({@code data} and {@code config} inside
 * {@code root}), with a platform emulator on 127.0.0.1.
 */
final class SyncCliSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
        JsonNode json() {
            assertThat(exit).as(err).isZero();
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    private SyncCliSupport() {
    }

    static Result run(Path root, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", root.resolve("data").toString(),
                "--config-dir", root.resolve("config").toString()));
        all.addAll(List.of(args));
        int exit = MainRunner.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    static Path keyFile(Path dir, String key) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("api-key-" + Integer.toHexString(key.hashCode()) + ".txt");
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** {@code sync --once --json} of the workstation in {@code root} against {@code emulator}. */
    static JsonNode syncOnce(Path root, PlatformEmulator emulator, Path keyFile) {
        return run(root, "sync", "--server", emulator.baseUri().toString(), "--garage", emulator.config().garageId(),
                "--api-key-file", keyFile.toString(), "--once", "--json").json();
    }

    /** The platform's copy, re-read from text so that it compares with what the command line printed. */
    static JsonNode platformCopy(Object node) {
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The one error line a failing command prints: no stack trace, no second line. */
    static void assertOneErrorLine(Result result, String code) {
        assertThat(result.exit()).as(result.out()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("workstation: [" + code + "]").doesNotContain("\n")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }
}
