package fr.novaevo.workstation.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import fr.novaevo.workstation.core.error.WorkstationException;

/** One background job: its state machine, its progress and its result. */
public final class Job<T> implements JobContext {

    private final long id;
    private final String kind;
    private final String subject;
    private final Clock clock;
    private final Instant submittedAt;
    private final AtomicReference<JobState> state = new AtomicReference<>(JobState.QUEUED);
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile boolean cancelRequested;
    private volatile Progress progress = Progress.NOT_STARTED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile Throwable failure;
    private volatile Thread worker;

    Job(long id, String kind, String subject, Clock clock) {
        this.id = id;
        this.kind = kind;
        this.subject = subject == null ? "" : subject;
        this.clock = clock;
        this.submittedAt = clock.instant();
    }

    public long id() {
        return id;
    }

    /** Completes with the job's value, or exceptionally with its failure or a {@link CancelledException}. */
    public CompletableFuture<T> result() {
        return result.copy();
    }

    public JobState state() {
        return state.get();
    }

    /**
     * Asks the job to stop. A queued job never starts; a running one stops at its next
     * {@link #checkCancelled()} (and is interrupted if it waits).
     */
    public void cancel() {
        cancelRequested = true;
        if (state.compareAndSet(JobState.QUEUED, JobState.CANCELLED)) {
            finishedAt = clock.instant();
            result.completeExceptionally(new CancelledException());
            return;
        }
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested;
    }

    @Override
    public void progress(long done, long total, String step) {
        Instant started = startedAt;
        Optional<Duration> eta = Optional.empty();
        if (started != null && total > 0 && done > 0 && done < total) {
            Duration elapsed = Duration.between(started, clock.instant());
            eta = Optional.of(elapsed.multipliedBy(total - done).dividedBy(done));
        }
        progress = new Progress(done, total, step, eta);
    }

    void run(JobWork<T> work) {
        if (!state.compareAndSet(JobState.QUEUED, JobState.RUNNING)) {
            return; // cancelled while queued
        }
        worker = Thread.currentThread();
        startedAt = clock.instant();
        try {
            T value = work.run(this);
            if (cancelRequested) {
                finish(JobState.CANCELLED, new CancelledException());
            } else {
                state.set(JobState.SUCCEEDED);
                finishedAt = clock.instant();
                result.complete(value);
            }
        } catch (Exception | Error e) {
            // A cancelled job often ends with whatever its interrupted wait threw: it is still a cancellation.
            finish(cancelRequested ? JobState.CANCELLED : JobState.FAILED,
                    cancelRequested && !(e instanceof CancelledException) ? new CancelledException() : e);
        } finally {
            worker = null;
            Thread.interrupted(); // do not leak an interrupt from cancel() to the pool's next job
        }
    }

    private void finish(JobState end, Throwable cause) {
        failure = cause;
        state.set(end);
        finishedAt = clock.instant();
        result.completeExceptionally(cause);
    }

    public JobSnapshot snapshot() {
        Throwable error = failure;
        JobState now = state.get();
        Optional<String> code = Optional.empty();
        Optional<String> message = Optional.empty();
        if (now == JobState.FAILED && error != null) {
            code = Optional.of(error instanceof WorkstationException w ? w.code() : "JOB-FAILED");
            message = Optional.ofNullable(error.getMessage());
        }
        return new JobSnapshot(id, kind, subject, now, progress, submittedAt, Optional.ofNullable(startedAt),
                Optional.ofNullable(finishedAt), code, message);
    }
}
