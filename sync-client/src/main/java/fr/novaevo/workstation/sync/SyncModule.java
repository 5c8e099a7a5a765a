package fr.novaevo.workstation.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.sync.client.ClientConfig;
import fr.novaevo.workstation.sync.client.CredentialStore;
import fr.novaevo.workstation.sync.client.PlatformClient;
import fr.novaevo.workstation.sync.engine.Backoff;
import fr.novaevo.workstation.sync.engine.CircuitBreaker;
import fr.novaevo.workstation.sync.engine.SyncEngine;
import fr.novaevo.workstation.sync.engine.SyncScheduler;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.store.BookingRepository;
import fr.novaevo.workstation.sync.store.CommissionRepository;
import fr.novaevo.workstation.sync.store.ConflictRepository;
import fr.novaevo.workstation.sync.store.DeadLetterRepository;
import fr.novaevo.workstation.sync.store.SaleRepository;
import fr.novaevo.workstation.sync.store.SyncDatabase;
import fr.novaevo.workstation.sync.store.SyncLedger;
import fr.novaevo.workstation.sync.store.SyncSchema;
import java.time.Duration;
import java.time.InstantSource;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The sync capability wired together, for the app's composition root: one instance per workstation.
 * The database must already hold the {@link #SCHEMA} migrations (the app's database runs them).
 * Nothing starts until {@link #scheduler()}{@code .start()}.
 */
public final class SyncModule implements AutoCloseable {

    public static final SchemaModule SCHEMA = SyncSchema.MODULE;

    private final PlatformClient client;
    private final SyncLedger ledger;
    private final BookingRepository bookings;
    private final SaleRepository sales;
    private final CommissionRepository commissions;
    private final ConflictRepository conflicts;
    private final DeadLetterRepository deadLetters;
    private final SyncEngine engine;
    private final SyncScheduler scheduler;

    /**
     * @param interval time between two scheduled cycles (for example one minute)
     */
    public SyncModule(DataSource dataSource, ClientConfig config, CredentialStore credentials, AuditJournal audit,
                      InstantSource clock, Duration interval) {
        ObjectMapper json = SyncJson.newMapper();
        SyncDatabase db = new SyncDatabase(dataSource, json, clock);
        this.client = new PlatformClient(config, credentials, json, clock);
        this.ledger = new SyncLedger(db);
        this.bookings = new BookingRepository(db, audit);
        this.sales = new SaleRepository(db);
        this.commissions = new CommissionRepository(db);
        this.conflicts = new ConflictRepository(db, bookings, audit);
        this.deadLetters = new DeadLetterRepository(db, bookings, audit);
        this.engine = new SyncEngine(client, ledger);
        this.scheduler = new SyncScheduler(engine, ledger,
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new SplittableRandom()),
                new CircuitBreaker(3), interval, clock);
    }

    public PlatformClient client() {
        return client;
    }

    public SyncLedger ledger() {
        return ledger;
    }

    public BookingRepository bookings() {
        return bookings;
    }

    public SaleRepository sales() {
        return sales;
    }

    public CommissionRepository commissions() {
        return commissions;
    }

    public ConflictRepository conflicts() {
        return conflicts;
    }

    public DeadLetterRepository deadLetters() {
        return deadLetters;
    }

    /** For one cycle on demand (the command line's {@code sync --once}). */
    public SyncEngine engine() {
        return engine;
    }

    public SyncScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.close();
        client.close();
    }
}
