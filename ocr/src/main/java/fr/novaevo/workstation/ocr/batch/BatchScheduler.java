package fr.novaevo.workstation.ocr.batch;

import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.JobContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application runs at start: the batches a stop interrupted are resumed first (oldest first), then the
 * batches whose turn has come (priority, then age), and from then on each scheduled batch when its start time
 * comes or a new batch is submitted ({@link #wake()}). One batch at a time; each uses the engine's workers.
 *
 * <p>{@link #close()} stops taking batches; a batch being run then is left as a stop would leave it, and is
 * resumed at the next start (its finished documents stay finished).
 */
public final class BatchScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchScheduler.class);

    private final BatchEngine engine;
    private final Clock clock;
    private final Duration idleCheck;
    private final Object signal = new Object();
    private boolean woken;
    private volatile Thread thread;
    private volatile boolean stopping;

    /**
     * @param idleCheck how often the queue is looked at when nothing was announced (a batch recorded by another
     *                  way, a clock moved): a safety net, {@link #wake()} is the usual way
     */
    public BatchScheduler(BatchEngine engine, Clock clock, Duration idleCheck) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleCheck = Objects.requireNonNull(idleCheck, "idleCheck");
    }

    /**
     * How the application follows the batches the scheduler runs: it gives each its job (progress and
     * cancellation) and hears when its run is over, or says the batch is not the scheduler's to run now because
     * it is already being read another way (a command, a quick check) that the engine does not know of yet.
     */
    public interface Runs {
        /** The batch's job, or empty to leave the batch alone this time. */
        Optional<JobContext> begin(BatchInfo batch);

        /** The run {@link #begin} allowed is over, however it ended. */
        void end(BatchInfo batch);

        /** Every batch runs, each under the job {@code jobs} gives it. */
        static Runs of(Function<BatchInfo, JobContext> jobs) {
            Objects.requireNonNull(jobs, "jobs");
            return new Runs() {
                @Override
                public Optional<JobContext> begin(BatchInfo batch) {
                    return Optional.of(jobs.apply(batch));
                }

                @Override
                public void end(BatchInfo batch) {
                    // nothing to follow
                }
            };
        }
    }

    /**
     * Runs, on the calling thread, every interrupted batch and then every batch due now, until none is left.
     *
     * @param jobs the progress and cancellation of each batch (for example a job of the application's registry)
     * @return the reports of the batches run, in the order they ran
     */
    public List<BatchReport> runPending(Function<BatchInfo, JobContext> jobs) {
        return runPending(Runs.of(jobs));
    }

    /** {@link #runPending(Function)}, with batches {@code runs} may leave to another way of running them. */
    public List<BatchReport> runPending(Runs jobs) {
        List<BatchReport> reports = new ArrayList<>();
        Set<Long> running = engine.runningBatches();
        for (BatchInfo interrupted : engine.store().interrupted(running)) {
            if (stopping) {
                return reports;
            }
            LOG.info("batch {} '{}' was interrupted; it is resumed", interrupted.id(), interrupted.name());
            runOne(interrupted, jobs).ifPresent(reports::add);
        }
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            Set<Long> busy = engine.runningBatches();
            Optional<BatchInfo> next = engine.store().due(clock.instant()).stream()
                    .filter(b -> !busy.contains(b.id())).findFirst();
            if (next.isEmpty()) {
                break;
            }
            Optional<BatchReport> report = runOne(next.get(), jobs);
            if (report.isEmpty()) {
                break; // it could not run (taken by someone else meanwhile); look again at the next wake
            }
            reports.add(report.get());
        }
        return reports;
    }

    private Optional<BatchReport> runOne(BatchInfo batch, Runs jobs) {
        Optional<JobContext> job = jobs.begin(batch);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(engine.run(batch.id(), job.get()));
        } catch (WorkstationException e) {
            LOG.warn("batch {} not run now: [{}] {}", batch.id(), e.code(), e.getMessage());
            return Optional.empty();
        } finally {
            jobs.end(batch);
        }
    }

    /** Runs {@link #runPending} on a thread of its own, again at each wake, start time, or idle check. */
    public void start(Function<BatchInfo, JobContext> jobs) {
        start(Runs.of(jobs));
    }

    /** {@link #start(Function)}, with batches {@code jobs} may leave to another way of running them. */
    public synchronized void start(Runs jobs) {
        Objects.requireNonNull(jobs, "jobs");
        if (thread != null) {
            return;
        }
        stopping = false;
        thread = Thread.ofPlatform().daemon(true).name("ocr-batch-scheduler").start(() -> loop(jobs));
    }

    private void loop(Runs jobs) {
        while (!stopping) {
            // Taken before looking at the queue: a start time that passes while the queue is looked at is still
            // "next" below (and run at once), instead of falling between "not due yet" and "no later start".
            Instant looked = clock.instant();
            try {
                runPending(jobs);
            } catch (RuntimeException e) {
                // a store failure (database being restored): try again at the next round rather than stop for good
                LOG.error("batch scheduler: {}", e.getMessage(), e);
            }
            Duration wait = idleCheck;
            try {
                Optional<Instant> next = engine.store().nextStart(looked);
                if (next.isPresent()) {
                    Duration until = Duration.between(clock.instant(), next.get());
                    wait = until.compareTo(wait) < 0 ? until : wait;
                }
            } catch (RuntimeException e) {
                LOG.debug("batch scheduler: next start time unknown", e);
            }
            synchronized (signal) {
                try {
                    if (!woken && !stopping) {
                        signal.wait(Math.max(1, wait.toMillis()));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                woken = false;
            }
        }
    }

    /** A batch was submitted, or a start time changed: look at the queue now. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            thread = null;
        }
        // no interrupt: the engine would take it for a cancel and end the batch being run, which must instead
        // be resumed at the next start
        wake();
    }
}
