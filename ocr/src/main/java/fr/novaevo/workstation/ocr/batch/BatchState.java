package fr.novaevo.workstation.ocr.batch;

/** A batch's life: waiting for its turn (or its start time) → running → completed or cancelled. */
public enum BatchState {
    PENDING, RUNNING, COMPLETED, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
