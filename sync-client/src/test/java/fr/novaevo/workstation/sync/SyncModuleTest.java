package fr.novaevo.workstation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.sync.client.ClientConfig;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.engine.CycleReport;
import fr.novaevo.workstation.sync.testing.InMemoryCredentials;
import fr.novaevo.workstation.sync.testing.RecordingAuditJournal;
import fr.novaevo.workstation.sync.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring the app uses: demo mode is an emulator with sample data and this module pointed at it. */
class SyncModuleTest {

    @TempDir
    Path dir;

    @Test
    void demoModeSyncsTheSampleAgenda() throws Exception {
        try (PlatformEmulator demo = PlatformEmulator.start(EmulatorConfig.defaults());
             SyncModule sync = new SyncModule(TestDatabase.migrated(dir, "app"),
                     ClientConfig.of(demo.baseUri(), demo.config().garageId(), UUID.randomUUID(), "0.1.0"),
                     new InMemoryCredentials(demo.config().apiKey()), new RecordingAuditJournal(), InstantSource.system(),
                     Duration.ofMinutes(1))) {
            CycleReport report = sync.engine().runCycle(new fr.novaevo.workstation.core.jobs.JobContext() {
                @Override
                public void progress(long done, long total, String step) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });

            assertThat(report.pulled()).isPositive();
            assertThat(sync.bookings().all()).hasSize(demo.state().liveBookings().size());
            assertThat(sync.commissions().all()).hasSize(16);
            assertThat(sync.scheduler().refreshStatus().kind())
                    .isEqualTo(fr.novaevo.workstation.sync.engine.SyncStatus.Kind.SYNCED);
        }
    }
}
