package fr.novaevo.workstation.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection;

/**
 * What a command needs from outside itself: the workstation's services and the caller's working folder.
 * A command run from a terminal opens the data folder itself; a command handed over to the running
 * application uses the application's services.
 */
public final class CliContext implements AutoCloseable {

    private final Function<LaunchOptions, Workstation> opener;
    private final boolean ownsWorkstation;
    private final Path workingDirectory;
    private final Clock clock;
    private final PlatformConnection platform;
    private Workstation opened;

    private CliContext(Function<LaunchOptions, Workstation> opener, boolean ownsWorkstation, Path workingDirectory,
                       Clock clock, PlatformConnection platform) {
        this.opener = opener;
        this.ownsWorkstation = ownsWorkstation;
        this.workingDirectory = workingDirectory;
        this.clock = clock;
        this.platform = platform;
    }

    /** A terminal run: the data folder is opened on first use and closed at the end. */
    public static CliContext standalone(Clock clock) {
        return new CliContext(options -> Workstation.open(options, clock), true, Path.of("").toAbsolutePath(), clock,
                null);
    }

    /** A run inside the application that already has the data folder open. */
    public static CliContext inside(Workstation running, Path workingDirectory) {
        return new CliContext(options -> running, false, workingDirectory, running.clock(), null);
    }

    /** A run inside the window: the platform commands use the window's platform session. */
    public static CliContext inside(Workstation running, Path workingDirectory, PlatformConnection platform) {
        return new CliContext(options -> running, false, workingDirectory, running.clock(), platform);
    }

    /** The open window's platform session, when this command runs inside the window. */
    public Optional<PlatformConnection> platform() {
        return Optional.ofNullable(platform);
    }

    public synchronized Workstation workstation(LaunchOptions options) {
        if (opened == null) {
            opened = opener.apply(options);
        }
        return opened;
    }

    /** A path typed by the user, relative to the folder they typed it in. */
    public Path resolve(Path typed) {
        return workingDirectory.resolve(typed).toAbsolutePath().normalize();
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized void close() {
        if (ownsWorkstation && opened != null) {
            opened.close();
            opened = null;
        }
    }
}
