package fr.novaevo.workstation.sync.error;

/**
 * The platform's answer broke the contract: invalid JSON, an unexpected status, a result that lacks a field,
 * an answer too large. Nothing local changed; it is retried later like a transient failure.
 */
public final class SyncProtocolException extends SyncException {

    public static final String INVALID_RESPONSE = "SYNC-INVALID-RESPONSE";
    public static final String UNEXPECTED_STATUS = "SYNC-UNEXPECTED-STATUS";
    public static final String RESPONSE_TOO_LARGE = "SYNC-RESPONSE-TOO-LARGE";

    public SyncProtocolException(String code, String message, Throwable cause, Object... arguments) {
        super(code, message, cause, arguments);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
