package fr.novaevo.workstation.obd.history;

/** The history could not be read or written (database unavailable, disk full...); keeps its cause. */
public final class HistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
