package fr.novaevo.workstation.ocr.batch;

import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.document.ReasonCode;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs document batches. The state of every document is in the database ({@link BatchStore}), so running a
 * batch again after a crash or a {@code kill -9} resumes it: documents finished stay finished (their result
 * is already stored, so they are exported once), documents that were running are read again.
 *
 * <p>Each worker owns a processor and reads its documents on a thread of its own, waiting for each with a
 * deadline: a document that hangs its reader is ended as {@code OCR-TIMEOUT} and the worker goes on with a
 * fresh processor. A processor that throws is a transient failure, retried with exponential backoff; a bad
 * file is not retried (it is a completed document with status {@code error}).
 */
public final class BatchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(BatchEngine.class);

    /** The batch ran past its time limit: the documents not read by then are cancelled with this code. */
    public static final String BATCH_TIMEOUT = "BATCH-TIMEOUT";
    private static final Duration POLL = Duration.ofMillis(200);

    private final BatchStore store;
    private final WorkerProcessor.Factory processors;
    private final BatchSettings settings;
    private final Clock clock;
    private final Map<Long, AtomicBoolean> running = new ConcurrentHashMap<>();

    public BatchEngine(DataSource dataSource, WorkerProcessor.Factory processors, BatchSettings settings, Clock clock) {
        this.store = new BatchStore(dataSource);
        this.processors = Objects.requireNonNull(processors, "processors");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public BatchStore store() {
        return store;
    }

    public BatchSettings settings() {
        return settings;
    }

    /** Expands and checks the inputs, then records the batch (missing and unreadable files as errors). */
    public long submit(BatchRequest request) {
        List<BatchInputs.InputFile> files = BatchInputs.expand(request.inputs());
        long id = store.create(request, files, clock.instant());
        long problems = files.stream().filter(f -> f.problem().isPresent()).count();
        LOG.info("batch {} '{}' recorded: {} files ({} cannot be read), priority {}", id, request.name(), files.size(),
                problems, request.priority());
        return id;
    }

    /** Runs the most urgent batch whose start time has come; empty when none is due. */
    public Optional<BatchReport> runNextDue(JobContext job) {
        Optional<BatchInfo> next = store.nextDue(clock.instant());
        if (next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(run(next.get().id(), job));
    }

    /**
     * Runs (or resumes) a batch until every document is finished, the batch is cancelled, or its time is up.
     *
     * @throws WorkstationException {@code BATCH-NOT-FOUND}, {@code BATCH-NOT-DUE} (its start time is ahead),
     *                              {@code BATCH-ALREADY-RUNNING}, {@code BATCH-STORE-FAILED}
     */
    public BatchReport run(long batchId, JobContext job) {
        return run(batchId, job, settings.workers());
    }

    /**
     * {@link #run(long, JobContext)} with {@code workers} instead of the settings' (a command's {@code --workers}).
     */
    public BatchReport run(long batchId, JobContext job, int workers) {
        Objects.requireNonNull(job, "job");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        BatchInfo info = store.batch(batchId)
                .orElseThrow(() -> new WorkstationException("BATCH-NOT-FOUND", "no batch " + batchId, batchId));
        if (info.state().finished()) {
            return report(batchId);
        }
        if (info.startAt().filter(clock.instant()::isBefore).isPresent()) {
            throw new WorkstationException("BATCH-NOT-DUE", "batch " + batchId + " starts at " + info.startAt().get(),
                    batchId, info.startAt().get());
        }
        AtomicBoolean cancel = new AtomicBoolean();
        if (running.putIfAbsent(batchId, cancel) != null) {
            throw new WorkstationException("BATCH-ALREADY-RUNNING", "batch " + batchId + " is already running", batchId);
        }
        try {
            int recovered = store.recover(batchId, settings.maxAttempts(), clock.instant());
            if (recovered > 0) {
                LOG.warn("batch {}: {} documents were running when the application stopped; they are read again",
                        batchId, recovered);
            }
            store.markRunning(batchId, clock.instant());
            new Run(info, job, cancel, workers).execute();
        } finally {
            running.remove(batchId);
        }
        return report(batchId);
    }

    /**
     * Cancels a batch: a running one stops taking documents and its documents being read are told to stop; one
     * that is not running has its remaining documents cancelled at once.
     */
    public boolean cancel(long batchId) {
        AtomicBoolean flag = running.get(batchId);
        if (flag != null) {
            flag.set(true);
            return true;
        }
        Optional<BatchInfo> info = store.batch(batchId);
        if (info.isEmpty() || info.get().state().finished()) {
            return false;
        }
        store.cancelUnfinished(batchId, cancelledReason(), true, clock.instant());
        return store.finishBatch(batchId, BatchState.CANCELLED, clock.instant());
    }

    /** The batches this engine is running now (a batch left {@code RUNNING} by a crash is not among them). */
    public Set<Long> runningBatches() {
        return Set.copyOf(running.keySet());
    }

    public BatchReport report(long batchId) {
        BatchInfo info = store.batch(batchId)
                .orElseThrow(() -> new WorkstationException("BATCH-NOT-FOUND", "no batch " + batchId, batchId));
        return new BatchReport(info, store.counts(batchId));
    }

    private static Issue cancelledReason() {
        return new Issue(ReasonCode.CANCELLED.code(), "the batch was cancelled before this document was read");
    }

    /** One run of one batch: its workers, its cancellation, its progress. */
    private final class Run {
        private final long batchId;
        private final int total;
        private final JobContext job;
        private final AtomicBoolean cancel;
        private final int workers;
        private final Instant batchEnd;
        private final AtomicInteger done;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final AtomicBoolean workersGivenUp = new AtomicBoolean();
        private volatile boolean timedOut;

        Run(BatchInfo info, JobContext job, AtomicBoolean cancel, int workers) {
            this.batchId = info.id();
            this.workers = workers;
            this.total = info.total();
            this.job = job;
            this.cancel = cancel;
            this.batchEnd = clock.instant().plus(settings.batchTimeout());
            this.done = new AtomicInteger(store.counts(batchId).finished());
        }

        boolean cancelled() {
            return cancel.get() || job.isCancelled();
        }

        boolean timedOut() {
            if (!timedOut && !clock.instant().isBefore(batchEnd)) {
                timedOut = true;
                LOG.warn("batch {}: time limit of {} reached", batchId, settings.batchTimeout());
            }
            return timedOut;
        }

        boolean stopping() {
            return cancelled() || timedOut() || failure.get() != null;
        }

        void execute() {
            job.progress(done.get(), total, "");
            int started = Math.max(1, Math.min(workers, total - done.get()));
            CountDownLatch finished = new CountDownLatch(started);
            for (int i = 0; i < started; i++) {
                Thread.ofPlatform().daemon(true).name("batch-" + batchId + "-worker-" + i).start(() -> {
                    try {
                        workerLoop();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        finished.countDown();
                    }
                });
            }
            // Each document is watched by its worker; once the batch stops (cancelled, out of time), the workers
            // get as long as one document's watchdog to finish, measured on the monotonic clock.
            long stopAllowance = settings.documentTimeout().plus(settings.grace().multipliedBy(2)).toNanos();
            long stopSeen = 0;
            boolean interrupted = false;
            while (finished.getCount() > 0) {
                if (stopSeen == 0 && stopping()) {
                    stopSeen = System.nanoTime();
                } else if (stopSeen != 0 && System.nanoTime() - stopSeen > stopAllowance) {
                    LOG.error("batch {}: workers still busy {} after the batch stopped; they are given up", batchId,
                            Duration.ofNanos(stopAllowance));
                    workersGivenUp.set(true);
                    break;
                }
                try {
                    finished.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true; // Job.cancel() interrupts us: the workers stop at their next document
                    cancel.set(true);
                }
            }
            try {
                end();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void end() {
            RuntimeException failed = failure.get();
            if (failed != null && !cancelled()) {
                LOG.error("batch {} stopped: {}; it resumes when run again", batchId, failed.getMessage());
                throw failed;
            }
            Instant now = clock.instant();
            if (cancelled()) {
                int n = store.cancelUnfinished(batchId, cancelledReason(), workersGivenUp.get(), now);
                store.finishBatch(batchId, BatchState.CANCELLED, now);
                LOG.info("batch {} cancelled ({} documents not read)", batchId, n);
            } else if (timedOut) {
                int n = store.cancelUnfinished(batchId, new Issue(BATCH_TIMEOUT,
                        "the batch's time limit (" + settings.batchTimeout() + ") was reached before this document"),
                        workersGivenUp.get(), now);
                store.finishBatch(batchId, BatchState.CANCELLED, now);
                LOG.warn("batch {} ended by its time limit ({} documents not read)", batchId, n);
            } else {
                BatchCounts counts = store.counts(batchId);
                if (counts.pending() == 0 && counts.running() == 0) {
                    store.finishBatch(batchId, BatchState.COMPLETED, now);
                    LOG.info("batch {} completed: {}", batchId, counts);
                }
            }
            job.progress(store.counts(batchId).finished(), total, "");
        }

        private void workerLoop() {
            Slot slot = new Slot();
            try {
                while (!stopping()) {
                    Optional<BatchDocument> next = store.claim(batchId, clock.instant());
                    if (next.isPresent()) {
                        handle(next.get(), slot);
                        continue;
                    }
                    Optional<Instant> retry = store.nextRetry(batchId);
                    if (retry.isEmpty()) {
                        return; // nothing left to take; documents being read are their workers' business
                    }
                    Duration wait = Duration.between(clock.instant(), retry.get());
                    pause(wait.compareTo(POLL) > 0 ? POLL : wait);
                }
            } finally {
                slot.close();
            }
        }

        private void pause(Duration wait) {
            try {
                Thread.sleep(Math.max(5, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.set(true);
            }
        }

        private void handle(BatchDocument doc, Slot slot) {
            String name = doc.file().getFileName() == null ? doc.file().toString() : doc.file().getFileName().toString();
            job.progress(done.get(), total, name);
            DocumentJob docJob = new DocumentJob(name);
            WorkerProcessor processor;
            try {
                processor = slot.processor();
            } catch (RuntimeException e) {
                LOG.warn("batch {}: a document processor could not be created: {}", batchId, e.toString());
                transientFailure(doc, e.toString(), Optional.empty());
                return;
            }
            Future<DocumentResult> future = slot.executor().submit(() -> processor.process(doc.file(), docJob));
            DocumentResult result;
            try {
                result = future.get(settings.documentTimeout().plus(settings.grace()).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                docJob.abandon();
                future.cancel(true);
                slot.abandon();
                LOG.error("batch {}: {} did not finish within {}; its reader is given up", batchId, doc.file(),
                        settings.documentTimeout().plus(settings.grace()));
                finish(doc, DocumentState.COMPLETED, DocumentResult.error(doc.file(), new Issue(ReasonCode.TIMEOUT.code(),
                        "the document was still being read after " + settings.documentTimeout().plus(settings.grace())
                                .toSeconds() + " s; its reader was stopped")));
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                LOG.warn("batch {}: reading {} failed (attempt {})", batchId, doc.file(), doc.attempts(), cause);
                slot.discard();
                transientFailure(doc, cause.getClass().getSimpleName() + ": " + cause.getMessage(), Optional.empty());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.set(true);
                docJob.abandon();
                future.cancel(true);
                slot.abandon();
                finish(doc, DocumentState.CANCELLED, DocumentResult.error(doc.file(),
                        new Issue(ReasonCode.CANCELLED.code(), "the batch was cancelled while this document was read")));
                return;
            }
            if (cancelled() && code(result).equals(ReasonCode.CANCELLED.code())) {
                finish(doc, DocumentState.CANCELLED, result);
            } else if (result.status() == DocumentStatus.ERROR && code(result).equals(ReasonCode.ENGINE_FAILED.code())) {
                slot.discard();
                transientFailure(doc, result.issues().getFirst().message(), Optional.of(result));
            } else {
                finish(doc, DocumentState.COMPLETED, result);
            }
        }

        private void transientFailure(BatchDocument doc, String why, Optional<DocumentResult> last) {
            if (doc.attempts() < settings.maxAttempts() && !cancelled()) {
                Duration delay = settings.backoff(doc.attempts());
                store.retryLater(doc.id(), clock.instant().plus(delay), why);
                LOG.info("batch {}: {} is retried in {} ms", batchId, doc.file(), delay.toMillis());
                return;
            }
            DocumentResult result = last.orElseGet(() -> DocumentResult.error(doc.file(), new Issue(
                    ReasonCode.ENGINE_FAILED.code(), "reading failed " + doc.attempts() + " times: " + why)));
            finish(doc, DocumentState.FAILED, result);
        }

        private void finish(BatchDocument doc, DocumentState end, DocumentResult result) {
            if (store.finish(doc.id(), end, result, clock.instant())) {
                job.progress(done.incrementAndGet(), total, "");
            }
        }

        private static String code(DocumentResult result) {
            return result.issues().isEmpty() ? "" : result.issues().getFirst().code();
        }

        /** What the processor of one document sees: the batch's cancellation, and its own when it is given up. */
        private final class DocumentJob implements JobContext {
            private final String name;
            private volatile boolean abandoned;

            DocumentJob(String name) {
                this.name = name;
            }

            void abandon() {
                abandoned = true;
            }

            @Override
            public void progress(long pagesDone, long pages, String step) {
                if (pages > 1) {
                    job.progress(done.get(), total, name + " (" + step + " " + pagesDone + "/" + pages + ")");
                }
            }

            @Override
            public boolean isCancelled() {
                return abandoned || cancelled();
            }
        }

        /** A worker's processor and the thread it reads on; both replaced when a document hangs them. */
        private final class Slot {
            private WorkerProcessor processor;
            private ExecutorService executor;

            WorkerProcessor processor() {
                if (processor == null) {
                    processor = processors.open();
                }
                return processor;
            }

            ExecutorService executor() {
                if (executor == null) {
                    executor = Executors.newSingleThreadExecutor(
                            Thread.ofPlatform().daemon(true).name("batch-" + batchId + "-document").factory());
                }
                return executor;
            }

            /** The processor failed: closed, a new one is made for the next document. */
            void discard() {
                if (processor != null) {
                    try {
                        processor.close();
                    } catch (RuntimeException e) {
                        LOG.debug("closing a failed processor", e);
                    }
                    processor = null;
                }
            }

            /** The processor hangs: its thread is left to end on its own; the worker starts afresh. */
            void abandon() {
                if (executor != null) {
                    executor.shutdownNow();
                }
                executor = null;
                processor = null;
            }

            void close() {
                if (executor != null) {
                    executor.shutdownNow();
                    try {
                        if (!executor.awaitTermination(settings.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                            LOG.warn("batch {}: a document reader did not stop within {}", batchId, settings.grace());
                            processor = null; // still in use by that thread
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        processor = null;
                    }
                }
                discard();
            }
        }
    }
}
