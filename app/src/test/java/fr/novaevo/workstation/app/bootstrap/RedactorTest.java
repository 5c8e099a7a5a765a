package fr.novaevo.workstation.app.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class RedactorTest {

    @Test
    void secretsInEveryUsualShapeAreMasked() {
        assertThat(Redactor.redact("POST /v1/auth/token {\"garageId\":\"g-123\",\"apiKey\":\"nk_live_4f9a\"}"))
                .contains("\"apiKey\":\"***").doesNotContain("nk_live_4f9a").contains("g-123");
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc"))
                .doesNotContain("eyJhbGci").contains("Bearer ***");
        assertThat(Redactor.redact("refresh_token=r-9f8e7d6c&x=1")).isEqualTo("refresh_token=***&x=1");
        assertThat(Redactor.redact("password: hunter2")).isEqualTo("password: ***");
    }

    @Test
    void personalDataIsMasked() {
        assertThat(Redactor.redact("client jean.dupont@example.fr 06 12 34 56 78"))
                .isEqualTo("client ***@*** ** ** ** ** **");
        assertThat(Redactor.redact("VIN VF1RFB00X12345678 plaque AB-123-CD"))
                .isEqualTo("VIN VF1************** plaque **-***-**");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "Schema OBD: 3 migration(s) applied, now at version 3 in 120 ms";
        assertThat(Redactor.redact(line)).isEqualTo(line);
        assertThat(Redactor.redact("hash 3f2a9c1b8e7d6c5b4a3f2a9c1b8e7d6c5b4a3f2a9c1b8e7d6c5b4a3f2a9c1b")).contains("3f2a9c1b8e7d");
    }

    @Test
    void theLaunchLogFileIsRedacted(@TempDir Path logs) throws Exception {
        Path file = LoggingSetup.start(logs, false);
        LoggerFactory.getLogger("test").warn("token=abcdef123456 for jean@garage.fr");
        LoggingSetup.stop();
        String written = Files.readString(file);
        assertThat(written).contains("token=***").contains("***@***").doesNotContain("abcdef123456");
        assertThat(file.getFileName().toString()).startsWith("workstation-").endsWith(".log");
    }

    @Test
    void onlyTheLastLaunchesAreKept(@TempDir Path logs) throws Exception {
        for (int i = 0; i < LoggingSetup.LAUNCHES_KEPT + 5; i++) {
            Files.writeString(logs.resolve(String.format("workstation-20260101-0000%02d-1.log", i)), "x");
        }
        LoggingSetup.start(logs, false);
        LoggingSetup.stop();
        assertThat(LoggingSetup.launches(logs)).hasSizeLessThanOrEqualTo(LoggingSetup.LAUNCHES_KEPT + 1)
                .noneMatch(p -> p.getFileName().toString().equals("workstation-20260101-000000-1.log"));
    }
}
