package fr.novaevo.workstation.ocr.supervision;

/**
 * What an alert watches, with its default threshold (issue 4) and unit. {@link #code()} is the stable code a
 * UI translates ({@code alert.<code>}).
 */
public enum AlertKind {
    /** A document read for longer than this many minutes. */
    DOCUMENT_DURATION("ALERT-DOCUMENT-DURATION", 30, Unit.MINUTES),
    /** A batch running for longer than this many minutes (4 h). */
    BATCH_DURATION("ALERT-BATCH-DURATION", 240, Unit.MINUTES),
    /** Heap used by the application above this many MB. */
    MEMORY("ALERT-MEMORY", 1000, Unit.MEGABYTES),
    /** Process CPU above this percentage of the machine. */
    CPU("ALERT-CPU", 80, Unit.PERCENT),
    /** A running batch with more than this percentage of its documents in error. */
    FAILURE_RATE("ALERT-FAILURE-RATE", 20, Unit.PERCENT);

    /** How a threshold reads. */
    public enum Unit { MINUTES, MEGABYTES, PERCENT }

    private final String code;
    private final double defaultLimit;
    private final Unit unit;

    AlertKind(String code, double defaultLimit, Unit unit) {
        this.code = code;
        this.defaultLimit = defaultLimit;
        this.unit = unit;
    }

    public String code() {
        return code;
    }

    public double defaultLimit() {
        return defaultLimit;
    }

    public Unit unit() {
        return unit;
    }
}
