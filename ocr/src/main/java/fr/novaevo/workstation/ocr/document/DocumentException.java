package fr.novaevo.workstation.ocr.document;

import fr.novaevo.workstation.core.error.WorkstationException;

/** One document could not be read, for a {@link ReasonCode} the user can be told. */
public final class DocumentException extends WorkstationException {

    private final ReasonCode reason;

    public DocumentException(ReasonCode reason, String message, Throwable cause) {
        super(reason.code(), message, cause);
        this.reason = reason;
    }

    public DocumentException(ReasonCode reason, String message) {
        this(reason, message, null);
    }

    public ReasonCode reason() {
        return reason;
    }
}
