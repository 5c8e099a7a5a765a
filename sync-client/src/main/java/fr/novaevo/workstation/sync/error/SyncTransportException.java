package fr.novaevo.workstation.sync.error;

/** The platform could not be reached or the exchange broke (refused, dropped, deadline passed). */
public final class SyncTransportException extends SyncException {

    public static final String NETWORK = "SYNC-NETWORK";
    public static final String TIMEOUT = "SYNC-TIMEOUT";

    public SyncTransportException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
