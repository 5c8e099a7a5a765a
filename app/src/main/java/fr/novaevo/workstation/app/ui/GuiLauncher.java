package fr.novaevo.workstation.app.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.cli.Cli;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.WorkstationCommand;
import fr.novaevo.workstation.app.instance.InstanceHandler;
import fr.novaevo.workstation.app.instance.SingleInstance;
import fr.novaevo.workstation.core.error.WorkstationException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the window. The database is opened on a background thread while the JavaFX toolkit starts, so the
 * two costs overlap; the window appears as soon as both are ready.
 */
public final class GuiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);

    private GuiLauncher() {
    }

    /** Runs the window until it is closed; returns the process exit code. */
    public static int run(LaunchOptions options, SingleInstance.Owner owner, Path logFile, Clock clock) {
        CompletableFuture<Workstation> services = CompletableFuture.supplyAsync(() -> {
            Workstation opened = Workstation.open(options, clock).startMaintenance();
            LOG.debug("Services ready {} ms after the JVM started", uptime());
            return opened;
        }, task -> Thread.ofPlatform().name("open-database").daemon(true).start(task));
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<WorkstationApp> application = new AtomicReference<>();
        Platform.setImplicitExit(false);
        try {
            startToolkit(options, services, logFile, clock, closed, application);
        } catch (UnsupportedOperationException | IllegalStateException noScreen) {
            services.thenAccept(Workstation::close);
            throw new WorkstationException("UI-NO-DISPLAY", "no screen to open the window on ("
                    + noScreen.getMessage() + "); start it from a desktop session, or use the command line: "
                    + "./workstation --help", noScreen);
        }
        try {
            owner.serve(new WindowHandler(application, clock));
        } catch (IOException e) {
            LOG.warn("Later launches cannot reach this window: {}", e.getMessage());
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void startToolkit(LaunchOptions options, CompletableFuture<Workstation> services, Path logFile,
                                     Clock clock, CountDownLatch closed, AtomicReference<WorkstationApp> application) {
        Platform.startup(() -> {
            LOG.debug("JavaFX started {} ms after the JVM started", uptime());
            WorkstationApp app = new WorkstationApp(options, services, logFile, clock);
            application.set(app);
            Stage stage = new Stage();
            stage.setOnHidden(e -> {
                app.stop();
                Platform.exit();
                closed.countDown();
            });
            app.start(stage);
        });
    }

    private static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** Serves later launches: a GUI launch brings this window forward, a command runs here. */
    private record WindowHandler(AtomicReference<WorkstationApp> application, Clock clock) implements InstanceHandler {

        @Override
        public Optional<String> activate(List<String> arguments) {
            WorkstationApp app = application.get();
            if (app != null) {
                Platform.runLater(app::bringToFront);
            }
            LOG.info("A second launch handed over; window brought forward");
            return Optional.empty();
        }

        @Override
        public int runCommand(List<String> arguments, Path workingDirectory, PrintWriter out, PrintWriter err) {
            Optional<Workstation> running = Optional.ofNullable(application.get()).flatMap(WorkstationApp::workstation);
            if (running.isEmpty()) {
                err.println("workstation: the running workstation has no database open (see its window)");
                return Cli.EXIT_FAILED;
            }
            WorkstationCommand root = new WorkstationCommand();
            CliContext context = application.get().mainWindow()
                    .map(window -> CliContext.inside(running.get(), workingDirectory, window.platform()))
                    .orElseGet(() -> CliContext.inside(running.get(), workingDirectory));
            return Cli.create(root, context, out, err).execute(arguments.toArray(String[]::new));
        }
    }
}
