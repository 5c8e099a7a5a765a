package fr.novaevo.workstation.app.ui;

import java.util.List;
import java.util.concurrent.TimeoutException;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSession;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The real application in demo mode for the tests that use the platform: only the test's own clicks sync
 * (the scheduled interval is raised, the emulator's office activity is off), so that "pending" can be seen
 * before "synced"; with the demo vehicle and the demo platform at hand.
 */
public abstract class DemoPlatformAppTest extends HeadlessAppTest {

    /** The built-in virtual vehicle's VIN (a Renault). */
    protected static final String DEMO_VIN = "VF1RJA00XKB123456";

    @BeforeAll
    static void onlyTheTestsClicksSync() {
        System.setProperty(PlatformConnection.INTERVAL_PROPERTY, "3600");
        System.setProperty(PlatformConnection.ACTIVITY_PROPERTY, "0");
    }

    @AfterAll
    static void restoreTheSchedule() {
        System.clearProperty(PlatformConnection.INTERVAL_PROPERTY);
        System.clearProperty(PlatformConnection.ACTIVITY_PROPERTY);
    }

    /**
     * The primary stage outlives each test's application: a dialog left open (offers, problem report) would
     * cover the next test's window.
     */
    @AfterEach
    void closeTheDialogs() {
        interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage && w instanceof Stage)
                .forEach(w -> ((Stage) w).close()));
    }

    /** Connects the built-in virtual vehicle in the Véhicule area and waits for its first reading. */
    protected void connectTheDemoVehicle() throws TimeoutException {
        clickOn("#nav-vehicle");
        clickOn("#vehicle-connect-button");
        await(() -> text("#vehicle-vin").equals(DEMO_VIN) && text("#vehicle-busy").isEmpty());
    }

    /** The window's demo platform, once its session is open (tests act on the platform side through it). */
    protected PlatformEmulator demoPlatform() {
        return app.mainWindow().orElseThrow().platform().current().flatMap(PlatformSession::emulator).orElseThrow();
    }
}
