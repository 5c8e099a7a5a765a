package fr.novaevo.workstation.app.ui.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.app.bootstrap.platform.PlatformSettings;
import fr.novaevo.workstation.app.ui.DemoPlatformAppTest;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.Screenshots;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The platform's trust level on the review screen: with a configured platform (the emulator on loopback) a Kbis
 * read by the workstation shows the platform's answer and its checks; in demo mode no platform is asked.
 */
class DocumentTrustUiTest extends DemoPlatformAppTest {

    private PlatformEmulator emulator;

    @AfterEach
    void stopPlatform() throws TimeoutException {
        closeApplication();
        if (emulator != null) {
            emulator.close();
        }
    }

    private Path extract() throws Exception {
        Path corpus = Stream.of("../../shared/corpus/kbis", "../shared/corpus/kbis").map(p -> Path.of(p).toAbsolutePath())
                .filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no shared Kbis corpus"));
        Files.createDirectories(dir.resolve("in"));
        return Files.copy(corpus.resolve("kbis-dev-003.pdf"), dir.resolve("in/kbis-dev-003.pdf"));
    }

    private void checkAlone(Path file) throws TimeoutException {
        clickOn("#nav-documents");
        WaitForAsyncUtils.waitForFxEvents();
        DocumentsArea.View view = node("#documents-view");
        interact(() -> view.queue().quickCheck(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            TabPane tabs = node("#documents-view");
            return tabs.getSelectionModel().getSelectedItem().getId().equals("tab-documents-review")
                    && !this.<TableView<?>>node("#documents-fields-table").getItems().isEmpty();
        });
    }

    @Test
    void aKbisReadWithAConfiguredPlatformShowsItsAnswer() throws Exception {
        emulator = PlatformEmulator.start(EmulatorConfig.defaults());
        workstation().settings().putAll(Map.of(PlatformSettings.URL, emulator.baseUri().toString(),
                PlatformSettings.GARAGE, emulator.config().garageId()));
        workstation().secrets().put(PlatformSettings.API_KEY_SECRET, emulator.config().apiKey().toCharArray());
        MainWindow window = app.mainWindow().orElseThrow();
        interact(window::settingsChanged);
        assertThat(text("#demo-banner")).as("only the vehicle is simulated now")
                .startsWith("Mode démonstration pour le véhicule");

        checkAlone(extract());

        assertThat(lookup("#documents-review-trust").query().isVisible()).isTrue();
        assertThat(text("#documents-review-trust"))
                .startsWith("Plateforme NovaEvo : entreprise introuvable, niveau de confiance 0/3")
                .contains("✓ clé du SIREN").contains("✗ SIREN immatriculé");
        await(() -> this.<javafx.scene.image.ImageView>node("#documents-page").getImage() != null);
        Screenshots.save(stage, "documents-verification-plateforme");
    }

    @Test
    void inDemoModeNoPlatformIsAsked() throws Exception {
        checkAlone(extract());
        assertThat(lookup("#documents-review-trust").query().isVisible()).isFalse();
    }
}
