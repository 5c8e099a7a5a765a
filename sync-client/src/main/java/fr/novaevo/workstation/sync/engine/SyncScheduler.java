package fr.novaevo.workstation.sync.engine;

import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.sync.error.PlatformProblemException;
import fr.novaevo.workstation.sync.error.SignInRequiredException;
import fr.novaevo.workstation.sync.error.SyncException;
import fr.novaevo.workstation.sync.error.UpdateRequiredException;
import fr.novaevo.workstation.sync.store.SyncLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sync cycles in the background, on a schedule and on demand, on its own thread. Transient failures
 * are retried with backoff (and {@code Retry-After}); after several in a row the circuit breaker opens and
 * each retry first probes {@code sync/ping}. Sign-in and update problems stop the schedule until
 * {@link #requestNow()}. Every change of status is handed to the listeners (on this thread: the app
 * re-posts it to the UI thread).
 */
public final class SyncScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final SyncEngine engine;
    private final SyncLedger ledger;
    private final Backoff backoff;
    private final CircuitBreaker breaker;
    private final Duration interval;
    private final InstantSource clock;
    private final ScheduledExecutorService executor;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<CycleReport>> reportListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    /** A request that arrives while a cycle runs must not be lost when that cycle schedules the next one. */
    private final AtomicBoolean requested = new AtomicBoolean();
    private ScheduledFuture<?> next;
    private int attempt;
    private volatile SyncStatus status;
    private SyncStatus.Kind blocked;
    private String lastError;
    private Instant retryAt;

    public SyncScheduler(SyncEngine engine, SyncLedger ledger, Backoff backoff, CircuitBreaker breaker,
                         Duration interval, InstantSource clock) {
        this.engine = engine;
        this.ledger = ledger;
        this.backoff = backoff;
        this.breaker = breaker;
        this.interval = interval;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.status = computeStatus();
    }

    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    public void addReportListener(Consumer<CycleReport> listener) {
        reportListeners.add(listener);
    }

    public SyncStatus status() {
        return status;
    }

    /** Starts the schedule: a first cycle now, then one every interval. */
    public synchronized void start() {
        schedule(Duration.ZERO);
    }

    /** A cycle as soon as possible (the user's "Synchroniser", or after entering the API key). */
    public synchronized void requestNow() {
        blocked = null;
        requested.set(true);
        schedule(Duration.ZERO);
    }

    /** Asks the running cycle to stop between two batches or pages. */
    public void cancelCurrent() {
        cancelRequested.set(true);
    }

    private synchronized void schedule(Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        cancelRequested.set(false);
        requested.set(false);
        Duration wait;
        try {
            if (breaker.state() == CircuitBreaker.State.OPEN) {
                engine.probe();
                breaker.probeSucceeded();
            }
            CycleReport report = engine.runCycle(new JobContext() {
                @Override
                public void progress(long done, long total, String step) {
                    // The status bar shows the outcome; progress of a cycle is too short to draw.
                }

                @Override
                public boolean isCancelled() {
                    return cancelRequested.get() || Thread.currentThread().isInterrupted();
                }
            });
            breaker.onSuccess();
            recordSuccess();
            wait = interval;
            reportListeners.forEach(l -> l.accept(report));
        } catch (CancelledException e) {
            LOG.info("sync cycle cancelled");
            wait = interval;
        } catch (SignInRequiredException e) {
            LOG.warn("sync stopped: sign-in required ({})", e.getMessage());
            stopOn(SyncStatus.Kind.SIGN_IN_REQUIRED, e);
            return;
        } catch (UpdateRequiredException e) {
            LOG.warn("sync stopped: the platform requires a newer version");
            stopOn(SyncStatus.Kind.UPDATE_REQUIRED, e);
            return;
        } catch (SyncException e) {
            breaker.onFailure();
            Duration retryAfter = e instanceof PlatformProblemException p ? p.retryAfter().orElse(null) : null;
            wait = recordFailure(e.code(), retryAfter);
            if (e.isTransient()) {
                // Routine when offline: one line, the stack trace only in debug.
                LOG.info("sync failed ({}), retry in {} s", e.code(), wait.toSeconds());
                LOG.debug("sync failure", e);
            } else {
                LOG.warn("sync failed ({}), retry in {} s", e.code(), wait.toSeconds(), e);
            }
        } catch (RuntimeException e) {
            if (executor.isShutdown()) {
                // close() interrupted the cycle (its database call or request): not a failure to report.
                LOG.debug("sync cycle stopped by close", e);
                return;
            }
            breaker.onFailure();
            wait = recordFailure("SYNC-INTERNAL", null);
            LOG.error("sync cycle failed unexpectedly", e);
        }
        // Scheduled before telling the listeners, so that a request they make at once is not overridden.
        schedule(requested.getAndSet(false) ? Duration.ZERO : wait);
        publish();
    }

    private synchronized void recordSuccess() {
        attempt = 0;
        lastError = null;
        retryAt = null;
    }

    private synchronized Duration recordFailure(String code, Duration retryAfter) {
        Duration wait = backoff.delay(attempt++, retryAfter);
        lastError = code;
        retryAt = clock.instant().plus(wait);
        return wait;
    }

    private void stopOn(SyncStatus.Kind kind, SyncException e) {
        synchronized (this) {
            blocked = kind;
            lastError = e.code();
            retryAt = null;
            if (requested.getAndSet(false)) {
                // Asked again while this cycle ran (the key was just entered, for example): try once more.
                blocked = null;
                schedule(Duration.ZERO);
            }
        }
        publish();
    }

    private void publish() {
        status = computeStatus();
        listeners.forEach(l -> l.accept(status));
    }

    private synchronized SyncStatus computeStatus() {
        SyncLedger.Counts counts = ledger.counts();
        SyncStatus.Kind kind;
        Duration retryIn = null;
        if (blocked != null) {
            kind = blocked;
        } else if (retryAt != null) {
            kind = SyncStatus.Kind.OFFLINE;
            retryIn = Duration.between(clock.instant(), retryAt);
            retryIn = retryIn.isNegative() ? Duration.ZERO : retryIn;
        } else if (counts.conflictedBookings() > 0) {
            kind = SyncStatus.Kind.CONFLICTS;
        } else if (counts.pendingOperations() > 0) {
            kind = SyncStatus.Kind.PENDING;
        } else {
            kind = SyncStatus.Kind.SYNCED;
        }
        return new SyncStatus(kind, counts.lastSyncedAt(), counts.pendingOperations(), counts.conflictedBookings(),
                counts.deadLetters(), retryIn, lastError);
    }

    /** The status now (the countdown of an offline retry moves with the clock). */
    public SyncStatus refreshStatus() {
        status = computeStatus();
        return status;
    }

    @Override
    public void close() {
        cancelRequested.set(true);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("sync scheduler did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
