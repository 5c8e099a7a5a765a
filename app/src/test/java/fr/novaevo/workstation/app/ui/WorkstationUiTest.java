package fr.novaevo.workstation.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.storage.BackupKind;
import fr.novaevo.workstation.core.storage.DataLayout;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application, started headless (JavaFX's own Headless platform) on a temporary data folder, driven
 * as a user would: every area reachable, settings kept across a restart, the language switch, backups and
 * restore, the recovery window. A screenshot of each screen is written to target/screenshots.
 */
class WorkstationUiTest extends FxRobot {

    @TempDir
    Path dir;

    private Stage stage;
    private WorkstationApp app;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws TimeoutException {
        launch();
    }

    @AfterEach
    void stop() throws TimeoutException {
        close();
    }

    private LaunchOptions options() {
        return LaunchOptions.inside(dir);
    }

    private void launch() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = (WorkstationApp) FxToolkit.setupApplication(
                () -> new WorkstationApp(options(), null, dir.resolve("test.log"), Clock.systemDefaultZone()));
        WaitForAsyncUtils.waitForFxEvents();
        lookup("#nav-settings").tryQuery().ifPresent(n -> clickOn(n)); // the window opens on Véhicule
    }

    private void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    private void restart() throws TimeoutException {
        close();
        launch();
    }

    private Workstation workstation() {
        return app.workstation().orElseThrow();
    }

    private <T extends Node> T node(String query) {
        return lookup(query).query();
    }

    private void type(String query, String text) {
        TextInputControl field = node(query);
        interact(() -> field.setText(text));
    }

    private void await(java.util.function.BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException closedDuringRestore) {
                return false; // a restore closes the database for a moment: look again
            }
        });
    }

    @Test
    void opensInFrenchInDemoModeWithEveryAreaReachable() throws Exception {
        assertThat(stage.getTitle()).isEqualTo("NovaEvo Station Atelier — DÉMO");
        assertThat(this.<Label>node("#demo-banner").getText()).startsWith("Mode démonstration");
        assertThat(this.<ToggleButton>node("#nav-settings").getText()).isEqualTo("Paramètres");
        assertThat(this.<Label>node("#status-adapter").getText()).isEqualTo("Adaptateur : non configuré");
        clickOn("#nav-vehicle");
        clickOn("#vehicle-connect-button");
        await(() -> this.<Label>node("#status-adapter").getText().equals("Adaptateur : connecté (véhicule de démonstration)"));
        clickOn("#nav-settings");
        Screenshots.save(stage, "parametres-fr");

        clickOn("#nav-supervision");
        TabPane tabs = node("#supervision-view");
        for (String tab : List.of("jobs", "log", "audit", "backups")) {
            interact(() -> tabs.getSelectionModel().select(
                    tabs.getTabs().stream().filter(t -> t.getId().equals("tab-" + tab)).findFirst().orElseThrow()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(tabs.getSelectionModel().getSelectedItem().getContent().isVisible()).isTrue();
            Screenshots.save(stage, "supervision-" + tab + "-fr");
        }
        assertThat(lookup("#jobs-table").tryQuery()).isPresent();
        assertThat(lookup("#log-text").tryQuery()).isPresent();
        assertThat(lookup("#audit-table").tryQuery()).isPresent();
        assertThat(lookup("#backups-table").tryQuery()).isPresent();

        clickOn("#nav-about");
        assertThat(this.<Label>node("#about-version").getText()).startsWith("Version ");
        TableView<?> licences = node("#about-licences");
        assertThat(licences.getItems()).as("licences generated at build time").isNotEmpty();
        Screenshots.save(stage, "a-propos-fr");

        clickOn("#nav-settings");
        assertThat(lookup("#settings-view").tryQuery()).isPresent();
    }

    @Test
    void settingsAreKeptAcrossARestartAndJournaled() throws Exception {
        type("#settings-garage-name", "Garage du Centre");
        type("#settings-garage-siret", "732 829 320 00074");
        type("#settings-garage-phone", "01 23 45 67 89");
        type("#settings-adapter-port", "/dev/ttyUSB0");
        // A loopback port where nothing listens: the window's platform session really connects, and a test
        // must not reach the Internet.
        type("#settings-platform-url", "https://127.0.0.1:9/v1");
        type("#settings-platform-garage", "g-123");
        type("#settings-platform-apikey", "nk_live_4f9a0c2e7b1d");
        clickOn("#settings-save");
        await(() -> lookup("#demo-banner").tryQuery().isEmpty());
        assertThat(stage.getTitle()).isEqualTo("NovaEvo Station Atelier");
        assertThat(this.<Label>node("#status-adapter").getText()).isEqualTo("Adaptateur : /dev/ttyUSB0");
        assertThat(this.<Label>node("#status-platform").getText()).contains("127.0.0.1");
        Screenshots.save(stage, "parametres-remplis-fr");

        restart();

        assertThat(this.<TextField>node("#settings-garage-name").getText()).isEqualTo("Garage du Centre");
        assertThat(this.<TextField>node("#settings-garage-siret").getText()).isEqualTo("73282932000074");
        assertThat(this.<TextField>node("#settings-platform-garage").getText()).isEqualTo("g-123");
        assertThat(this.<TextField>node("#settings-platform-apikey").getText()).as("a stored key never comes back").isEmpty();
        assertThat(this.<Label>node("#settings-platform-apikey-state").getText()).startsWith("Une clé est enregistrée");
        assertThat(new String(workstation().secrets().get("platform.apiKey").orElseThrow())).isEqualTo("nk_live_4f9a0c2e7b1d");
        for (Path file : List.of(options().dataDirectory().resolve("secrets.properties"),
                DataLayout.at(options().dataDirectory()).databaseFile())) {
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("nk_live_4f9a0c2e7b1d");
        }
        assertThat(workstation().audit().find(AuditQuery.all()))
                .extracting(e -> e.action())
                .contains("settings.changed", "settings.api_key.changed");
    }

    @Test
    void anInvalidFieldIsShownAndNothingIsSaved() throws Exception {
        type("#settings-garage-siret", "123");
        type("#settings-platform-url", "http://api.novaevo.fr");
        assertThat(this.<Label>node("#settings-garage-siret-error").isVisible()).isTrue();
        assertThat(this.<Label>node("#settings-platform-url-error").isVisible()).isTrue();
        clickOn("#settings-save");
        assertThat(this.<Label>node("#settings-message").getText()).startsWith("Corrigez");
        assertThat(workstation().settings().get("garage.siret")).isEmpty();
        Screenshots.save(stage, "parametres-erreurs-fr");
    }

    @Test
    void theLanguageSwitchesToEnglishAndStays() throws Exception {
        ComboBox<String> language = node("#settings-language");
        interact(() -> language.setValue("en"));
        clickOn("#settings-save");
        await(() -> this.<ToggleButton>node("#nav-settings").getText().equals("Settings"));
        assertThat(this.<ToggleButton>node("#nav-supervision").getText()).isEqualTo("Supervision");
        assertThat(this.<ToggleButton>node("#nav-about").getText()).isEqualTo("About");
        assertThat(this.<Label>node("#status-adapter").getText()).isEqualTo("Adapter: not configured");
        Screenshots.save(stage, "settings-en");

        restart();

        assertThat(this.<ToggleButton>node("#nav-settings").getText()).isEqualTo("Settings");
        assertThat(stage.getTitle()).isEqualTo("NovaEvo Garage Workstation — DEMO");
    }

    @Test
    void aBackupTakenInSupervisionCanBeRestored() throws Exception {
        type("#settings-garage-name", "Avant");
        clickOn("#settings-save");
        clickOn("#nav-supervision");
        TabPane tabs = node("#supervision-view");
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().get(3)));
        clickOn("#backups-now");
        TableView<fr.novaevo.workstation.core.storage.BackupInfo> table = node("#backups-table");
        await(() -> table.getItems().stream().anyMatch(b -> b.kind() == BackupKind.MANUAL));

        clickOn("#nav-settings");
        type("#settings-garage-name", "Après");
        clickOn("#settings-save");
        assertThat(workstation().settings().get("garage.name")).hasValue("Après");

        clickOn("#nav-supervision");
        TabPane again = node("#supervision-view");
        interact(() -> again.getSelectionModel().select(again.getTabs().get(3)));
        TableView<fr.novaevo.workstation.core.storage.BackupInfo> backups = node("#backups-table");
        await(() -> backups.getItems().stream().anyMatch(b -> b.kind() == BackupKind.MANUAL));
        interact(() -> backups.getSelectionModel().select(
                backups.getItems().stream().filter(b -> b.kind() == BackupKind.MANUAL).findFirst().orElseThrow()));
        clickOn("#backups-restore");
        clickOn("Oui");
        await(() -> workstation().audit().find(AuditQuery.all().withActionPrefix("data.restored")).size() == 1);
        assertThat(workstation().settings().get("garage.name")).hasValue("Avant");
        assertThat(workstation().audit().find(AuditQuery.all().withActionPrefix("data.")))
                .extracting(e -> e.action()).contains("data.restored", "data.backup.created");
        assertThat(workstation().database().backups().latest(BackupKind.BEFORE_RESTORE)).isPresent();
    }

    @Test
    void theAuditJournalIsViewableVerifiableAndExportable() throws Exception {
        workstation().audit().record("obd.codes.cleared", "VF1RFB00X12345678", "P0301");
        clickOn("#nav-supervision");
        TabPane tabs = node("#supervision-view");
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().get(2)));
        TableView<?> table = node("#audit-table");
        await(() -> table.getItems().size() == 1);
        clickOn("#audit-verify");
        await(() -> this.<Label>node("#audit-verification").getText().startsWith("Journal intègre : 1"));
        Screenshots.save(stage, "supervision-tracabilite-fr");
    }

    @Test
    void aDamagedDatabaseOpensTheRecoveryWindowAndABackupBringsTheDataBack() throws Exception {
        type("#settings-garage-name", "Garage sauvé");
        clickOn("#settings-save");
        workstation().database().backup(BackupKind.DAILY);
        close();
        Path file = DataLayout.at(options().dataDirectory()).databaseFile();
        byte[] garbage = new byte[(int) Files.size(file)];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        launch();

        assertThat(lookup("#recovery-view").tryQuery()).isPresent();
        assertThat(this.<Label>node("#recovery-code").getText()).isEqualTo("Code d'erreur : DB-CORRUPTED");
        Screenshots.save(stage, "recuperation-fr");
        TableView<?> backups = node("#recovery-backups");
        assertThat(backups.getItems()).as("the daily backup at start and the one taken above").hasSize(2);
        interact(() -> backups.getSelectionModel().select(0)); // newest first
        clickOn("#recovery-open");
        await(() -> lookup("#nav-settings").tryQuery().isPresent());
        clickOn("#nav-settings");
        assertThat(this.<TextField>node("#settings-garage-name").getText()).isEqualTo("Garage sauvé");
        assertThat(DataLayout.at(options().dataDirectory()).setAside()).isDirectoryContaining(
                p -> p.toFile().isDirectory());
    }

    @Test
    void aSecondLaunchBringsTheWindowForwardInsteadOfOpeningAnother() throws Exception {
        interact(() -> stage.setIconified(true));
        interact(app::bringToFront);
        assertThat(stage.isIconified()).isFalse();
        assertThat(stage.isShowing()).isTrue();
    }

    static void deleteQuietly(Path path) throws IOException {
        Files.deleteIfExists(path);
    }
}
