package fr.novaevo.workstation.app.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Which data folder to use: {@code --data-dir} first, then the folder the user chose in the settings (kept in
 * the configuration folder, since it cannot live in the data folder it names), then the OS default.
 */
public final class DataFolderChoice {

    private static final String FILE = "data-folder.properties";
    private static final String KEY = "dataFolder";

    private final AppPaths paths;

    public DataFolderChoice(AppPaths paths) {
        this.paths = paths;
    }

    public Path resolve(Optional<Path> commandLine) {
        if (commandLine.isPresent()) {
            return commandLine.get().toAbsolutePath().normalize();
        }
        return chosen().orElse(paths.defaultDataDirectory());
    }

    public Optional<Path> chosen() {
        Path file = paths.configDirectory().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty(KEY)).filter(v -> !v.isBlank()).map(Path::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Remembers the folder for the next start; {@code null} goes back to the default. */
    public void choose(Path folder) {
        Path file = paths.configDirectory().resolve(FILE);
        try {
            Files.createDirectories(paths.configDirectory());
            Properties properties = new Properties();
            if (folder != null) {
                properties.setProperty(KEY, folder.toAbsolutePath().normalize().toString());
            }
            Path partial = file.resolveSibling(FILE + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                properties.store(out, "NovaEvo workstation: data folder chosen in the settings");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the data folder choice in " + file, e);
        }
    }
}
