package fr.novaevo.workstation.ocr.batch;

/**
 * One document of a batch: pending → running → completed (it has a result, possibly with status
 * {@code error} for a bad file), failed (transient failures persisted past the retries) or cancelled.
 */
public enum DocumentState {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
