package fr.novaevo.workstation.app.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void filtersByLevelAndKeepsStackTracesWithTheirLine() throws Exception {
        Path log = dir.resolve("workstation.log");
        Files.writeString(log, """
                2026-11-21 08:00:00.000 INFO  [main] a.B - started
                2026-11-21 08:00:01.000 WARN  [main] a.B - disk almost full
                2026-11-21 08:00:02.000 ERROR [main] a.B - backup failed
                java.io.IOException: no space
                \tat a.B.run(B.java:1)
                2026-11-21 08:00:03.000 INFO  [main] a.B - done
                """);
        assertThat(LogTail.read(log, LogTail.Filter.ALL)).hasSize(6);
        assertThat(LogTail.read(log, LogTail.Filter.WARN)).hasSize(4).first().asString().contains("disk almost full");
        assertThat(LogTail.read(log, LogTail.Filter.ERROR)).containsExactly(
                "2026-11-21 08:00:02.000 ERROR [main] a.B - backup failed", "java.io.IOException: no space",
                "\tat a.B.run(B.java:1)");
    }

    @Test
    void aHugeFileIsReadFromItsEndOnly() throws Exception {
        Path log = dir.resolve("big.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append("2026-11-21 08:00:00.000 INFO  [main] a.B - line ").append(i).append('\n');
        }
        Files.writeString(log, text);
        var lines = LogTail.read(log, LogTail.Filter.ALL);
        assertThat(lines.getLast()).endsWith("line 39999");
        assertThat(String.join("\n", lines).length()).isLessThanOrEqualTo(LogTail.MAX_BYTES);
        assertThat(lines.getFirst()).startsWith("2026-11-21").as("no cut first line");
        assertThat(LogTail.read(dir.resolve("absent.log"), LogTail.Filter.ALL)).isEmpty();
    }
}
