package fr.novaevo.workstation.core.jobs;

/** A background job's life: queued → running → one of the three ends. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
