package fr.novaevo.workstation.core.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's one H2 file database.
 *
 * <p>Opening it runs every module's migrations, each module in its own schema with its own history, after a
 * backup when there is something to migrate. A database that is locked, unreadable or newer than this
 * application is never touched: opening fails with a {@link DatabaseException} saying which, and the caller
 * offers a way out (wait, open a backup, update). Nothing here ever deletes a database file; files replaced
 * by a restore are moved to {@link DataLayout#setAside()}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_CONNECTIONS = 16;

    private final DataLayout layout;
    private final List<SchemaModule> modules;
    private final Clock clock;
    private final Backups backups;
    private final SwitchableDataSource dataSource = new SwitchableDataSource();
    private MigrationReport lastMigration;

    private Database(DataLayout layout, List<SchemaModule> modules, Clock clock) {
        this.layout = layout;
        this.modules = List.copyOf(modules);
        this.clock = clock;
        this.backups = new Backups(layout, clock);
    }

    /**
     * Opens (creating it when absent) and migrates the database of {@code layout}.
     *
     * @param modules every module whose schema this application knows, {@code core} first
     */
    public static Database open(DataLayout layout, List<SchemaModule> modules, Clock clock) {
        Database database = new Database(layout, modules, clock);
        database.openAndMigrate();
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DataLayout layout() {
        return layout;
    }

    public Backups backups() {
        return backups;
    }

    public MigrationReport lastMigration() {
        return lastMigration;
    }

    /** A consistent backup of the open database, taken while it stays in use. */
    public synchronized BackupInfo backup(BackupKind kind) {
        return backups.take(dataSource, kind);
    }

    /** Takes the daily backup when the last one is more than 24 hours old. */
    public synchronized Optional<BackupInfo> backupIfDailyDue() {
        return backups.dailyDue() ? Optional.of(backup(BackupKind.DAILY)) : Optional.empty();
    }

    /**
     * Replaces the open database by a backup. The current database is first backed up ({@link
     * BackupKind#BEFORE_RESTORE}) and its files set aside; if the backup cannot be opened (unreadable, newer
     * than this application), the current database is put back and the error is thrown.
     */
    public synchronized MigrationReport restore(Path backupZip) {
        Backups.verifyBackup(backupZip);
        BackupInfo safety = backup(BackupKind.BEFORE_RESTORE);
        closePool();
        Path aside = setAsideCurrentFiles(layout, clock, "replaced-by-restore");
        try {
            Backups.extractDatabase(backupZip, layout.databaseFile());
            openAndMigrate();
            LOG.info("Database restored from {} (previous database saved as {})", backupZip.getFileName(),
                    safety.file().getFileName());
            return lastMigration;
        } catch (RuntimeException e) {
            LOG.warn("Restore from {} failed; putting the previous database back", backupZip.getFileName());
            closePool();
            putBack(aside);
            openAndMigrate();
            throw e;
        }
    }

    /**
     * For when the database cannot be opened at all (corrupted, newer): sets the current files aside and puts
     * the backup's database in their place. Call {@link #open} afterwards.
     *
     * @return the folder where the previous files were moved, if there were any
     */
    public static Optional<Path> restoreWithoutOpening(DataLayout layout, Path backupZip, Clock clock) {
        Backups.verifyBackup(backupZip);
        layout.create();
        Path aside = setAsideCurrentFiles(layout, clock, "replaced-by-restore");
        Backups.extractDatabase(backupZip, layout.databaseFile());
        LOG.info("Database replaced by backup {}", backupZip.getFileName());
        return Optional.ofNullable(aside);
    }

    @Override
    public synchronized void close() {
        closePool();
    }

    private void openAndMigrate() {
        try {
            layout.create();
        } catch (RuntimeException e) {
            throw new DatabaseException(DatabaseProblem.NOT_WRITABLE, "cannot create the data folder " + layout.root(),
                    e, layout.root());
        }
        boolean existed = Files.exists(layout.databaseFile());
        JdbcConnectionPool pool = JdbcConnectionPool.create(layout.jdbcUrl(), "", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        pool.setLoginTimeout(10);
        dataSource.switchTo(pool);
        try {
            probe();
            List<Flyway> migrators = modules.stream().map(this::migratorFor).toList();
            refuseFutureMigrations(migrators);
            Optional<BackupInfo> safety = Optional.empty();
            if (existed && migrators.stream().anyMatch(f -> f.info().pending().length > 0)) {
                safety = Optional.of(backups.take(dataSource, BackupKind.BEFORE_MIGRATION));
            }
            Map<String, Integer> applied = new LinkedHashMap<>();
            for (int i = 0; i < modules.size(); i++) {
                applied.put(modules.get(i).name(), migrate(modules.get(i), migrators.get(i), safety));
            }
            lastMigration = new MigrationReport(!existed, Map.copyOf(applied), safety);
            LOG.info("Database open ({} migration(s) applied)", lastMigration.applied());
        } catch (RuntimeException e) {
            closePool();
            throw e;
        }
    }

    /** Opens one connection and reads the file, so that locked and unreadable files are told apart early. */
    private void probe() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES");
        } catch (SQLException e) {
            throw classify(e);
        } catch (RuntimeException e) {
            // MVStore reports some damaged files as unchecked exceptions.
            throw new DatabaseException(DatabaseProblem.CORRUPTED, "the database file cannot be read: " + e.getMessage(),
                    e, layout.databaseFile());
        }
    }

    private DatabaseException classify(SQLException e) {
        int code = e.getErrorCode();
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || text.contains("locked by another process")
                || text.contains("already in use")) {
            return new DatabaseException(DatabaseProblem.LOCKED,
                    "the database is in use by another process: " + layout.databaseFile(), e, layout.databaseFile());
        }
        if (code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2) {
            if (!Files.isWritable(layout.databaseDirectory())) {
                return new DatabaseException(DatabaseProblem.NOT_WRITABLE,
                        "the data folder cannot be written: " + layout.databaseDirectory(), e, layout.databaseDirectory());
            }
        }
        return new DatabaseException(DatabaseProblem.CORRUPTED, "the database file cannot be read: " + e.getMessage(), e,
                layout.databaseFile());
    }

    private Flyway migratorFor(SchemaModule module) {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(module.schema())
                .createSchemas(true)
                .locations(module.migrationLocation())
                .cleanDisabled(true)
                .validateOnMigrate(true)
                .load();
    }

    private void refuseFutureMigrations(List<Flyway> migrators) {
        for (int i = 0; i < migrators.size(); i++) {
            MigrationInfo[] applied;
            try {
                applied = migrators.get(i).info().applied();
            } catch (FlywayException e) {
                throw new DatabaseException(DatabaseProblem.CORRUPTED,
                        "cannot read the migration history of " + modules.get(i).name(), e, layout.databaseFile());
            }
            for (MigrationInfo info : applied) {
                if (info.getState().name().startsWith("FUTURE")) {
                    throw new DatabaseException(DatabaseProblem.NEWER_THAN_APP,
                            "the database was written by a newer version of the workstation (module "
                                    + modules.get(i).name() + " is at version " + info.getVersion() + ")",
                            null, modules.get(i).name(), String.valueOf(info.getVersion()));
                }
            }
        }
    }

    private int migrate(SchemaModule module, Flyway flyway, Optional<BackupInfo> safety) {
        try {
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Schema {}: {} migration(s) applied, now at version {}", module.schema(),
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException(DatabaseProblem.MIGRATION_FAILED,
                    "migration of " + module.name() + " failed" + safety.map(b -> "; backup " + b.file().getFileName()
                            + " holds the data as it was").orElse(""),
                    e, module.name(), safety.map(b -> b.file().getFileName().toString()).orElse(""));
        }
    }

    private void closePool() {
        JdbcConnectionPool pool = dataSource.current();
        dataSource.switchTo(null);
        if (pool == null) {
            return;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // A database that never opened (locked, corrupted) has nothing to shut down.
            LOG.debug("Shutdown skipped: {}", e.getMessage());
        } finally {
            pool.dispose();
        }
    }

    private static Path setAsideCurrentFiles(DataLayout layout, Clock clock, String why) {
        List<Path> current = databaseFiles(layout);
        if (current.isEmpty()) {
            return null;
        }
        Path aside = layout.setAside().resolve(ASIDE_STAMP.format(clock.instant()) + "-" + why);
        try {
            Files.createDirectories(aside);
            for (Path file : current) {
                Files.move(file, aside.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DatabaseException(DatabaseProblem.NOT_WRITABLE, "cannot set the current database aside", e,
                    layout.databaseDirectory());
        }
        LOG.info("Previous database files moved to {}", aside);
        return aside;
    }

    private void putBack(Path aside) {
        try {
            for (Path file : databaseFiles(layout)) {
                Files.delete(file); // only the files we just extracted from the backup
            }
            if (aside != null) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(aside)) {
                    for (Path file : files) {
                        Files.move(file, layout.databaseDirectory().resolve(file.getFileName()));
                    }
                }
                Files.delete(aside);
            }
        } catch (IOException e) {
            throw new DatabaseException(DatabaseProblem.NOT_WRITABLE,
                    "cannot put the previous database back; it is kept in " + aside, e, String.valueOf(aside));
        }
    }

    private static List<Path> databaseFiles(DataLayout layout) {
        if (!Files.isDirectory(layout.databaseDirectory())) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.databaseDirectory(),
                DataLayout.DATABASE_NAME + ".*")) {
            return java.util.stream.StreamSupport.stream(files.spliterator(), false).toList();
        } catch (IOException e) {
            throw new DatabaseException(DatabaseProblem.NOT_WRITABLE, "cannot read the database folder", e,
                    layout.databaseDirectory());
        }
    }
}
