package fr.novaevo.workstation.app.bootstrap;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folders the operating system expects us to use.
 *
 * <ul>
 *   <li>Linux: data in {@code $XDG_DATA_HOME/novaevo-workstation} (default {@code ~/.local/share}), settings
 *       in {@code $XDG_CONFIG_HOME/novaevo-workstation} (default {@code ~/.config});</li>
 *   <li>Windows: {@code %APPDATA%\NovaEvo\Workstation} for both;</li>
 *   <li>macOS: {@code ~/Library/Application Support/NovaEvo Workstation} for both.</li>
 * </ul>
 * The configuration folder only holds what cannot live in the data folder: where the data folder is, and the
 * key of the secret store.
 */
public record AppPaths(Path defaultDataDirectory, Path configDirectory) {

    static final String LINUX_NAME = "novaevo-workstation";

    public static AppPaths forCurrentUser() {
        return of(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
    }

    static AppPaths of(String osName, String userHome, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData))
                    .resolve("NovaEvo").resolve("Workstation");
            return new AppPaths(base, base.resolve("config"));
        }
        if (os.startsWith("mac")) {
            Path base = home.resolve("Library").resolve("Application Support").resolve("NovaEvo Workstation");
            return new AppPaths(base, base.resolve("config"));
        }
        Path data = xdg(environment, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(LINUX_NAME);
        Path config = xdg(environment, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(LINUX_NAME);
        return new AppPaths(data, config);
    }

    private static Path xdg(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        // The XDG spec says relative paths are invalid and must be ignored.
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
