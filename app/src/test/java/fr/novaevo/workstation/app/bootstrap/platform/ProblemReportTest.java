package fr.novaevo.workstation.app.bootstrap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.error.SyncException;
import fr.novaevo.workstation.sync.model.FeedbackReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Signaler un problème" through the window's platform session, to the emulator over HTTP on loopback: what
 * the platform receives holds the description and the recent logs, and not one secret nor personal datum.
 */
class ProblemReportTest {

    private static final String VIN = "VF1RJA00XKB123456";

    @TempDir
    Path dir;

    private ConfiguredPlatform configured;
    private PlatformEmulator emulator;
    private Workstation workstation;
    private PlatformConnection platform;

    @BeforeEach
    void open() {
        configured = new ConfiguredPlatform(dir);
        emulator = configured.emulator;
        workstation = configured.workstation;
        platform = configured.platform;
    }

    @AfterEach
    void close() {
        configured.close();
    }

    private void log(String name, String text) throws Exception {
        Files.createDirectories(workstation.logDirectory());
        Files.writeString(workstation.logDirectory().resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void theReportCarriesTheRecentLogsWithoutSecretsNorPersonalData() throws Exception {
        PlatformSession session = platform.await();
        org.testfx.util.WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> session.credentials().refreshToken().isPresent());
        // Signed in: the refresh token the session holds must not leave, even written bare in a line.
        String refresh = session.credentials().refreshToken().orElseThrow();
        log("workstation-20261119-080000-11.log", "old launch, left out\n");
        Thread.sleep(20);
        log("workstation-20261120-080000-12.log", "INFO sync cycle done in 120 ms\n");
        log("workstation-20261121-080000-13.log", "WARN platform said 401 for key " + emulator.config().apiKey() + "\n"
                + "DEBUG Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def\n"
                + "DEBUG refreshed: " + refresh + "\n"
                + "DEBUG body {\"password\": \"hunter22\", \"apiKey\": \"k-123456\"}\n"
                + "INFO booking for claire.moreau@example.fr, 06 12 34 56 78, " + VIN + ", AB-123-CD\n"
                + "INFO sync cycle done in 95 ms\n");
        log("workstation-20261121-090000-14.log", "INFO window shown\n");

        FeedbackReceipt receipt = platform.sendFeedback(credentials -> ProblemReport.build(ProblemReport.Category.BUG,
                "  La synchronisation s'arrête  ", true, workstation.logDirectory(), credentials))
                .get(30, TimeUnit.SECONDS);

        assertThat(receipt.feedbackId()).startsWith("fb-");
        JsonNode received = emulator.feedbackReceived().getFirst();
        assertThat(received.path("category").asText()).isEqualTo("bug");
        assertThat(received.path("message").asText()).isEqualTo("La synchronisation s'arrête");
        assertThat(received.path("appVersion").asText()).isNotBlank();
        assertThat(received.path("os").asText()).contains(System.getProperty("os.name"));
        Map<String, String> files = ConfiguredPlatform.unzip(received.path("attachmentZipBase64").asText());
        assertThat(files).as("the three last launches").hasSize(3)
                .doesNotContainKey("workstation-20261119-080000-11.log");
        String all = String.join("\n", files.values());
        assertThat(all).contains("sync cycle done in 95 ms", "window shown", "VF1**************")
                .doesNotContain(emulator.config().apiKey(), "eyJhbGciOiJIUzI1NiJ9", refresh, "k-123456",
                        "hunter22", "claire.moreau", "example.fr", "06 12 34 56 78", VIN, "AB-123-CD");
    }

    @Test
    void withoutLogsNothingIsAttached() throws Exception {
        log("workstation-20261121-080000-13.log", "INFO something\n");

        platform.sendFeedback(credentials -> ProblemReport.build(ProblemReport.Category.IDEA, "Un export PDF",
                false, workstation.logDirectory(), credentials)).get(30, TimeUnit.SECONDS);

        JsonNode received = emulator.feedbackReceived().getFirst();
        assertThat(received.path("category").asText()).isEqualTo("idea");
        assertThat(received.path("attachmentZipBase64").isMissingNode() || received.path("attachmentZipBase64").isNull())
                .isTrue();
        assertThatThrownBy(() -> ProblemReport.build(ProblemReport.Category.OTHER, " ", false, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offlineTheFailureIsTransientSoTheDialogKeepsTheText() {
        emulator.close();

        assertThatThrownBy(() -> platform.sendFeedback(credentials -> ProblemReport.build(ProblemReport.Category.BUG,
                "Écran figé", false, null, credentials)).get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.isTransient()).isTrue());
    }
}
