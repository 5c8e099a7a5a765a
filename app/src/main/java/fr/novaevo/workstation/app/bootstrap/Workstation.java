package fr.novaevo.workstation.app.bootstrap;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.audit.JdbcAuditJournal;
import fr.novaevo.workstation.core.jobs.JobRegistry;
import fr.novaevo.workstation.core.secrets.EncryptedFileSecretStore;
import fr.novaevo.workstation.core.secrets.SecretStore;
import fr.novaevo.workstation.core.settings.SettingsStore;
import fr.novaevo.workstation.core.storage.BackupInfo;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.session.ObdConnector;
import fr.novaevo.workstation.obd.sim.SimulatorSettings;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import fr.novaevo.workstation.sync.SyncModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the database and builds every service of the application, by hand, once.
 * The UI and the command line receive what they need from here; nothing else creates a service.
 */
public final class Workstation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workstation.class);

    /** Every module's schema, core first. A capability adds its module here when it adds its first table. */
    public static final List<SchemaModule> SCHEMAS = List.of(new SchemaModule("core"), SyncModule.SCHEMA, fr.novaevo.workstation.ocr.batch.BatchStore.SCHEMA, fr.novaevo.workstation.obd.history.ObdSchema.SCHEMA);

    public static final String TECHNICIAN_SETTING = "workstation.technician";

    private final LaunchOptions options;
    private final Clock clock;
    private final Database database;
    private final SettingsStore settings;
    private final JdbcAuditJournal audit;
    private final JobRegistry jobs;
    private final SecretStore secrets;
    private final ScheduledExecutorService maintenance;
    private final DocumentBatches documents;
    private final fr.novaevo.workstation.ocr.supervision.Supervisor supervision;
    private final WatchFolderService watchFolder;
    // Read-only tables shared by every vehicle session, loaded on first use.
    private final PidCatalog pidCatalog = new PidCatalog();
    private final FaultCodeDatabase faultCodes = new FaultCodeDatabase();
    private final VinDecoder vinDecoder;

    private Workstation(LaunchOptions options, Clock clock, Database database) {
        this.options = options;
        this.clock = clock;
        this.database = database;
        this.settings = new SettingsStore(database.dataSource(), clock);
        this.vinDecoder = new VinDecoder(clock);
        this.audit = new JdbcAuditJournal(database.dataSource(), clock, this::actor);
        this.jobs = new JobRegistry(clock, Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.secrets = new EncryptedFileSecretStore(options.dataDirectory().resolve("secrets.properties"),
                options.configDirectory().resolve("secret.key"));
        this.maintenance = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("maintenance").daemon(true).factory());
        this.documents = new DocumentBatches(database.dataSource(), jobs, audit, clock);
        this.supervision = new fr.novaevo.workstation.ocr.supervision.Supervisor(database.dataSource(),
                documents::runningBatches, fr.novaevo.workstation.ocr.supervision.ProcessMetrics.jvm(),
                new fr.novaevo.workstation.ocr.supervision.AlertBook(database.dataSource(), audit, clock), clock,
                fr.novaevo.workstation.ocr.supervision.Supervisor.Settings.defaults());
        this.watchFolder = new WatchFolderService(settings, database.dataSource(), documents, audit, clock,
                clock.getZone());
    }

    /**
     * Opens the data folder. Throws {@link fr.novaevo.workstation.core.storage.DatabaseException} when the
     * database cannot be used; the caller shows why and the way out.
     */
    public static Workstation open(LaunchOptions options, Clock clock) {
        Database database = Database.open(DataLayout.at(options.dataDirectory()), SCHEMAS, clock);
        return new Workstation(options, clock, database);
    }

    /** Daily backups: checked now and every hour while the application runs. */
    public Workstation startMaintenance() {
        maintenance.scheduleWithFixedDelay(this::dailyBackupIfDue, 0, 1, TimeUnit.HOURS);
        documents.startScheduling(maintenance);
        supervision.start();
        watchFolder.apply();
        return this;
    }

    private void dailyBackupIfDue() {
        if (database.backups().dailyDue()) {
            jobs.submit("backup.daily", "", context -> {
                context.progress(0, 1, "backup");
                Optional<BackupInfo> taken = database.backupIfDailyDue();
                context.progress(1, 1, "backup");
                return taken.orElse(null);
            });
        }
    }

    /**
     * Replaces the data by a backup. The current data is backed up first; journal entries written since the
     * backup are carried over, so the restore itself and everything before it stay traceable.
     */
    public synchronized int restore(java.nio.file.Path backup) {
        List<fr.novaevo.workstation.core.audit.AuditEntry> journal = audit.all();
        database.restore(backup);
        settings.reload();
        int carried = audit.carryOver(journal);
        audit.record("data.restored", backup.getFileName().toString(),
                carried == 0 ? "" : carried + " journal entries written since the backup carried over");
        return carried;
    }

    /** Who is acting, for the audit journal: the technician named in the settings, and the system account. */
    public String actor() {
        String account = System.getProperty("user.name", "?");
        return settings.get(TECHNICIAN_SETTING).map(name -> name + " (" + account + ")").orElse(account);
    }

    public LaunchOptions options() {
        return options;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public DataLayout layout() {
        return database.layout();
    }

    public SettingsStore settings() {
        return settings;
    }

    public AuditJournal audit() {
        return audit;
    }

    public JobRegistry jobs() {
        return jobs;
    }

    public SecretStore secrets() {
        return secrets;
    }

    /** Document batches, their review and exports (the Documents area and {@code workstation docs}). */
    public DocumentBatches documents() {
        return documents;
    }

    /** The documents' supervision: batches, throughput, memory, CPU, alerts and their history. */
    public fr.novaevo.workstation.ocr.supervision.Supervisor supervision() {
        return supervision;
    }

    /** The optional watch folder, started and stopped as its settings say. */
    public WatchFolderService watchFolder() {
        return watchFolder;
    }

    /**
     * Connects to vehicles: real adapters by port name, and the virtual vehicle for {@code sim} ports (demo
     * mode). Descriptions of fault codes come in {@code locale}'s language.
     */
    public ObdConnector obdConnector(Locale locale) {
        TransportFactory transports = new TransportFactory(
                new VirtualVehicles(clock).devices(SimulatorSettings.realistic()), Duration.ofSeconds(5));
        return new ObdConnector(transports, ElmSettings.defaults(), pidCatalog, faultCodes, vinDecoder, audit, locale);
    }

    public FaultCodeDatabase faultCodes() {
        return faultCodes;
    }

    public Path logDirectory() {
        return layout().logs();
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        watchFolder.close();
        supervision.close();
        documents.close(); // before the jobs stop, so that stopping a batch's job leaves it to resume
        if (!jobs.shutdown(Duration.ofSeconds(10))) {
            LOG.warn("Some background jobs did not stop within 10 s; closing the database anyway");
        }
        database.close();
        LOG.info("Workstation closed");
    }
}
