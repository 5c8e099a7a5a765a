package fr.novaevo.workstation.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application started headless (JavaFX's Headless platform) on a temporary data folder before each
 * test and closed after it, with the lookups and waits the area tests share.
 */
public abstract class HeadlessAppTest extends FxRobot {

    @TempDir
    protected Path dir;

    protected Stage stage;
    protected WorkstationApp app;

    @BeforeAll
    static void registerToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void launchApplication() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = (WorkstationApp) FxToolkit.setupApplication(
                () -> new WorkstationApp(LaunchOptions.inside(dir), null, dir.resolve("test.log"), Clock.systemDefaultZone()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the application (again after a test did, harmlessly). */
    @AfterEach
    protected void closeApplication() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    protected Workstation workstation() {
        return app.workstation().orElseThrow();
    }

    protected <T extends Node> T node(String query) {
        return lookup(query).query();
    }

    protected String text(String query) {
        return this.<Label>node(query).getText();
    }

    /** Waits up to 30 s (the machine is slow and shared), running the JavaFX events between looks. */
    protected void await(java.util.function.BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
