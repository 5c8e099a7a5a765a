package fr.novaevo.workstation.app.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.ocr.watch.WatchFolderSettings;
import fr.novaevo.workstation.ocr.watch.WatchFolderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch folder as its settings say, on a real data folder: refused choices, start, move, stop, restart. */
class WatchFolderServiceTest {

    @TempDir
    Path dir;

    private Workstation open() {
        return Workstation.open(LaunchOptions.inside(dir), Clock.systemDefaultZone());
    }

    private static WatchFolderService.Choice on(Path folder, int priority) {
        return new WatchFolderService.Choice(true, Optional.of(folder), priority);
    }

    private static void refused(WatchFolderService service, WatchFolderService.Choice choice, String code) {
        assertThatThrownBy(() -> service.save(choice)).isInstanceOf(WorkstationException.class)
                .extracting(e -> ((WorkstationException) e).code()).isEqualTo(code);
    }

    @Test
    void aWrongChoiceChangesNothingAndAGoodOneStartsMovesAndStopsTheWatchAtOnce() throws Exception {
        Path first = Files.createDirectories(dir.resolve("scanner"));
        Path second = Files.createDirectories(dir.resolve("messagerie"));
        try (Workstation workstation = open()) {
            WatchFolderService service = workstation.watchFolder();
            assertThat(service.choice()).isEqualTo(new WatchFolderService.Choice(false, Optional.empty(), 0));

            refused(service, new WatchFolderService.Choice(true, Optional.empty(), 0), "WATCH-FOLDER-REQUIRED");
            refused(service, on(dir.resolve("absent"), 0), "WATCH-FOLDER-MISSING");
            refused(service, on(first, 11), "WATCH-PRIORITY-INVALID");
            assertThat(workstation.settings().get(WatchFolderSettings.ENABLED)).isEmpty();
            assertThat(service.status()).isEmpty();

            service.save(on(first, 4));
            assertThat(service.status()).map(WatchFolderStatus::folder).contains(first.toAbsolutePath());
            assertThat(service.status()).map(WatchFolderStatus::running).contains(true);

            service.save(on(second, 4));
            assertThat(service.status()).map(WatchFolderStatus::folder).contains(second.toAbsolutePath());

            service.save(new WatchFolderService.Choice(false, Optional.of(second), 4));
            assertThat(service.status()).isEmpty();
            assertThat(service.choice()).isEqualTo(new WatchFolderService.Choice(false, Optional.of(second.toAbsolutePath()), 4));
            assertThat(workstation.audit().find(AuditQuery.all().withActionPrefix(WatchFolderService.ACTION_CHANGED)))
                    .hasSize(3);

            service.save(on(second, 4));
        }
        try (Workstation again = open().startMaintenance()) {
            assertThat(again.watchFolder().status()).as("on again at the next start")
                    .map(WatchFolderStatus::folder).contains(second.toAbsolutePath());
        }
    }
}
