package fr.novaevo.workstation.sync.store;

import fr.novaevo.workstation.core.error.WorkstationException;

/**
 * A local edit refused before it reaches the outbox, because the platform would certainly reject it
 * (an unknown booking, a transition the contract forbids, an invalid VIN). Codes: {@code SYNC-EDIT-...}.
 */
public final class LocalEditException extends WorkstationException {

    public static final String NOT_FOUND = "SYNC-EDIT-NOT-FOUND";
    public static final String INVALID_FIELD = "SYNC-EDIT-INVALID-FIELD";
    public static final String INVALID_TRANSITION = "SYNC-EDIT-INVALID-TRANSITION";
    public static final String NOT_DELETABLE = "SYNC-EDIT-NOT-DELETABLE";

    public LocalEditException(String code, String message, Object... arguments) {
        super(code, message, null, arguments);
    }
}
