package fr.novaevo.workstation.app.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
import fr.novaevo.workstation.ocr.batch.BatchScheduler;
import fr.novaevo.workstation.ocr.batch.BatchSettings;
import fr.novaevo.workstation.ocr.batch.BatchStore;
import fr.novaevo.workstation.ocr.batch.DocumentRow;
import fr.novaevo.workstation.ocr.batch.KbisWorkerProcessors;
import fr.novaevo.workstation.ocr.trust.KbisTrust;
import fr.novaevo.workstation.ocr.trust.KbisVerifier;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.MediaType;
import fr.novaevo.workstation.ocr.document.ReasonCode;
import fr.novaevo.workstation.ocr.result.Issue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's documents: batches recorded in the database and read as background jobs, one due batch at
 * a time by priority (night batches when their time comes, interrupted ones again after a restart: ocr's
 * {@link BatchScheduler}), their exports, and the review of their results ({@link DocumentReviews}). The window,
 * the watch folder and {@code workstation docs batch} all go through here and its one {@link BatchEngine}, so a
 * batch is never read twice at once in one process and the supervision sees every batch being read.
 *
 * <p>A batch's reading runs on a thread of its own while its job waits for it ({@link BatchJob}): closing the
 * application stops the job without cancelling the batch (its documents stay where they were and the batch
 * resumes at the next start), whereas the user's cancel, seen by the engine through the job, cancels it.
 */
public final class DocumentBatches implements AutoCloseable {

    public static final String JOB_KIND = "docs.batch";
    public static final String EXPORT_JOB_KIND = "docs.export";
    public static final String ACTION_EXPORT = "docs.export.written";
    /** Delay between the start and the first look for due batches, so resuming never slows the window down. */
    static final String START_DELAY_PROPERTY = "novaevo.documents.startDelayMillis";
    private static final Duration LOOK_EVERY = Duration.ofSeconds(30);
    /** How long a document waits for the platform's answer before it goes on without a trust level. */
    static final Duration TRUST_DEADLINE = Duration.ofSeconds(10);

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

