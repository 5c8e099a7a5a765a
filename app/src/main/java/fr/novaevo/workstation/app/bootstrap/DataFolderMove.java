package fr.novaevo.workstation.app.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import fr.novaevo.workstation.core.storage.BackupInfo;
import fr.novaevo.workstation.core.storage.BackupKind;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;

/**
 * Switches to another data folder from the next start. An empty folder first receives a copy of the current
 * database (through a backup, so the copy is consistent); a folder that already holds a workstation database
 * is used as it is. Nothing is deleted from the current folder.
 */
public final class DataFolderMove {

    private DataFolderMove() {
    }

    /** @return true when the current data was copied into the new folder */
    public static boolean prepare(Workstation workstation, Path target) {
        Path folder = target.toAbsolutePath().normalize();
        boolean copied = false;
        DataLayout layout = DataLayout.at(folder);
        if (!Files.exists(layout.databaseFile())) {
            BackupInfo backup = workstation.database().backup(BackupKind.MANUAL);
            Database.restoreWithoutOpening(layout, backup.file(), workstation.clock());
            copied = true;
        }
        AppPaths paths = new AppPaths(folder, workstation.options().configDirectory());
        new DataFolderChoice(paths).choose(folder);
        workstation.audit().record("settings.data_folder.changed", folder.toString(), copied ? "data copied" : "");
        return copied;
    }
}
