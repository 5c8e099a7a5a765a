package fr.novaevo.workstation.app.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPathsTest {

    @Test
    void linuxFollowsXdg() {
        AppPaths defaults = AppPaths.of("Linux", "/home/karim", Map.of());
        assertThat(defaults.defaultDataDirectory()).isEqualTo(Path.of("/home/karim/.local/share/novaevo-workstation"));
        assertThat(defaults.configDirectory()).isEqualTo(Path.of("/home/karim/.config/novaevo-workstation"));
        AppPaths xdg = AppPaths.of("Linux", "/home/karim", Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "relative"));
        assertThat(xdg.defaultDataDirectory()).isEqualTo(Path.of("/data/novaevo-workstation"));
        assertThat(xdg.configDirectory()).as("relative XDG paths are ignored")
                .isEqualTo(Path.of("/home/karim/.config/novaevo-workstation"));
    }

    @Test
    void windowsUsesAppDataAndMacApplicationSupport() {
        assertThat(AppPaths.of("Windows 11", "C:\\Users\\k", Map.of("APPDATA", "/appdata")).defaultDataDirectory())
                .isEqualTo(Path.of("/appdata", "NovaEvo", "Workstation"));
        assertThat(AppPaths.of("Mac OS X", "/Users/k", Map.of()).defaultDataDirectory())
                .isEqualTo(Path.of("/Users/k/Library/Application Support/NovaEvo Workstation"));
    }

    @Test
    void theCommandLineWinsOverTheChosenFolderWhichWinsOverTheDefault(@TempDir Path dir) {
        AppPaths paths = new AppPaths(dir.resolve("default"), dir.resolve("config"));
        DataFolderChoice choice = new DataFolderChoice(paths);
        assertThat(choice.resolve(Optional.empty())).isEqualTo(dir.resolve("default"));
        choice.choose(dir.resolve("chosen"));
        assertThat(choice.resolve(Optional.empty())).isEqualTo(dir.resolve("chosen"));
        assertThat(choice.resolve(Optional.of(dir.resolve("cli")))).isEqualTo(dir.resolve("cli"));
        choice.choose(null);
        assertThat(choice.resolve(Optional.empty())).isEqualTo(dir.resolve("default"));
    }
}