    private final JobRegistry jobs;
    private final AuditJournal audit;
    private final Clock clock;
    private final DocumentLimits limits;
    private final BatchSettings settings;
    private final BatchStore store;
    private final DocumentReviews reviews;
    private final LiveDocuments liveDocuments = new LiveDocuments();
    /** The platform's Kbis verification while a platform is configured (the window sets it). */
    private final AtomicReference<Optional<KbisTrust>> trust = new AtomicReference<>(Optional.empty());
    private final BatchEngine engine;
    private final BatchScheduler scheduler;
    private final ExecutorService readers = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("docs-batch-", 1).daemon(true).factory());
    private final Map<Long, BatchRun> runs = new ConcurrentHashMap<>();
    private final Map<Long, Job<BatchReport>> batchJobs = new ConcurrentHashMap<>();
    private volatile boolean closing;

    public DocumentBatches(DataSource dataSource, JobRegistry jobs, AuditJournal audit, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
        this.limits = DocumentLimits.DEFAULT;
        BatchSettings defaults = BatchSettings.defaults();
        // the watchdog waits as long as the reader's own time limit, plus the grace
        this.settings = defaults.withDocumentTimeout(limits.timeout(), defaults.grace());
        this.store = new BatchStore(dataSource);
        this.reviews = new DocumentReviews(store, audit, clock, limits);
        this.engine = new BatchEngine(dataSource, liveDocuments.watching(KbisTrust.around(
                KbisWorkerProcessors.factory(limits, clock), trust::get), reviews::pagesRead), settings, clock);
        this.scheduler = new BatchScheduler(engine, clock, LOOK_EVERY);
    }

    public BatchStore store() {
        return store;
    }

    /**
     * The platform's Kbis verification for the documents read from now on (a trust level in their results);
     * empty: none. Whatever the platform does, a document's reading and status never depend on it.
     */
    public void verifier(Optional<KbisVerifier> verifier) {
        trust.set(verifier.map(v -> new KbisTrust(v, TRUST_DEADLINE)));
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
        long id = engine.submit(request);
        scheduler.wake();
        return id;
    }

    /** Records a batch and starts reading it at once, beside the queue (a quick check of one document). */
    public long submitNow(BatchRequest request) {
        BatchJob job;
        BatchRun run;
        synchronized (this) {
            long id = engine.submit(request);
            job = follow(id, request.name());
            run = claim(id, job.context());
        }
        readers.execute(() -> {
            try {
                job.ended(read(run, settings.workers()));
            } catch (RuntimeException | Error e) {
                job.failed(e);
            }
        });
        return run.batchId();
    }

    /**
     * Records a batch and reads it on the caller's thread at once ({@code workstation docs batch}), with
     * {@code runSettings} (its {@code --workers}). The batch is this caller's from the moment it is recorded, so
     * the queue never starts it too.
     */
    public BatchReport submitAndRun(BatchRequest request, JobContext job, BatchSettings runSettings) {
        BatchRun run;
        synchronized (this) {
            long id = engine.submit(request);
            run = claim(id, job);
        }
        return read(run, runSettings.workers());
    }

    /**
     * Reads (or resumes) a batch on the caller's thread.
     *
     * @throws WorkstationException {@code BATCH-ALREADY-RUNNING} when this process reads it already, and those of
     *                              {@link BatchEngine#run}
     */
    public BatchReport run(long batchId, JobContext job, BatchSettings runSettings) {
        return read(claim(batchId, job), runSettings.workers());
    }

    private synchronized BatchRun claim(long batchId, JobContext job) {
        Set<Path> files = new java.util.HashSet<>();
        store.rows(batchId).stream().map(DocumentRow::file).forEach(files::add);
        BatchRun run = new BatchRun(batchId, job, files, liveDocuments);
        if (runs.putIfAbsent(batchId, run) != null) {
            throw new WorkstationException("BATCH-ALREADY-RUNNING", "batch " + batchId + " is already running", batchId);
        }
        return run;
    }

    private BatchReport read(BatchRun run, int workers) {
        try {
            return engine.run(run.batchId(), run, workers);
        } finally {
            runs.remove(run.batchId());
            scheduler.wake(); // the queue may have left a batch to this run, or waited behind it
        }
    }

    /** The live state of a batch being read in this process. */
    public Optional<BatchRun> live(long batchId) {
        return Optional.ofNullable(runs.get(batchId));
    }

    /** The batches the engine reads now, whoever asked for them (for the supervision). */
    public Set<Long> runningBatches() {
        return engine.runningBatches();
    }

    /**
     * Cancels a batch: a running one through its job and the engine (which stops between documents and tells the
     * documents being read), a queued or scheduled one at once.
     */
    public boolean cancel(long batchId) {
        Job<BatchReport> job = batchJobs.get(batchId);
        if (job != null && !job.state().finished()) {
            job.cancel();
        }
        return engine.cancel(batchId);
    }

    // ------------------------------------------------------------------ scheduling

    /**
     * Hands the queue to the scheduler shortly after the start (so resuming never slows the window down): the
     * interrupted batches first, then the due ones, then each night batch at its time.
     */
    public void startScheduling(ScheduledExecutorService executor) {
        long delay = Long.getLong(START_DELAY_PROPERTY, 3000L);
        executor.schedule(() -> {
            if (!closing) {
                scheduler.start(new QueueRuns());
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** A registry job that follows a batch read on another thread. */
    private BatchJob follow(long batchId, String name) {
        BatchJob job = new BatchJob(jobs, JOB_KIND, name, () -> closing);
        batchJobs.put(batchId, job.job());
        job.job().result().whenComplete((report, failure) -> batchJobs.remove(batchId, job.job()));
        LOG.info("documents: batch {} '{}' started", batchId, name);
        return job;
    }

    /** The scheduler's batches, each a job of the registry; those this process reads another way are left alone. */
    private final class QueueRuns implements BatchScheduler.Runs {
        private final Map<Long, BatchJob> following = new ConcurrentHashMap<>();

        @Override
        public Optional<JobContext> begin(BatchInfo batch) {
            synchronized (DocumentBatches.this) {
                if (closing || runs.containsKey(batch.id())) {
                    return Optional.empty();
                }
                BatchJob job = follow(batch.id(), batch.name());
                following.put(batch.id(), job);
                return Optional.of(claim(batch.id(), job.context()));
            }
        }

        @Override
        public void end(BatchInfo batch) {
            runs.remove(batch.id());
            BatchJob job = following.remove(batch.id());
            if (job != null) {
                try {
                    job.ended(engine.report(batch.id()));
                } catch (RuntimeException e) {
                    job.failed(e);
                }
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
        scheduler.close();
        readers.shutdown();
    }
}
