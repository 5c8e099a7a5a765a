package fr.novaevo.workstation.app.ui.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.app.ui.DemoPlatformAppTest;
import fr.novaevo.workstation.app.ui.Screenshots;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;

/** "Signaler un problème" from the navigation, in the real application against the demo platform. */
class ProblemReportUiTest extends DemoPlatformAppTest {

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
        JsonNode received = demoPlatform().feedbackReceived().getFirst();
        assertThat(received.path("message").asText()).isEqualTo("Le bouton Synchroniser ne répond plus.");
        String logs = String.join("\n", fr.novaevo.workstation.app.bootstrap.platform.ConfiguredPlatform
                .unzip(received.path("attachmentZipBase64").asText()).values());
        assertThat(logs).contains("for garage g-123").doesNotContain("demo-api-key", "lea.dubois");
        assertThat(workstation().audit().find(fr.novaevo.workstation.core.audit.AuditQuery.all()))
                .anyMatch(e -> e.action().equals("feedback.sent"));
    }
}
