package fr.novaevo.workstation.core.jobs;

/** Thrown by {@link JobContext#checkCancelled()} once the user cancelled: the job ends as cancelled, not failed. */
public final class CancelledException extends Exception {
    public CancelledException() {
        super("cancelled by the user");
    }
}
