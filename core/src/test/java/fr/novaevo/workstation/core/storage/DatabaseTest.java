package fr.novaevo.workstation.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import fr.novaevo.workstation.core.audit.JdbcAuditJournal;
import fr.novaevo.workstation.core.testing.ChildJvm;
import fr.novaevo.workstation.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    static final List<SchemaModule> MODULES = List.of(new SchemaModule("core"), new SchemaModule("sample"));
    private static final List<SchemaModule> MODULES_V2 =
            List.of(new SchemaModule("core"), new SchemaModule("sample", "classpath:db/migration/sample_v2"));

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));

    @Test
    void createsTheDatabaseWithEveryModuleInItsOwnSchema() throws SQLException {
        try (Database database = Database.open(DataLayout.at(dataDir), MODULES, clock)) {
            assertThat(database.lastMigration().created()).isTrue();
            assertThat(database.lastMigration().appliedPerModule()).containsEntry("core", 1).containsEntry("sample", 1);
            assertThat(database.lastMigration().safetyBackup()).isEmpty();
            assertThat(tables(database)).contains("CORE.AUDIT_ENTRY", "CORE.SETTING", "SAMPLE.NOTE",
                    "CORE.flyway_schema_history", "SAMPLE.flyway_schema_history");
        }
        assertThat(dataDir.resolve("db/workstation.mv.db")).exists();
    }

    @Test
    void reopeningAnUpToDateDatabaseMigratesNothingAndTakesNoBackup() {
        Database.open(DataLayout.at(dataDir), MODULES, clock).close();
        try (Database database = Database.open(DataLayout.at(dataDir), MODULES, clock)) {
            assertThat(database.lastMigration().created()).isFalse();
            assertThat(database.lastMigration().applied()).isZero();
            assertThat(database.backups().list()).isEmpty();
        }
    }

    @Test
    void takesABackupBeforeMigratingAnExistingDatabaseAndKeepsTheData() throws SQLException {
        try (Database v1 = Database.open(DataLayout.at(dataDir), MODULES, clock)) {
            execute(v1, "INSERT INTO SAMPLE.NOTE (TEXT) VALUES ('courroie à changer')");
        }
        clock.advance(Duration.ofMinutes(5));
        try (Database v2 = Database.open(DataLayout.at(dataDir), MODULES_V2, clock)) {
            assertThat(v2.lastMigration().appliedPerModule()).containsEntry("sample", 1).containsEntry("core", 0);
            BackupInfo safety = v2.lastMigration().safetyBackup().orElseThrow();
            assertThat(safety.kind()).isEqualTo(BackupKind.BEFORE_MIGRATION);
            assertThat(safety.file()).exists();
            assertThat(queryString(v2, "SELECT TEXT || '/' || AUTHOR FROM SAMPLE.NOTE")).isEqualTo("courroie à changer/atelier");
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerVersionAndLeavesItUntouched() throws SQLException {
        try (Database newer = Database.open(DataLayout.at(dataDir), MODULES_V2, clock)) {
            execute(newer, "INSERT INTO SAMPLE.NOTE (TEXT, AUTHOR) VALUES ('plaquettes', 'Karim')");
        }

        assertThatThrownBy(() -> Database.open(DataLayout.at(dataDir), MODULES, clock))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.problem()).isEqualTo(DatabaseProblem.NEWER_THAN_APP);
                    assertThat(e.code()).isEqualTo("DB-NEWER");
                    assertThat(e.arguments()).containsExactly("sample", "2");
                });
        assertThat(DataLayout.at(dataDir).backups()).isEmptyDirectory();
        try (Database newer = Database.open(DataLayout.at(dataDir), MODULES_V2, clock)) {
            assertThat(newer.lastMigration().applied()).isZero();
            assertThat(queryString(newer, "SELECT TEXT || '/' || AUTHOR FROM SAMPLE.NOTE")).isEqualTo("plaquettes/Karim");
        }
    }

    @Test
    void aCorruptedFileIsReportedAsSuchAndNeverReplacedByAnEmptyDatabase() throws IOException {
        Database.open(DataLayout.at(dataDir), MODULES, clock).close();
        Path file = dataDir.resolve("db/workstation.mv.db");
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Database.open(DataLayout.at(dataDir), MODULES, clock))
                .isInstanceOfSatisfying(DatabaseException.class,
                        e -> assertThat(e.problem()).isEqualTo(DatabaseProblem.CORRUPTED));
        assertThat(Files.readAllBytes(file)).as("the damaged file is left as it was").isEqualTo(garbage);
    }

    @Test
    void aTruncatedFileIsReportedAsCorrupted() throws IOException, SQLException {
        try (Database database = Database.open(DataLayout.at(dataDir), MODULES, clock)) {
            for (int i = 0; i < 200; i++) {
                execute(database, "INSERT INTO SAMPLE.NOTE (TEXT) VALUES ('" + "y".repeat(900) + "')");
            }
        }
        Path file = dataDir.resolve("db/workstation.mv.db");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, 100));

        assertThatThrownBy(() -> Database.open(DataLayout.at(dataDir), MODULES, clock))
                .isInstanceOfSatisfying(DatabaseException.class,
                        e -> assertThat(e.problem()).isEqualTo(DatabaseProblem.CORRUPTED));
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsReportedAsLocked() throws Exception {
        Database.open(DataLayout.at(dataDir), MODULES, clock).close();
        try (ChildJvm holder = ChildJvm.start(DatabaseWriterProcess.class, "hold", dataDir.toString())) {
            holder.awaitLine("READY", Duration.ofSeconds(60));
            assertThatThrownBy(() -> Database.open(DataLayout.at(dataDir), MODULES, clock))
                    .isInstanceOfSatisfying(DatabaseException.class,
                            e -> assertThat(e.problem()).isEqualTo(DatabaseProblem.LOCKED));
        }
    }

    @Test
    void aProcessKilledDuringWritesLeavesADatabaseThatOpensAndValidates() throws Exception {
        Database.open(DataLayout.at(dataDir), MODULES, clock).close();
        for (int round = 0; round < 3; round++) {
            long committed;
            try (ChildJvm writer = ChildJvm.start(DatabaseWriterProcess.class, "write", dataDir.toString())) {
                writer.awaitLine("COMMITTED 301", Duration.ofSeconds(60));
                Thread.sleep(100L * (round + 1));
                writer.kill();
                committed = lastCommitted(writer.output(), 301);
            }
            try (Database database = Database.open(DataLayout.at(dataDir), MODULES, Clock.systemUTC())) {
                assertThat(database.lastMigration().applied()).isZero();
                assertThat(Long.parseLong(queryString(database, "SELECT COUNT(*) FROM SAMPLE.NOTE")))
                        .as("every insert the killed process saw committed is in the file")
                        .isGreaterThanOrEqualTo(committed);
                JdbcAuditJournal journal = new JdbcAuditJournal(database.dataSource(), Clock.systemUTC(), () -> "test");
                assertThat(journal.verify().intact()).isTrue();
                assertThat(journal.verify().entries()).isPositive();
                assertThat(scriptLines(database)).as("a full SQL export reads every page").isPositive();
                execute(database, "CHECKPOINT SYNC");
            }
        }
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAClearError() throws IOException {
        Path file = dataDir.resolve("not-a-folder");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> Database.open(DataLayout.at(file), MODULES, clock))
                .isInstanceOfSatisfying(DatabaseException.class,
                        e -> assertThat(e.problem()).isEqualTo(DatabaseProblem.NOT_WRITABLE));
    }

    static List<String> tables(Database database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT TABLE_SCHEMA || '.' || TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static long lastCommitted(String output, long atLeast) {
        return output.lines().filter(l -> l.startsWith("COMMITTED ")).mapToLong(l -> Long.parseLong(l.substring(10).strip()))
                .max().orElse(atLeast);
    }

    /** Exports the whole database as SQL: every page of the file is read. */
    static long scriptLines(Database database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SCRIPT")) {
            long lines = 0;
            while (rows.next()) {
                lines++;
            }
            return lines;
        }
    }

    static void execute(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String queryString(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static Instant at(String isoUtc) {
        return java.time.LocalDateTime.parse(isoUtc).toInstant(ZoneOffset.UTC);
    }
}
