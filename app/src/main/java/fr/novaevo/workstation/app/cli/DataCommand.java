package fr.novaevo.workstation.app.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.core.audit.AuditVerification;
import fr.novaevo.workstation.core.storage.BackupInfo;
import fr.novaevo.workstation.core.storage.BackupKind;
import fr.novaevo.workstation.core.storage.Backups;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.DatabaseException;
import fr.novaevo.workstation.core.storage.DatabaseProblem;
import fr.novaevo.workstation.core.error.WorkstationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workstation data ...}: the data folder, its backups and its health. */
@Command(name = "data", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Data folder: backups, restore, health check.",
        subcommands = {DataCommand.Backup.class, DataCommand.ListBackups.class, DataCommand.Restore.class,
            DataCommand.Check.class})
public final class DataCommand {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    static Map<String, Object> describe(BackupInfo backup) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", backup.file().toString());
        json.put("kind", backup.kind().name().toLowerCase(Locale.ROOT));
        json.put("takenAt", backup.takenAt().toString());
        json.put("sizeBytes", backup.sizeBytes());
        return json;
    }

    @Command(name = "backup", mixinStandardHelpOptions = true, description = "Take a backup now.")
    static final class Backup extends CommandBase implements java.util.concurrent.Callable<Integer> {
        Backup(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Workstation workstation = workstation();
            BackupInfo taken = workstation.database().backup(BackupKind.MANUAL);
            workstation.audit().record("data.backup.created", taken.file().getFileName().toString(), "manual");
            out().println(taken.file());
            return 0;
        }
    }

    @Command(name = "backups", mixinStandardHelpOptions = true, description = "List the backups, newest first.")
    static final class ListBackups extends CommandBase implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--json", description = "JSON output.")
        boolean json;

        ListBackups(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            // Listing reads only the backup folder: it works even when the database cannot be opened.
            List<BackupInfo> backups = new Backups(DataLayout.at(options().dataDirectory()), context.clock()).list();
            if (json) {
                out().println(Json.write(backups.stream().map(DataCommand::describe).toList()));
            } else if (backups.isEmpty()) {
                out().println("No backup in " + DataLayout.at(options().dataDirectory()).backups());
            } else {
                for (BackupInfo b : backups) {
                    out().printf("%s  %-16s %10d  %s%n", DATE_TIME.format(b.takenAt().atZone(ZoneId.systemDefault())),
                            b.kind().name().toLowerCase(Locale.ROOT), b.sizeBytes(), b.file());
                }
            }
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Replace the database by a backup. The current database is backed up first and its",
                "files are kept in the data folder's set-aside/ folder. Works also when the database is damaged",
                "or was written by a newer version."})
    static final class Restore extends CommandBase implements java.util.concurrent.Callable<Integer> {
        @Parameters(paramLabel = "BACKUP.zip", description = "The backup file.")
        Path backup;

        @Option(names = "--yes", description = "Confirm: without it, nothing is changed.")
        boolean yes;

        Restore(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Path file = context.resolve(backup);
            Backups.verifyBackup(file);
            if (!yes) {
                throw new WorkstationException("CLI-CONFIRM", "restoring replaces the current database: add --yes to confirm");
            }
            Workstation workstation;
            try {
                workstation = workstation();
            } catch (DatabaseException e) {
                if (e.problem() == DatabaseProblem.LOCKED || e.problem() == DatabaseProblem.NOT_WRITABLE) {
                    throw e;
                }
                // Damaged or newer: replace the files without opening them, then open the backup.
                Database.restoreWithoutOpening(DataLayout.at(options().dataDirectory()), file, context.clock());
                workstation = workstation();
                workstation.audit().record("data.restored", file.getFileName().toString(),
                        "replaced an unreadable database (" + e.code() + ")");
                out().println("Restored " + file.getFileName() + " (the previous files are in "
                        + workstation.layout().setAside() + ")");
                return 0;
            }
            workstation.restore(file);
            out().println("Restored " + file.getFileName());
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Open the database, apply pending migrations and verify the audit journal's hash chain.")
    static final class Check extends CommandBase implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--json", description = "JSON output.")
        boolean json;

        Check(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Workstation workstation = workstation();
            AuditVerification audit = workstation.audit().verify();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dataFolder", workstation.layout().root().toString());
            result.put("database", workstation.layout().databaseFile().toString());
            result.put("auditEntries", audit.entries());
            result.put("auditIntact", audit.intact());
            audit.firstBroken().ifPresent(seq -> result.put("auditFirstBrokenEntry", seq));
            result.put("backups", workstation.database().backups().list().size());
            if (json) {
                out().println(Json.write(result));
            } else {
                result.forEach((k, v) -> out().println(k + ": " + v));
            }
            if (!audit.intact()) {
                throw new WorkstationException("AUDIT-BROKEN", "the audit journal was altered at entry "
                        + audit.firstBroken().getAsLong());
            }
            return 0;
        }
    }
}
