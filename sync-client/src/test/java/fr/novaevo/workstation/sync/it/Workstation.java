package fr.novaevo.workstation.sync.it;

import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.sync.client.ClientConfig;
import fr.novaevo.workstation.sync.client.PlatformClient;
import fr.novaevo.workstation.sync.engine.CycleReport;
import fr.novaevo.workstation.sync.engine.SyncEngine;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.store.BookingRepository;
import fr.novaevo.workstation.sync.store.CommissionRepository;
import fr.novaevo.workstation.sync.store.ConflictRepository;
import fr.novaevo.workstation.sync.store.DeadLetterRepository;
import fr.novaevo.workstation.sync.store.SaleRepository;
import fr.novaevo.workstation.sync.store.SyncDatabase;
import fr.novaevo.workstation.sync.store.SyncLedger;
import fr.novaevo.workstation.sync.testing.InMemoryCredentials;
import fr.novaevo.workstation.sync.testing.RecordingAuditJournal;
import fr.novaevo.workstation.sync.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;

/** One simulated workstation: its own H2 file, its own client id and credentials, the whole sync stack. */
final class Workstation implements AutoCloseable {

    final InMemoryCredentials credentials;
    final PlatformClient client;
    final SyncDatabase db;
    final BookingRepository bookings;
    final SyncLedger ledger;
    final ConflictRepository conflicts;
    final DeadLetterRepository deadLetters;
    final SaleRepository sales;
    final CommissionRepository commissions;
    final RecordingAuditJournal audit = new RecordingAuditJournal();
    final SyncEngine engine;

    Workstation(Path dir, String name, URI platform, String apiKey, InstantSource clock, int batchSize, int pageSize) {
        credentials = new InMemoryCredentials(apiKey);
        ClientConfig config = ClientConfig.of(platform, "g-123", UUID.randomUUID(), "0.1.0-test")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
        client = new PlatformClient(config, credentials, SyncJson.newMapper(), clock);
        db = new SyncDatabase(TestDatabase.migrated(dir, name), SyncJson.newMapper(), clock);
        bookings = new BookingRepository(db, audit);
        ledger = new SyncLedger(db);
        conflicts = new ConflictRepository(db, bookings, audit);
        deadLetters = new DeadLetterRepository(db, bookings, audit);
        sales = new SaleRepository(db);
        commissions = new CommissionRepository(db);
        engine = new SyncEngine(client, ledger, batchSize, pageSize);
    }

    CycleReport cycle() throws CancelledException {
        return engine.runCycle(NO_CANCEL);
    }

    static final JobContext NO_CANCEL = new JobContext() {
        @Override
        public void progress(long done, long total, String step) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @Override
    public void close() {
        client.close();
    }
}
