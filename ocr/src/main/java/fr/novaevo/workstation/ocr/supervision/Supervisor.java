package fr.novaevo.workstation.ocr.supervision;

import fr.novaevo.workstation.ocr.batch.BatchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the batches and the process: every few seconds it measures (batches active, queued and finished,
 * throughput, ETA, heap, CPU), evaluates the alerts, and publishes an immutable {@link SupervisionSnapshot}
 * that a screen reads with {@link #latest()} at no cost; once a minute it stores a sample for the history and
 * prunes what is older than 30 days.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration FINISHED_SHOWN = Duration.ofHours(24);
    private static final int FINISHED_LISTED = 50;

    /**
     * @param refreshEvery how often the snapshot is measured and the alerts evaluated
     * @param sampleEvery  how often a sample is stored for the history
     * @param keep         how long samples (and acknowledged, ended alerts) are kept
     * @param cpuWindow    CPU readings averaged before comparing with its threshold, so that one busy moment
     *                     does not raise (and clear) an alert
     */
    public record Settings(Duration refreshEvery, Duration sampleEvery, Duration keep, int cpuWindow) {
        public Settings {
            Objects.requireNonNull(refreshEvery, "refreshEvery");
            Objects.requireNonNull(sampleEvery, "sampleEvery");
            Objects.requireNonNull(keep, "keep");
            if (cpuWindow < 1) {
                throw new IllegalArgumentException("cpuWindow must be at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(31), 6);
        }
    }

    private final SupervisionStore store;
    private final Supplier<Set<Long>> liveBatches;
    private final ProcessMetrics metrics;
    private final AlertBook alerts;
    private final Clock clock;
    private final Settings settings;
    private final List<Consumer<SupervisionSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Double> cpuReadings = new ArrayDeque<>();
    private volatile SupervisionSnapshot latest;
    private Instant lastSample;
    private ScheduledExecutorService timer;

    /**
     * @param liveBatches the batches the application runs now ({@code BatchEngine::runningBatches})
     */
    public Supervisor(DataSource dataSource, Supplier<Set<Long>> liveBatches, ProcessMetrics metrics, AlertBook alerts,
                      Clock clock, Settings settings) {
        this.store = new SupervisionStore(dataSource);
        this.liveBatches = Objects.requireNonNull(liveBatches, "liveBatches");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.latest = SupervisionSnapshot.empty(clock.instant());
    }

    public AlertBook alerts() {
        return alerts;
    }

    /** The last measure; never blocks, never reads the database. */
    public SupervisionSnapshot latest() {
        return latest;
    }

    /** Told of each new snapshot, on the supervision's thread (a UI hands it over to its own). */
    public void addListener(Consumer<SupervisionSnapshot> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Measures now: the snapshot, the alerts, and the history sample when one is due. */
    public synchronized SupervisionSnapshot refresh() {
        Instant now = clock.instant();
        Set<Long> live = liveBatches.get();
        List<BatchProgress> batches = store.batches(live, now.minus(FINISHED_SHOWN), now);
        List<BatchProgress> active = new ArrayList<>();
        List<BatchProgress> queued = new ArrayList<>();
        List<BatchProgress> finished = new ArrayList<>();
        for (BatchProgress b : batches) {
            if (b.state().finished()) {
                finished.add(b);
            } else if (b.live()) {
                active.add(b);
            } else {
                queued.add(b);
            }
        }
        finished.sort(Comparator.comparing((BatchProgress b) -> b.finishedAt().orElse(b.createdAt())).reversed());
        long heapMb = metrics.heapUsedBytes() / (1024 * 1024);
        OptionalDouble cpu = metrics.cpuPercent();
        OptionalDouble cpuSmoothed = smoothedCpu(cpu);

        alerts.evaluate(conditions(active, live, heapMb, cpuSmoothed, now), now);
        if (sampleDue(now)) {
            sample(now, active.size(), queued.size(), active.stream().mapToInt(BatchProgress::running).sum(), heapMb, cpu);
        }
        SupervisionSnapshot snapshot = new SupervisionSnapshot(now, active, queued,
                finished.subList(0, Math.min(FINISHED_LISTED, finished.size())), heapMb, cpu, alerts.needingAttention());
        latest = snapshot;
        listeners.forEach(l -> l.accept(snapshot));
        return snapshot;
    }

    private OptionalDouble smoothedCpu(OptionalDouble cpu) {
        if (cpu.isEmpty()) {
            return OptionalDouble.empty();
        }
        cpuReadings.addLast(cpu.getAsDouble());
        while (cpuReadings.size() > settings.cpuWindow()) {
            cpuReadings.removeFirst();
        }
        return cpuReadings.stream().mapToDouble(Double::doubleValue).average();
    }

    private List<AlertBook.Condition> conditions(List<BatchProgress> active, Set<Long> live, long heapMb,
                                                 OptionalDouble cpu, Instant now) {
        AlertThresholds limits = alerts.thresholds();
        List<AlertBook.Condition> met = new ArrayList<>();
        if (heapMb > limits.limit(AlertKind.MEMORY)) {
            met.add(new AlertBook.Condition(AlertKind.MEMORY, "", "", heapMb));
        }
        if (cpu.isPresent() && cpu.getAsDouble() > limits.limit(AlertKind.CPU)) {
            met.add(new AlertBook.Condition(AlertKind.CPU, "", "", round(cpu.getAsDouble())));
        }
        for (BatchProgress b : active) {
            double minutes = b.duration().toMillis() / 60_000.0;
            if (b.state() == BatchState.RUNNING && minutes > limits.limit(AlertKind.BATCH_DURATION)) {
                met.add(new AlertBook.Condition(AlertKind.BATCH_DURATION, "batch:" + b.id(), b.name(), round(minutes)));
            }
            if (b.failureRate() * 100 > limits.limit(AlertKind.FAILURE_RATE)) {
                met.add(new AlertBook.Condition(AlertKind.FAILURE_RATE, "batch:" + b.id(), b.name(),
                        round(b.failureRate() * 100)));
            }
        }
        for (SupervisionStore.RunningDocument d : store.runningDocuments(live)) {
            double minutes = Duration.between(d.startedAt(), now).toMillis() / 60_000.0;
            if (minutes > limits.limit(AlertKind.DOCUMENT_DURATION)) {
                Object name = d.file().getFileName() == null ? d.file() : d.file().getFileName();
                met.add(new AlertBook.Condition(AlertKind.DOCUMENT_DURATION, "document:" + d.id(), name.toString(),
                        round(minutes)));
            }
        }
        return met;
    }

    private boolean sampleDue(Instant now) {
        if (lastSample == null) {
            lastSample = store.lastSample().orElse(now.minus(settings.sampleEvery()));
        }
        return !now.isBefore(lastSample.plus(settings.sampleEvery()));
    }

    private void sample(Instant now, int active, int queued, int runningDocuments, long heapMb, OptionalDouble cpu) {
        long[] done = store.finishedBetween(lastSample, now);
        store.insert(new SupervisionSample(now, active, queued, runningDocuments, (int) done[0], (int) done[1],
                (int) done[2], heapMb, cpu.isPresent() ? OptionalDouble.of(round(cpu.getAsDouble())) : cpu));
        lastSample = now;
        Instant horizon = now.minus(settings.keep());
        int samples = store.pruneSamples(horizon);
        int old = alerts.prune(horizon);
        if (samples + old > 0) {
            LOG.debug("supervision: {} samples and {} alerts older than {} pruned", samples, old, settings.keep());
        }
    }

    /** The history over one range, one point per bucket, oldest first (buckets without samples included). */
    public List<HistoryPoint> history(HistoryRange range) {
        return SupervisionHistory.points(store, range, clock.instant());
    }

    /** Measures every {@code refreshEvery} on a thread of its own until {@link #close()}. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true).name("ocr-supervision")
                .factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                // the next round tries again; a database being restored or closed is not a reason to stop watching
                LOG.warn("supervision: measure failed: {}", e.getMessage(), e);
            }
        }, 0, settings.refreshEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                if (!t.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("supervision: the measuring thread did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
