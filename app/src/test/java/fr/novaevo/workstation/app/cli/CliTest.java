package fr.novaevo.workstation.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import fr.novaevo.workstation.app.MainRunner;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user types it: real data folder, real database, output and exit codes. */
class CliTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString(),
                "--config-dir", dir.resolve("config").toString()));
        all.addAll(List.of(args));
        int exit = MainRunner.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void versionAndHelp() {
        Result version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("NovaEvo Workstation ").contains("Java 25").contains("JavaFX 26");
        Result help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: workstation").contains("data").contains("audit").contains("--data-dir");
        assertThat(dir.resolve("data")).as("help and version touch no data").doesNotExist();
    }

    @Test
    void aUsageErrorIsOneLineAndExitCodeTwo() {
        Result result = run("data", "frobnicate");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("workstation: ").doesNotContain("\tat ");
        assertThat(run("--lang", "de", "data", "backups").exit()).isEqualTo(2);
    }

    @Test
    void backupListCheckAndRestore() throws Exception {
        Result backup = run("data", "backup");
        assertThat(backup.exit()).as(backup.err()).isZero();
        Path file = Path.of(backup.out().strip());
        assertThat(file).exists().hasFileName(file.getFileName().toString());

        Result list = run("data", "backups", "--json");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("\"kind\" : \"manual\"").contains(file.getFileName().toString());

        Result check = run("data", "check");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("auditIntact: true").contains("auditEntries: 1");

        Result unconfirmed = run("data", "restore", file.toString());
        assertThat(unconfirmed.exit()).isEqualTo(1);
        assertThat(unconfirmed.err()).contains("[CLI-CONFIRM]");
        Result restore = run("data", "restore", file.toString(), "--yes");
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(run("audit", "list").out()).contains("data.restored");
    }

    @Test
    void auditExportWritesACsvAndIsItselfJournaled() throws Exception {
        run("data", "backup");
        Path csv = dir.resolve("journal.csv");
        Result export = run("audit", "export", "--out", csv.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("data.backup.created");
        Result json = run("audit", "list", "--json", "--action", "audit.");
        assertThat(json.out()).contains("\"action\" : \"audit.exported\"").doesNotContain("data.backup");
    }

    @Test
    void aDatabaseFromANewerVersionIsOneClearLineNotAStackTrace() {
        LaunchOptions options = new LaunchOptions(dir.resolve("data"), dir.resolve("config"), java.util.Optional.empty(), false);
        try (Workstation w = Workstation.open(options, Clock.systemUTC())) {
            // A migration this version does not know, as a newer workstation would have applied.
            try (var c = w.database().dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("INSERT INTO CORE.\"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                        + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                        + "VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'test', 1, TRUE)");
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        Result result = run("data", "check");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("workstation: [DB-NEWER]").doesNotContain("\n").doesNotContain("Exception");
    }
}
