package fr.novaevo.workstation.core.storage;

import java.util.Locale;

/** Why a backup was taken; each kind keeps its own number of copies. */
public enum BackupKind {
    DAILY(7),
    BEFORE_MIGRATION(5),
    MANUAL(20),
    BEFORE_RESTORE(5);

    private final int kept;

    BackupKind(int kept) {
        this.kept = kept;
    }

    /** How many backups of this kind are kept; older ones are deleted after a new one is written. */
    public int kept() {
        return kept;
    }

    String fileTag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static BackupKind fromFileTag(String tag) {
        for (BackupKind kind : values()) {
            if (kind.fileTag().equals(tag)) {
                return kind;
            }
        }
        return null;
    }
}
