package fr.novaevo.workstation.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup folder: consistent online backups taken with H2's {@code BACKUP TO}, one zip each, named
 * {@code workstation-<UTC time>-<kind>.zip}, with a retention per kind.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    // Milliseconds in the name: two backups in the same second still sort in the order they were taken.
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("workstation-(\\d{8}T\\d{9}Z)(?:-\\d+)?-([a-z-]+)\\.zip");
    static final String DATABASE_ENTRY = DataLayout.DATABASE_NAME + ".mv.db";
    public static final Duration DAILY_INTERVAL = Duration.ofHours(24);

    private final DataLayout layout;
    private final Clock clock;

    public Backups(DataLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    /** Every backup in the folder, newest first. Files that are not ours are ignored. */
    public List<BackupInfo> list() {
        List<BackupInfo> found = new ArrayList<>();
        if (!Files.isDirectory(layout.backups())) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.backups(), "workstation-*.zip")) {
            for (Path file : files) {
                describe(file).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backups in " + layout.backups(), e);
        }
        found.sort(Comparator.comparing(BackupInfo::takenAt).thenComparing(b -> b.file().getFileName().toString())
                .reversed());
        return found;
    }

    public Optional<BackupInfo> latest(BackupKind kind) {
        return list().stream().filter(b -> b.kind() == kind).findFirst();
    }

    /** True when no daily backup was taken in the last 24 hours. */
    public boolean dailyDue() {
        return latest(BackupKind.DAILY)
                .map(b -> b.takenAt().isBefore(clock.instant().minus(DAILY_INTERVAL)))
                .orElse(true);
    }

    /**
     * Takes a consistent backup of the open database, then applies the retention of its kind. The zip is
     * written under a temporary name and renamed, so a crash never leaves a half backup that looks whole.
     */
    BackupInfo take(DataSource dataSource, BackupKind kind) {
        Instant now = clock.instant();
        Path target = uniqueName(now, kind);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(layout.backups());
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            deleteQuietly(partial);
            throw new DatabaseException(DatabaseProblem.NOT_WRITABLE, "cannot write the backup " + target, e, target);
        }
        BackupInfo taken = describe(target).orElseThrow();
        LOG.info("Backup written: {} ({} bytes)", target.getFileName(), taken.sizeBytes());
        prune(kind);
        return taken;
    }

    private Path uniqueName(Instant now, BackupKind kind) {
        String stamp = STAMP.format(now);
        Path candidate = layout.backups().resolve("workstation-" + stamp + "-" + kind.fileTag() + ".zip");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = layout.backups().resolve("workstation-" + stamp + "-" + n + "-" + kind.fileTag() + ".zip");
        }
        return candidate;
    }

    private void prune(BackupKind kind) {
        List<BackupInfo> ofKind = list().stream().filter(b -> b.kind() == kind).toList();
        for (BackupInfo old : ofKind.subList(Math.min(kind.kept(), ofKind.size()), ofKind.size())) {
            deleteQuietly(old.file());
            LOG.info("Old backup removed by retention: {}", old.file().getFileName());
        }
    }

    /** Refuses a file that is not a readable workstation backup, before anything is touched. */
    public static void verifyBackup(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new DatabaseException(DatabaseProblem.BAD_BACKUP, "backup file not found: " + zip, null, zip);
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(DATABASE_ENTRY)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    return;
                }
            }
        } catch (IOException e) {
            throw new DatabaseException(DatabaseProblem.BAD_BACKUP, "unreadable backup file: " + zip, e, zip);
        }
        throw new DatabaseException(DatabaseProblem.BAD_BACKUP, "not a workstation backup: " + zip, null, zip);
    }

    /** Writes the database file held in the backup to {@code target}. Only our one entry is read (no zip-slip). */
    static void extractDatabase(Path zip, Path target) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(DATABASE_ENTRY)) {
                    copy(in, target);
                    return;
                }
            }
        } catch (IOException e) {
            throw new DatabaseException(DatabaseProblem.BAD_BACKUP, "unreadable backup file: " + zip, e, zip);
        }
        throw new DatabaseException(DatabaseProblem.BAD_BACKUP, "not a workstation backup: " + zip, null, zip);
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<BackupInfo> describe(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        BackupKind kind = BackupKind.fromFileTag(m.group(2));
        if (kind == null) {
            return Optional.empty();
        }
        try {
            Instant takenAt = Instant.from(STAMP.parse(m.group(1)));
            return Optional.of(new BackupInfo(file, kind, takenAt, Files.size(file)));
        } catch (DateTimeParseException | IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }
}
