package fr.novaevo.workstation.app.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.Job;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.jobs.JobRegistry;
import fr.novaevo.workstation.ocr.batch.BatchReport;

/**
 * A batch read on a thread of its own (the scheduler's, or a reader's), shown as a job of the registry: the job
 * carries its progress and the user's cancel, and ends when the reading ends. Closing the application stops
 * the job without cancelling the batch, which then resumes at the next start.
 */
final class BatchJob {

    private final Job<BatchReport> job;
    private final CompletableFuture<BatchReport> reading = new CompletableFuture<>();
    private final BooleanSupplier closing;

    BatchJob(JobRegistry jobs, String kind, String name, BooleanSupplier closing) {
        this.closing = closing;
        this.job = jobs.submit(kind, name, context -> awaitReading());
    }

    Job<BatchReport> job() {
        return job;
    }

    /** What the engine sees: the job's progress, and its cancel unless the application is closing. */
    JobContext context() {
        return new JobContext() {
            @Override
            public void progress(long done, long total, String step) {
                job.progress(done, total, step);
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled() && !closing.getAsBoolean();
            }
        };
    }

    void ended(BatchReport report) {
        reading.complete(report);
    }

    void failed(Throwable failure) {
        reading.completeExceptionally(failure);
    }

    private BatchReport awaitReading() throws Exception {
        while (true) {
            try {
                return reading.get();
            } catch (InterruptedException e) {
                if (closing.getAsBoolean()) {
                    // The batch stays as it is in the database and resumes at the next start.
                    throw new CancelledException();
                }
                // The user's cancel: the engine sees it through the job and ends the batch as cancelled.
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
