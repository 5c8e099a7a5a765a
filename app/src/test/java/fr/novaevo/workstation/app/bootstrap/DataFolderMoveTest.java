package fr.novaevo.workstation.app.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.storage.DataLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderMoveTest {

    @TempDir
    Path dir;

    private LaunchOptions options(Path data) {
        return new LaunchOptions(data, dir.resolve("config"), Optional.empty(), false);
    }

    @Test
    void anEmptyFolderReceivesACopyAndIsUsedFromTheNextStart() {
        Path target = dir.resolve("nouveau");
        try (Workstation current = Workstation.open(options(dir.resolve("data")), Clock.systemUTC())) {
            current.settings().put("garage.name", "Garage du Port");
            assertThat(DataFolderMove.prepare(current, target)).isTrue();
            assertThat(current.audit().find(AuditQuery.all().withActionPrefix("settings.data_folder"))).hasSize(1);
        }
        AppPaths paths = new AppPaths(dir.resolve("default"), dir.resolve("config"));
        assertThat(new DataFolderChoice(paths).resolve(Optional.empty())).isEqualTo(target);
        try (Workstation next = Workstation.open(options(target), Clock.systemUTC())) {
            assertThat(next.settings().get("garage.name")).hasValue("Garage du Port");
        }
        assertThat(DataLayout.at(dir.resolve("data")).databaseFile()).as("the old folder is left as it was").exists();
    }

    @Test
    void aFolderThatAlreadyHoldsAWorkstationIsUsedAsItIs() {
        Path other = dir.resolve("autre");
        try (Workstation existing = Workstation.open(options(other), Clock.systemUTC())) {
            existing.settings().put("garage.name", "Autre garage");
        }
        try (Workstation current = Workstation.open(options(dir.resolve("data")), Clock.systemUTC())) {
            current.settings().put("garage.name", "Garage du Port");
            assertThat(DataFolderMove.prepare(current, other)).isFalse();
        }
        try (Workstation next = Workstation.open(options(other), Clock.systemUTC())) {
            assertThat(next.settings().get("garage.name")).hasValue("Autre garage");
        }
        assertThat(Files.exists(other.resolve("set-aside"))).isFalse();
    }
}
