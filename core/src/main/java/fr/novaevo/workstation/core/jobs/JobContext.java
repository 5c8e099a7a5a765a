package fr.novaevo.workstation.core.jobs;

/** What a running job sees of its own job: report progress, and notice when it is cancelled. */
public interface JobContext {

    void progress(long done, long total, String step);

    boolean isCancelled();

    /** Call between units of work; throws once the job was cancelled so the work stops cleanly. */
    default void checkCancelled() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
