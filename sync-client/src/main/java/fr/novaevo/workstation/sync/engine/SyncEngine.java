package fr.novaevo.workstation.sync.engine;

import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.jobs.JobWork;
import fr.novaevo.workstation.sync.client.PlatformClient;
import fr.novaevo.workstation.sync.error.PlatformProblemException;
import fr.novaevo.workstation.sync.error.ProblemCode;
import fr.novaevo.workstation.sync.error.SyncTransportException;
import fr.novaevo.workstation.sync.model.ChangesPage;
import fr.novaevo.workstation.sync.model.PushRequest;
import fr.novaevo.workstation.sync.model.PushResponse;
import fr.novaevo.workstation.sync.store.PendingBatch;
import fr.novaevo.workstation.sync.store.PushSummary;
import fr.novaevo.workstation.sync.store.SyncLedger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync cycle: push every pending operation (the unanswered batch first, unchanged), then pull the feed
 * from the saved cursor. A failure stops the cycle where it is; what was already applied stays applied, and
 * nothing is applied from an answer that failed.
 */
public final class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /**
     * A batch answered {@code 500} this many times is abandoned to the dead-letter list: the platform
     * processes nothing when it answers 500, and something in the batch keeps making it fail.
     */
    static final int MAX_SERVER_ERRORS = 8;
    /** How long a cycle waits for another one to finish. */
    static final java.time.Duration MAX_WAIT = java.time.Duration.ofMinutes(10);
    /** Bounds one cycle when the user keeps editing while it runs. */
    private static final int MAX_BATCHES_PER_CYCLE = 50;

    private final java.util.concurrent.locks.ReentrantLock cycleLock = new java.util.concurrent.locks.ReentrantLock();
    private final PlatformClient client;
    private final SyncLedger ledger;
    private final int batchSize;
    private final int pageSize;

    public SyncEngine(PlatformClient client, SyncLedger ledger, int batchSize, int pageSize) {
        if (batchSize < 1 || batchSize > PushRequest.MAX_OPS || pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("batch 1..100, page 1..1000");
        }
        this.client = client;
        this.ledger = ledger;
        this.batchSize = batchSize;
        this.pageSize = pageSize;
    }

    public SyncEngine(PlatformClient client, SyncLedger ledger) {
        this(client, ledger, PushRequest.MAX_OPS, 500);
    }

    /** One cycle as a background job of core's job registry (progress, cancellation). */
    public JobWork<CycleReport> cycleJob() {
        return this::runCycle;
    }

    /** {@code sync/ping}: the circuit breaker's probe. */
    public void probe() {
        client.ping();
    }

    /**
     * One cycle. Cycles never overlap: a second caller (the user's "Synchroniser" while the schedule runs)
     * waits for the running one, then runs its own.
     */
    public CycleReport runCycle(JobContext context) throws CancelledException {
        acquire(context);
        try {
            return cycle(context);
        } finally {
            cycleLock.unlock();
        }
    }

    /** Waits for a running cycle, as long as the caller does not cancel, and at most {@link #MAX_WAIT}. */
    private void acquire(JobContext context) throws CancelledException {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        try {
            while (!cycleLock.tryLock(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                context.checkCancelled();
                if (System.nanoTime() > deadline) {
                    throw new SyncTransportException(SyncTransportException.TIMEOUT,
                            "another sync cycle has been running for more than " + MAX_WAIT.toMinutes() + " min", null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private CycleReport cycle(JobContext context) throws CancelledException {
        PushSummary pushed = push(context);
        boolean resynced = false;
        int pulled = 0;
        Optional<String> cursor = ledger.cursor();
        long pages = 0;
        while (true) {
            context.checkCancelled();
            ChangesPage page;
            try {
                page = client.pullChanges(cursor.orElse(null), pageSize);
            } catch (PlatformProblemException e) {
                if (e.problemCode() != ProblemCode.CURSOR_EXPIRED || resynced) {
                    throw e;
                }
                LOG.info("cursor expired: pulling everything again, keeping unsent changes");
                ledger.startFullResync();
                resynced = true;
                cursor = Optional.empty();
                continue;
            }
            pulled += ledger.applyPage(page);
            pages++;
            context.progress(pages, page.hasMore() ? -1 : pages, "sync.pull");
            if (!page.hasMore()) {
                break;
            }
            cursor = Optional.of(page.nextCursor());
        }
        CycleReport report = new CycleReport(pushed.pushed(), pushed.applied(), pushed.duplicates(), pushed.conflicts(),
                pushed.rejected(), pulled, resynced);
        LOG.debug("sync cycle: {}", report);
        return report;
    }

    private PushSummary push(JobContext context) throws CancelledException {
        PushSummary total = PushSummary.NONE;
        for (int i = 0; i < MAX_BATCHES_PER_CYCLE; i++) {
            context.checkCancelled();
            Optional<PendingBatch> next = ledger.nextBatch(batchSize);
            if (next.isEmpty()) {
                break;
            }
            PendingBatch batch = next.get();
            if (batch.resend()) {
                LOG.info("sending again the unanswered batch {}", batch.idempotencyKey());
            }
            PushResponse response;
            try {
                response = client.push(batch.idempotencyKey(), batch.request());
            } catch (PlatformProblemException e) {
                int size = batch.request().ops().size();
                if (!e.isTransient()) {
                    LOG.warn("the platform refused batch {} ({}): its {} operations go to the dead-letter list",
                            batch.idempotencyKey(), e.rawCode(), size);
                    ledger.abandonBatch(batch, e.rawCode(), "batch refused with " + e.httpStatus() + " " + e.rawCode());
                    total = total.plus(new PushSummary(size, 0, 0, 0, size));
                    continue;
                }
                if (e.httpStatus() == 500 && ledger.recordServerError(batch) >= MAX_SERVER_ERRORS) {
                    LOG.warn("batch {} failed {} times: its {} operations go to the dead-letter list",
                            batch.idempotencyKey(), MAX_SERVER_ERRORS, size);
                    ledger.abandonBatch(batch, "keeps_failing", "answered 500 " + MAX_SERVER_ERRORS + " times");
                    total = total.plus(new PushSummary(size, 0, 0, 0, size));
                    continue;
                }
                throw e;
            }
            total = total.plus(ledger.applyResults(batch, response));
            context.progress(i + 1, -1, "sync.push");
        }
        return total;
    }
}
