package fr.novaevo.workstation.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the workstation keeps its data inside one data folder.
 *
 * <pre>
 * data-folder/
 *   db/workstation.mv.db      the one H2 database
 *   backups/*.zip             consistent online backups (daily, before a migration, manual, before a restore)
 *   logs/                     one log file per launch
 *   set-aside/                database files moved out of the way by a restore (never deleted by us)
 * </pre>
 */
public record DataLayout(Path root) {

    public static final String DATABASE_NAME = "workstation";

    public DataLayout {
        root = root.toAbsolutePath().normalize();
    }

    public static DataLayout at(Path root) {
        return new DataLayout(root);
    }

    public Path databaseDirectory() {
        return root.resolve("db");
    }

    /** The H2 file itself ({@code workstation.mv.db}). */
    public Path databaseFile() {
        return databaseDirectory().resolve(DATABASE_NAME + ".mv.db");
    }

    public Path backups() {
        return root.resolve("backups");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path setAside() {
        return root.resolve("set-aside");
    }

    public String jdbcUrl() {
        // DB_CLOSE_ON_EXIT=FALSE: we close the database ourselves, after the last writer stopped.
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses no committed
        // data (H2 otherwise keeps up to half a second of commits in memory).
        return "jdbc:h2:file:" + databaseDirectory().resolve(DATABASE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** Creates the folders; a clear error when the data folder cannot be written. */
    public DataLayout create() {
        try {
            Files.createDirectories(databaseDirectory());
            Files.createDirectories(backups());
            Files.createDirectories(logs());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + root, e);
        }
    }
}
