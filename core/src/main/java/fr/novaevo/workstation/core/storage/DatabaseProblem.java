package fr.novaevo.workstation.core.storage;

/** Why the database could not be opened, each with its way out. */
public enum DatabaseProblem {
    /** Another process holds the file: close it, or wait. */
    LOCKED("DB-LOCKED"),
    /** The file cannot be read as a database: open a backup. */
    CORRUPTED("DB-CORRUPTED"),
    /** Written by a newer version of the workstation: update, or open an older backup. */
    NEWER_THAN_APP("DB-NEWER"),
    /** A migration failed; the backup taken just before it is intact. */
    MIGRATION_FAILED("DB-MIGRATION"),
    /** The data folder cannot be written (permissions, disk full). */
    NOT_WRITABLE("DB-NOT-WRITABLE"),
    /** A backup file is not a workstation backup, or cannot be read. */
    BAD_BACKUP("DB-BAD-BACKUP");

    private final String code;

    DatabaseProblem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
