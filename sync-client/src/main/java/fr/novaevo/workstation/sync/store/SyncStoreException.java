package fr.novaevo.workstation.sync.store;

import fr.novaevo.workstation.core.error.WorkstationException;

/** The local sync database failed (disk full, file locked, corrupt row). */
public final class SyncStoreException extends WorkstationException {

    public SyncStoreException(String message, Throwable cause) {
        super("SYNC-STORE", message, cause);
    }
}
