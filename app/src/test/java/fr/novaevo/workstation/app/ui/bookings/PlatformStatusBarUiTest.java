package fr.novaevo.workstation.app.ui.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSettings;
import fr.novaevo.workstation.app.ui.DemoPlatformAppTest;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.sync.emulator.Endpoint;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.Fault;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The status bar with a configured platform (the emulator on loopback, not the demo): the window's session
 * opens as soon as Paramètres name a platform, without visiting the Rendez-vous area, and the bar says what
 * the issue lists: "Connexion requise", "Synchronisé hh:mm", "Hors ligne (nouvel essai dans N s)".
 */
class PlatformStatusBarUiTest extends DemoPlatformAppTest {

    private PlatformEmulator emulator;

    @AfterEach
    void stopPlatform() throws TimeoutException {
        closeApplication();
        if (emulator != null) {
            emulator.close();
        }
    }

    private void settingsSaved() {
        MainWindow window = app.mainWindow().orElseThrow();
        interact(window::settingsChanged);
    }

    /** The seconds of "nouvel essai dans N s". */
    private int retryIn() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("dans (\\d+) s").matcher(text("#status-platform"));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void theStatusBarFollowsTheConfiguredPlatform() throws Exception {
        emulator = PlatformEmulator.start(EmulatorConfig.defaults());
        assertThat(text("#status-platform")).isEqualTo("Plateforme : non configurée");
        workstation().settings().putAll(Map.of(PlatformSettings.URL, emulator.baseUri().toString(),
                PlatformSettings.GARAGE, emulator.config().garageId()));
        workstation().secrets().put(PlatformSettings.API_KEY_SECRET, "not-the-garage-key".toCharArray());

        settingsSaved();
        await(() -> text("#status-platform").equals("Plateforme 127.0.0.1 : Connexion requise"));

        workstation().secrets().put(PlatformSettings.API_KEY_SECRET, emulator.config().apiKey().toCharArray());
        settingsSaved();
        await(() -> text("#status-platform").matches("Plateforme 127.0.0.1 : Synchronisé \\d\\d:\\d\\d"));

        emulator.faults().once(Endpoint.CHANGES, Fault.unavailable(30));
        settingsSaved();
        await(() -> text("#status-platform").matches("Plateforme 127.0.0.1 : Hors ligne \\(nouvel essai dans \\d+ s\\)"));
        int first = retryIn();
        assertThat(first).as("Retry-After honoured").isBetween(25, 30);
        await(() -> retryIn() < first);
    }
}
