package fr.novaevo.workstation.app.bootstrap.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.cli.VersionInfo;
import fr.novaevo.workstation.core.settings.SettingsStore;
import fr.novaevo.workstation.sync.SyncModule;
import fr.novaevo.workstation.sync.client.ClientConfig;
import fr.novaevo.workstation.sync.client.CredentialStore;
import fr.novaevo.workstation.sync.client.MemoryCredentials;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.store.SyncSchema;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opened platform session: against the configured platform (the workstation's database, the settings
 * and the encrypted API key), or, when no platform is configured, against a local {@link PlatformEmulator}
 * on 127.0.0.1 with its French sample data and a database of its own in memory, so that the demo never
 * mixes with the garage's real bookings. Opened off the JavaFX thread (by {@link PlatformConnection});
 * {@link #close()} stops the scheduler, the client, the emulator and the demo database.
 */
public final class PlatformSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSession.class);

    private final SyncModule module;
    private final PlatformEmulator emulator;
    private final JdbcConnectionPool demoDatabase;

    private final Target target;
    private final CredentialStore credentials;

    /** What a session syncs with: a change of either (in Paramètres) needs a new session. */
    public record Target(String url, String garageId) {
        /** The demo: no platform configured. */
        static final Target DEMO = new Target("", "");

        /** The target the settings name now. */
        public static Target of(SettingsStore settings) {
            Optional<String> url = settings.get(PlatformSettings.URL).map(String::strip).filter(u -> !u.isEmpty());
            return url.map(u -> new Target(u, settings.get(PlatformSettings.GARAGE, "").strip())).orElse(DEMO);
        }

        public boolean demo() {
            return url.isEmpty();
        }
    }

    private PlatformSession(Target target, CredentialStore credentials, SyncModule module, PlatformEmulator emulator,
                            JdbcConnectionPool demoDatabase) {
        this.target = target;
        this.credentials = credentials;
        this.module = module;
        this.emulator = emulator;
        this.demoDatabase = demoDatabase;
    }

    /**
     * Opens the session (blocking: starts the emulator and its database in demo mode). The scheduler is
     * not started: the caller adds its listeners first.
     *
     * @param officeActivity in demo mode, time between two platform-side events (null: none)
     */
    static PlatformSession open(Workstation workstation, Duration interval, Duration officeActivity) {
        SettingsStore settings = workstation.settings();
        Target target = Target.of(settings);
        if (!target.demo()) {
            ClientConfig config = ClientConfig.of(URI.create(target.url()), target.garageId(),
                    PlatformSettings.clientId(settings), VersionInfo.version());
            CredentialStore credentials = PlatformCredentials.fromSettings(workstation.secrets(), target.url(),
                    target.garageId());
            SyncModule module = new SyncModule(workstation.database().dataSource(), config, credentials,
                    workstation.audit(), workstation.clock(), interval);
            return new PlatformSession(target, credentials, module, null, null);
        }
        PlatformEmulator emulator = PlatformEmulator.start(EmulatorConfig.defaults(), 0);
        JdbcConnectionPool database = null;
        try {
            database = JdbcConnectionPool.create("jdbc:h2:mem:bookings-demo-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "sa", "");
            SyncSchema.migrate(database);
            if (officeActivity != null) {
                emulator.startActivity(officeActivity, 20261121L);
            }
            ClientConfig config = ClientConfig.of(emulator.baseUri(), emulator.config().garageId(),
                    UUID.nameUUIDFromBytes("novaevo-demo-workstation".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    VersionInfo.version());
            // The emulator's published key: nothing secret; the refresh token lives in memory only.
            CredentialStore credentials = new MemoryCredentials(emulator.config().apiKey());
            SyncModule module = new SyncModule(database, config, credentials, workstation.audit(), workstation.clock(),
                    interval);
            LOG.info("platform session in demo mode against the platform emulator at {}", emulator.baseUri());
            return new PlatformSession(target, credentials, module, emulator, database);
        } catch (RuntimeException e) {
            emulator.close();
            if (database != null) {
                shutdown(database);
            }
            throw e;
        }
    }

    public boolean demo() {
        return emulator != null;
    }

    public Target target() {
        return target;
    }

    /** The demo's platform emulator (tests act on the platform side through it). */
    public Optional<PlatformEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    public SyncModule module() {
        return module;
    }

    /** The secrets this session signs in with: what a problem report must never carry. */
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public void close() {
        try {
            module.close();
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            if (demoDatabase != null) {
                shutdown(demoDatabase);
            }
        }
    }

    private static void shutdown(JdbcConnectionPool pool) {
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            LOG.debug("demo database already closed", e);
        } finally {
            pool.dispose();
        }
    }
}
