package fr.novaevo.workstation.obd;

import fr.novaevo.workstation.core.error.WorkstationException;

/** The one typed failure of the OBD module; {@link #reason()} says which, {@link #code()} is quotable. */
public class ObdException extends WorkstationException {

    private final ObdErrorCode reason;

    public ObdException(ObdErrorCode reason, String message, Throwable cause, Object... arguments) {
        super(reason.code(), message, cause, arguments);
        this.reason = reason;
    }

    public ObdException(ObdErrorCode reason, String message, Object... arguments) {
        this(reason, message, null, arguments);
    }

    public ObdErrorCode reason() {
        return reason;
    }
}
