package fr.novaevo.workstation.app.ui.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSession;
import fr.novaevo.workstation.app.ui.HeadlessAppTest;
import fr.novaevo.workstation.app.ui.Screenshots;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** "Signaler un problème" from the navigation, in the real application against the demo platform. */
class ProblemReportUiTest extends HeadlessAppTest {

    @BeforeAll
    static void toolkit() throws TimeoutException {
        System.setProperty(PlatformConnection.INTERVAL_PROPERTY, "3600");
        System.setProperty(PlatformConnection.ACTIVITY_PROPERTY, "0");
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void properties() {
        System.clearProperty(PlatformConnection.INTERVAL_PROPERTY);
        System.clearProperty(PlatformConnection.ACTIVITY_PROPERTY);
    }

    @Test
    void aReportIsSentWithCleanLogsAndTheDialogSaysSo() throws Exception {
        Files.createDirectories(workstation().logDirectory());
        Files.writeString(workstation().logDirectory().resolve("workstation-20261121-080000-1.log"),
                "INFO sign-in with demo-api-key for garage g-123\nINFO mail to lea.dubois@example.fr\n",
                StandardCharsets.UTF_8);
        assertThat(this.<Button>node("#nav-feedback").getText()).isEqualTo("Signaler un problème");

        clickOn("#nav-feedback");
        await(() -> lookup("#feedback-description").tryQuery().isPresent());
        assertThat(this.<Button>node("#feedback-send").isDisabled()).as("nothing to send yet").isTrue();
        interact(() -> this.<TextArea>node("#feedback-description").setText("Le bouton Synchroniser ne répond plus."));
        Screenshots.save(node("#feedback").getScene(), "signaler-un-probleme");
        clickOn("#feedback-send");

        await(() -> text("#feedback-status").startsWith("Merci : signalement reçu par la plateforme (référence fb-"));
        assertThat(this.<TextArea>node("#feedback-description").getText()).isEmpty();
        PlatformEmulator platform = app.mainWindow().orElseThrow().platform().current()
                .flatMap(PlatformSession::emulator).orElseThrow();
        JsonNode received = platform.feedbackReceived().getFirst();
        assertThat(received.path("message").asText()).isEqualTo("Le bouton Synchroniser ne répond plus.");
        StringBuilder logs = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(received.path("attachmentZipBase64").asText())))) {
            while (zip.getNextEntry() != null) {
                logs.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(logs.toString()).contains("for garage g-123").doesNotContain("demo-api-key", "lea.dubois");
        assertThat(workstation().audit().find(fr.novaevo.workstation.core.audit.AuditQuery.all()))
                .anyMatch(e -> e.action().equals("feedback.sent"));
    }
}
