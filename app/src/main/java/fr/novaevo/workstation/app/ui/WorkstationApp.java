package fr.novaevo.workstation.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.ui.recovery.RecoveryWindow;
import fr.novaevo.workstation.core.storage.DatabaseException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. The services are opened in parallel with the toolkit's start (see
 * {@link GuiLauncher}); when the database cannot be opened, the recovery window offers the way out instead.
 */
public final class WorkstationApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationApp.class);
    private static final long OPEN_DEADLINE_SECONDS = 120;

    private final LaunchOptions options;
    private final Function<LaunchOptions, Workstation> opener;
    private final Path logFile;
    private CompletableFuture<Workstation> services;
    private Workstation workstation;
    private MainWindow mainWindow;
    private Stage stage;

    /**
     * @param services the services, already being opened (or opened here when null)
     */
    public WorkstationApp(LaunchOptions options, CompletableFuture<Workstation> services, Path logFile, Clock clock) {
        this.options = options;
        this.services = services;
        this.logFile = logFile;
        this.opener = o -> Workstation.open(o, clock).startMaintenance();
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        stage.getIcons().add(new Image(WorkstationApp.class.getResourceAsStream("icon.png")));
        if (services == null) {
            services = CompletableFuture.supplyAsync(() -> opener.apply(options));
        }
        try {
            showMain(services.get(OPEN_DEADLINE_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            showRecovery(e.getCause());
        } catch (TimeoutException e) {
            showRecovery(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Platform.exit();
        }
    }

    private void showMain(Workstation opened) {
        this.workstation = opened;
        mainWindow = new MainWindow(opened, stage, logFile, options.language());
        mainWindow.browser(getHostServices()::showDocument);
        LOG.debug("Building the main window {} ms after the JVM started",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        stage.setScene(mainWindow.createScene());
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.show();
        LOG.info("Main window shown {} ms after the JVM started",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private void showRecovery(Throwable failure) {
        if (!(failure instanceof DatabaseException)) {
            LOG.error("The workstation could not start", failure);
        } else {
            LOG.warn("Database cannot be opened: {}", failure.getMessage());
        }
        new RecoveryWindow(stage, options, failure, () -> {
            services = CompletableFuture.supplyAsync(() -> opener.apply(options));
            try {
                showMain(services.get(OPEN_DEADLINE_SECONDS, TimeUnit.SECONDS));
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.of(e.getCause());
            } catch (TimeoutException | InterruptedException e) {
                return Optional.of(e);
            }
        }).show();
    }

    /** Brings the window forward; called when a second launch hands over. */
    public void bringToFront() {
        if (mainWindow != null) {
            mainWindow.bringToFront();
        } else if (stage != null) {
            stage.toFront();
        }
    }

    public Optional<Workstation> workstation() {
        return Optional.ofNullable(workstation);
    }

    public Optional<MainWindow> mainWindow() {
        return Optional.ofNullable(mainWindow);
    }

    @Override
    public void stop() {
        if (mainWindow != null) {
            mainWindow.dispose();
        }
        if (workstation != null) {
            workstation.close();
            workstation = null;
        } else if (services != null) {
            services.thenAccept(Workstation::close);
        }
    }
}
