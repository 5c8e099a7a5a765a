package fr.novaevo.workstation.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * OMP_THREAD_LIMIT=1 must apply to the process that loads Tesseract even when its launcher did not set it:
 * a child JVM started without the variable reports libgomp's limit.
 */
class OpenMpThreadLimitTest {

    @Test
    void theEngineLimitsOpenMpToOneThreadWhenTheLauncherDidNot() throws IOException, InterruptedException {
        assumeTrue(Files.exists(Path.of("/lib/x86_64-linux-gnu/libgomp.so.1")), "Debian's libgomp is not here");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                OpenMpLimitProbe.class.getName()))
                .redirectErrorStream(true);
        builder.environment().remove("OMP_THREAD_LIMIT");
        Process child = builder.start();
        boolean finished = child.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as(output).isTrue();
        assertThat(output.lines()).as(output).contains("omp-thread-limit=1");
    }
}
