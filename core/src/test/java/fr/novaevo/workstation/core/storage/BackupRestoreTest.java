package fr.novaevo.workstation.core.storage;

import static fr.novaevo.workstation.core.storage.DatabaseTest.execute;
import static fr.novaevo.workstation.core.storage.DatabaseTest.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import fr.novaevo.workstation.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    private static final List<SchemaModule> MODULES = DatabaseTest.MODULES;
    private static final List<SchemaModule> MODULES_V2 =
            List.of(new SchemaModule("core"), new SchemaModule("sample", "classpath:db/migration/sample_v2"));

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));

    @Test
    void restoringABackupBringsBackItsDataAndKeepsTheReplacedDatabaseAside() throws SQLException {
        try (Database database = Database.open(DataLayout.at(dataDir), MODULES, clock)) {
            execute(database, "INSERT INTO SAMPLE.NOTE (TEXT) VALUES ('avant')");
            BackupInfo backup = database.backup(BackupKind.MANUAL);
            clock.advance(Duration.ofMinutes(1));
            execute(database, "INSERT INTO SAMPLE.NOTE (TEXT) VALUES ('après')");

            database.restore(backup.file());

            assertThat(queryString(database, "SELECT LISTAGG(TEXT, ',') FROM SAMPLE.NOTE")).isEqualTo("avant");
            assertThat(database.backups().latest(BackupKind.BEFORE_RESTORE)).isPresent();
            assertThat(DataLayout.at(dataDir).setAside()).isDirectory();
        }
    }

    @Test
    void theBeforeRestoreBackupUndoesARestore() throws SQLException {
        try (Database database = Database.open(DataLayout.at(dataDir), MODULES, clock)) {
            BackupInfo empty = database.backup(BackupKind.MANUAL);
            clock.advance(Duration.ofMinutes(1));
            execute(database, "INSERT INTO SAMPLE.NOTE (TEXT) VALUES ('travail du jour')");
            database.restore(empty.file());
            assertThat(queryString(database, "SELECT COUNT(*) FROM SAMPLE.NOTE")).isEqualTo("0");

            clock.advance(Duration.ofMinutes(1));
            database.restore(database.backups().latest(BackupKind.BEFORE_RESTORE).orElseThrow().file());
            assertThat(queryString(database, "SELECT TEXT FROM SAMPLE.NOTE")).isEqualTo("travail du jour");
        }
    }

    @Test
    void aBackupFromANewerVersionIsRefusedAndTheCurrentDatabaseStays() throws SQLException {
        Path newerData = dataDir.resolve("newer");
        Path newerBackup;
        try (Database newer = Database.open(DataLayout.at(newerData), MODULES_V2, clock)) {
            newerBackup = newer.backup(BackupKind.MANUAL).file();
        }
        Path mine = dataDir.resolve("mine");
        try (Database database = Database.open(DataLayout.at(mine), MODULES, clock)) {
            execute(database, "INSERT INTO SAMPLE.NOTE (TEXT) VALUES ('à garder')");
            clock.advance(Duration.ofMinutes(1));
            assertThatThrownBy(() -> database.restore(newerBackup))
                    .isInstanceOfSatisfying(DatabaseException.class,
                            e -> assertThat(e.problem()).isEqualTo(DatabaseProblem.NEWER_THAN_APP));
            assertThat(queryString(database, "SELECT TEXT FROM SAMPLE.NOTE")).isEqualTo("à garder");
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedBeforeAnythingIsTouched() throws IOException, SQLException {
        Path notABackup = dataDir.resolve("vacances.zip");
        Files.writeString(notABackup, "pas un zip");
        try (Database database = Database.open(DataLayout.at(dataDir.resolve("data")), MODULES, clock)) {
            execute(database, "INSERT INTO SAMPLE.NOTE (TEXT) VALUES ('intact')");
            assertThatThrownBy(() -> database.restore(notABackup))
                    .isInstanceOfSatisfying(DatabaseException.class,
                            e -> assertThat(e.problem()).isEqualTo(DatabaseProblem.BAD_BACKUP));
            assertThat(database.backups().latest(BackupKind.BEFORE_RESTORE)).isEmpty();
            assertThat(queryString(database, "SELECT TEXT FROM SAMPLE.NOTE")).isEqualTo("intact");
        }
    }

    @Test
    void aCorruptedDatabaseCanBeReplacedByABackupWithoutOpeningIt() throws IOException, SQLException {
        DataLayout layout = DataLayout.at(dataDir);
        Path backup;
        try (Database database = Database.open(layout, MODULES, clock)) {
            execute(database, "INSERT INTO SAMPLE.NOTE (TEXT) VALUES ('sauvé')");
            backup = database.backup(BackupKind.DAILY).file();
        }
        Files.write(layout.databaseFile(), new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> Database.open(layout, MODULES, clock)).isInstanceOf(DatabaseException.class);

        Path aside = Database.restoreWithoutOpening(layout, backup, clock).orElseThrow();

        assertThat(aside.resolve("workstation.mv.db")).hasBinaryContent(new byte[] {1, 2, 3, 4});
        try (Database database = Database.open(layout, MODULES, clock)) {
            assertThat(queryString(database, "SELECT TEXT FROM SAMPLE.NOTE")).isEqualTo("sauvé");
        }
    }

    @Test
    void dailyBackupsAreTakenOncePerDayAndOnlySevenAreKept() {
        try (Database database = Database.open(DataLayout.at(dataDir), MODULES, clock)) {
            assertThat(database.backupIfDailyDue()).isPresent();
            clock.advance(Duration.ofHours(3));
            assertThat(database.backupIfDailyDue()).as("less than 24 h later").isEmpty();
            for (int day = 0; day < 10; day++) {
                clock.advance(Duration.ofHours(25));
                assertThat(database.backupIfDailyDue()).isPresent();
            }
            List<BackupInfo> daily = database.backups().list().stream().filter(b -> b.kind() == BackupKind.DAILY).toList();
            assertThat(daily).hasSize(BackupKind.DAILY.kept());
            assertThat(daily.getFirst().takenAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    void unrelatedFilesInTheBackupFolderAreIgnored() throws IOException {
        DataLayout layout = DataLayout.at(dataDir).create();
        Files.writeString(layout.backups().resolve("notes.txt"), "x");
        Files.writeString(layout.backups().resolve("workstation-garbage.zip"), "x");
        assertThat(new Backups(layout, clock).list()).isEmpty();
    }
}
