package fr.novaevo.workstation.core.storage;

import java.util.Map;
import java.util.Optional;

/**
 * What opening the database did.
 *
 * @param created          true when the database did not exist before
 * @param appliedPerModule migrations applied now, per module name
 * @param safetyBackup     the backup taken before migrating, when there was something to migrate
 */
public record MigrationReport(boolean created, Map<String, Integer> appliedPerModule, Optional<BackupInfo> safetyBackup) {

    public int applied() {
        return appliedPerModule.values().stream().mapToInt(Integer::intValue).sum();
    }
}
