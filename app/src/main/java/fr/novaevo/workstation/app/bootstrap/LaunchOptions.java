package fr.novaevo.workstation.app.bootstrap;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this launch keeps its data and configuration, as decided from the command line and the OS.
 *
 * @param dataDirectory   the data folder (database, backups, logs)
 * @param configDirectory the per-user configuration folder (data folder choice, secret key)
 * @param language        a language forced on the command line ({@code fr} or {@code en}), over the settings
 * @param debug           stack traces on the console
 */
public record LaunchOptions(Path dataDirectory, Path configDirectory, Optional<String> language, boolean debug) {

    public LaunchOptions {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        configDirectory = configDirectory.toAbsolutePath().normalize();
    }

    /** For tests and the demo: everything inside one folder. */
    public static LaunchOptions inside(Path folder) {
        return new LaunchOptions(folder.resolve("data"), folder.resolve("config"), Optional.empty(), false);
    }
}
