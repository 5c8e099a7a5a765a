package fr.novaevo.workstation.core.storage;

import java.nio.file.Path;
import java.time.Instant;

/** One backup file. */
public record BackupInfo(Path file, BackupKind kind, Instant takenAt, long sizeBytes) {
}
