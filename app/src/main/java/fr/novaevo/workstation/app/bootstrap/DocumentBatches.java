package fr.novaevo.workstation.app.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.Job;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.jobs.JobRegistry;
import fr.novaevo.workstation.ocr.batch.BatchEngine;
import fr.novaevo.workstation.ocr.batch.BatchExports;
import fr.novaevo.workstation.ocr.batch.BatchInfo;
import fr.novaevo.workstation.ocr.batch.BatchInputs;
import fr.novaevo.workstation.ocr.batch.BatchReport;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.BatchSettings;
import fr.novaevo.workstation.ocr.batch.BatchStore;
import fr.novaevo.workstation.ocr.batch.KbisWorkerProcessors;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.MediaType;
import fr.novaevo.workstation.ocr.document.ReasonCode;
import fr.novaevo.workstation.ocr.result.Issue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's documents: batches recorded in the database and read as background jobs, one due batch at
 * a time by priority (night batches when their time comes, interrupted ones again after a restart), their
 * exports, and the review of their results ({@link DocumentReviews}). The window and {@code workstation docs batch} both go through here, so a
 * batch is never read twice at once in one process.
 *
 * <p>A batch's reading runs on a thread of its own while its job waits for it: closing the application stops
 * the job without cancelling the batch (its documents stay where they were and the batch resumes at the next
 * start), whereas the user's cancel, seen by the engine through the job, cancels it.
 */
public final class DocumentBatches implements AutoCloseable {

    public static final String JOB_KIND = "docs.batch";
    public static final String EXPORT_JOB_KIND = "docs.export";
    public static final String ACTION_EXPORT = "docs.export.written";
    /** Delay between the start and the first look for due batches, so resuming never slows the window down. */
    static final String START_DELAY_PROPERTY = "novaevo.documents.startDelayMillis";
    private static final Duration LOOK_EVERY = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DocumentBatches.class);

    /** For work nobody follows and nobody can cancel (a command-line export, a page's frame read again). */
    public static final JobContext UNWATCHED = new JobContext() {
        @Override
        public void progress(long done, long total, String step) {
            // nobody is watching
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private final DataSource dataSource;
    private final JobRegistry jobs;
    private final AuditJournal audit;
    private final Clock clock;
    private final DocumentLimits limits;
    private final BatchSettings settings;
    private final BatchStore store;
    private final DocumentReviews reviews;
    private final ExecutorService readers = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("docs-batch-", 1).daemon(true).factory());
    private final Map<Long, BatchRun> runs = new ConcurrentHashMap<>();
    private final Map<Long, Job<BatchReport>> batchJobs = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean closing;
    private Job<BatchReport> dispatched;
    private Instant nextWake;

    public DocumentBatches(DataSource dataSource, JobRegistry jobs, AuditJournal audit, Clock clock) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
        this.limits = DocumentLimits.DEFAULT;
        BatchSettings defaults = BatchSettings.defaults();
        // the watchdog waits as long as the reader's own time limit, plus the grace
        this.settings = defaults.withDocumentTimeout(limits.timeout(), defaults.grace());
        this.store = new BatchStore(dataSource);
        this.reviews = new DocumentReviews(store, audit, clock, limits);
    }

    public BatchStore store() {
        return store;
    }

    public BatchSettings settings() {
        return settings;
    }

    public DocumentReviews reviews() {
        return reviews;
    }

    // ------------------------------------------------------------------ inputs and batches

    /**
     * The files a batch of {@code inputs} would read, each checked before the run: missing, unreadable, empty,
     * too large, or not a PDF/PNG/JPEG/TIFF by content gets its reason.
     */
    public List<BatchInputs.InputFile> check(List<Path> inputs) {
        return BatchInputs.expand(inputs).stream().map(this::checkContent).toList();
    }

    private BatchInputs.InputFile checkContent(BatchInputs.InputFile file) {
        if (file.problem().isPresent()) {
            return file;
        }
        try {
            long size = Files.size(file.file());
            if (size == 0) {
                return rejected(file, ReasonCode.EMPTY_FILE, "the file is empty");
            }
            if (size > limits.maxFileBytes()) {
                return rejected(file, ReasonCode.FILE_TOO_LARGE, "the file has " + size + " bytes");
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file.file())) {
                head = in.readNBytes(MediaType.SNIFF_LENGTH);
            }
            if (MediaType.sniff(head).isEmpty()) {
                return rejected(file, ReasonCode.UNSUPPORTED_TYPE, "not a PDF, PNG, JPEG or TIFF file");
            }
            return file;
        } catch (IOException e) {
            return rejected(file, ReasonCode.NOT_READABLE, "the file cannot be read: " + e.getMessage());
        }
    }

    private static BatchInputs.InputFile rejected(BatchInputs.InputFile file, ReasonCode code, String why) {
        return new BatchInputs.InputFile(file.file(), Optional.of(new Issue(code.code(), why)));
    }

    /** Records a batch; it runs when its turn and its start time come (at once when nothing else runs). */
    public long submit(BatchRequest request) {
        long id = engine().submit(request);
        lookSoon();
        return id;
    }

    /** Records a batch and starts reading it at once, beside the queue (a quick check of one document). */
    public synchronized long submitNow(BatchRequest request) {
        long id = engine().submit(request);
        start(store.batch(id).orElseThrow());
        return id;
    }

    /**
     * Records a batch and reads it on the caller's thread at once ({@code workstation docs batch}), with
     * {@code runSettings} (its {@code --workers}). The batch is this caller's from the moment it is recorded, so
     * the queue never starts it too.
     */
    public BatchReport submitAndRun(BatchRequest request, JobContext job, BatchSettings runSettings) {
        BatchRun run;
        synchronized (this) {
            long id = engine().submit(request);
            run = claim(id, job);
        }
        return read(run, runSettings);
    }

    /**
     * Reads (or resumes) a batch on the caller's thread.
     *
     * @throws WorkstationException {@code BATCH-ALREADY-RUNNING} when this process reads it already, and those of
     *                              {@link BatchEngine#run}
     */
    public BatchReport run(long batchId, JobContext job, BatchSettings runSettings) {
        return read(claim(batchId, job), runSettings);
    }

    private synchronized BatchRun claim(long batchId, JobContext job) {
        BatchRun run = new BatchRun(batchId, job);
        if (runs.putIfAbsent(batchId, run) != null) {
            throw new WorkstationException("BATCH-ALREADY-RUNNING", "batch " + batchId + " is already running", batchId);
        }
        return run;
    }

    private BatchReport read(BatchRun run, BatchSettings runSettings) {
        try {
            return new BatchEngine(dataSource, run.watching(KbisWorkerProcessors.factory(limits, clock), reviews::pagesRead),
                    runSettings, clock).run(run.batchId(), run);
        } finally {
            runs.remove(run.batchId());
        }
    }

    /** The live state of a batch being read in this process. */
    public Optional<BatchRun> live(long batchId) {
        return Optional.ofNullable(runs.get(batchId));
    }

    /**
     * Cancels a batch: a running one through its job (the engine stops between documents and tells the
     * documents being read), a queued or scheduled one at once.
     */
    public boolean cancel(long batchId) {
        Job<BatchReport> job = batchJobs.get(batchId);
        if (job != null && !job.state().finished()) {
            job.cancel();
            if (runs.containsKey(batchId)) {
                return true;
            }
            // its job was still waiting for a thread: the batch is cancelled here, or the queue would start it again
        }
        return engine().cancel(batchId);
    }

    /** An engine for what does not read documents (recording, cancelling a batch that is not running). */
    private BatchEngine engine() {
        return new BatchEngine(dataSource, KbisWorkerProcessors.factory(limits, clock), settings, clock);
    }

    // ------------------------------------------------------------------ scheduling

    /** Looks for due batches shortly after the start (resuming interrupted ones) and then every 30 s. */
    public void startScheduling(ScheduledExecutorService executor) {
        this.scheduler = executor;
        long delay = Long.getLong(START_DELAY_PROPERTY, 3000L);
        executor.scheduleWithFixedDelay(this::lookForDueBatch, delay, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void lookSoon() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null && !closing) {
            executor.execute(this::lookForDueBatch);
        }
    }

    /** Starts the most urgent due batch that nobody reads, unless the queue's batch is still being read. */
    synchronized void lookForDueBatch() {
        if (closing || (dispatched != null && !dispatched.state().finished())) {
            return;
        }
        try {
            Instant now = clock.instant();
            List<BatchInfo> waiting = store.batches().stream().filter(b -> !b.state().finished()).toList();
            waiting.stream()
                    .filter(b -> b.startAt().filter(now::isBefore).isEmpty())
                    .filter(b -> !runs.containsKey(b.id()) && !batchJobs.containsKey(b.id()))
                    .min(Comparator.comparingInt(BatchInfo::priority).reversed().thenComparingLong(BatchInfo::id))
                    .ifPresent(b -> dispatched = start(b));
            waiting.stream().flatMap(b -> b.startAt().stream()).filter(now::isBefore).min(Comparator.naturalOrder())
                    .ifPresent(this::wakeAt);
        } catch (RuntimeException e) {
            LOG.warn("documents: could not look for due batches: {}", e.getMessage());
        }
    }

    /** A night batch starts at its time, not at the next periodic look. */
    private void wakeAt(Instant at) {
        ScheduledExecutorService executor = scheduler;
        if (executor == null || closing || at.equals(nextWake)) {
            return;
        }
        nextWake = at;
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis()) + 50;
        executor.schedule(this::lookForDueBatch, delay, TimeUnit.MILLISECONDS);
    }

    private Job<BatchReport> start(BatchInfo batch) {
        long id = batch.id();
        Job<BatchReport> job = jobs.submit(JOB_KIND, batch.name(), context -> readInBackground(id, context));
        batchJobs.put(id, job);
        job.result().whenComplete((report, failure) -> {
            batchJobs.remove(id, job);
            lookSoon();
        });
        LOG.info("documents: batch {} '{}' started", id, batch.name());
        return job;
    }

    private BatchReport readInBackground(long batchId, JobContext job) throws Exception {
        JobContext unlessClosing = new JobContext() {
            @Override
            public void progress(long done, long total, String step) {
                job.progress(done, total, step);
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled() && !closing;
            }
        };
        CompletableFuture<BatchReport> reading = CompletableFuture.supplyAsync(
                () -> run(batchId, unlessClosing, settings), readers);
        while (true) {
            try {
                return reading.get();
            } catch (InterruptedException e) {
                if (closing) {
                    // The batch stays as it is in the database and resumes at the next start.
                    throw new CancelledException();
                }
                // The user's cancel: the engine sees it through the job and ends the batch as cancelled.
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    // ------------------------------------------------------------------ exports

    /**
     * Writes a batch's results (Excel and/or JSON Lines, each to a temporary file then renamed) and journals it.
     *
     * @throws CancelledException   when the job was cancelled during the Excel export (the target is left as it was)
     * @throws WorkstationException {@code EXPORT-WRITE-FAILED}
     */
    public void export(long batchId, Optional<Path> excel, Optional<Path> jsonLines, JobContext job)
            throws CancelledException {
        BatchExports exports = new BatchExports(store);
        jsonLines.ifPresent(target -> exports.writeJsonLines(batchId, target));
        if (excel.isPresent()) {
            exports.writeExcel(batchId, excel.get(), job);
        }
        List<String> names = new ArrayList<>();
        excel.ifPresent(p -> names.add(p.getFileName().toString()));
        jsonLines.ifPresent(p -> names.add(p.getFileName().toString()));
        audit.record(ACTION_EXPORT, names.getFirst(), store.counts(batchId).total() + " documents"
                + (names.size() > 1 ? ", also " + names.get(1) : ""));
    }

    @Override
    public void close() {
        closing = true;
        // No interrupt: an interrupted engine would end its batch as cancelled instead of leaving it to resume.
        readers.shutdown();
    }
}
