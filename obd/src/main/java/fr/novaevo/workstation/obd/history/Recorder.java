package fr.novaevo.workstation.obd.history;

import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.session.LiveSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording under way: the polling thread hands each sample to {@link #accept} (a bounded queue, so memory
 * stays bounded), and one writer thread commits them in batches, every {@link Settings#flushInterval()} or
 * every {@link Settings#batchSize()} samples. What the queue has received is committed even when the link drops:
 * {@link #close()} drains the queue before it returns. When the database is slower than the vehicle for longer
 * than {@link Settings#offerTimeout()}, a sample is dropped and counted ({@link #dropped()}), never the poller
 * blocked for good.
 *
 * <p>A recording outlives a lost adapter: {@link #gap} marks the break, in order with the samples, and the
 * samples of the reconnected adapter follow in the same recording.
 */
public final class Recorder implements Consumer<LiveSample>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final long WAKE_UP_NANOS = Duration.ofMillis(50).toNanos();

    /**
     * @param queueCapacity samples held in memory at most
     * @param batchSize     samples per commit at most
     * @param flushInterval longest time a received sample waits before its commit
     * @param offerTimeout  how long the poller may wait for room in a full queue
     * @param closeTimeout  how long {@link #close()} waits for the writer to commit what is left
     */
    public record Settings(int queueCapacity, int batchSize, Duration flushInterval, Duration offerTimeout,
            Duration closeTimeout) {

        public Settings {
            if (queueCapacity < 1 || batchSize < 1) {
                throw new IllegalArgumentException("queueCapacity and batchSize must be positive");
            }
        }

        public static Settings defaults() {
            return new Settings(4096, 200, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(10));
        }
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final long recordingId;
    private final Settings settings;
    private final BlockingQueue<Entry> queue;
    private final Thread writer;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean abandoned;
    private volatile SQLException lastFailure;

    Recorder(DataSource dataSource, Clock clock, long recordingId, Settings settings) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.recordingId = recordingId;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = Thread.ofPlatform().name("obd-recording-" + recordingId).daemon(true).unstarted(this::writeLoop);
        writer.start();
    }

    public long recordingId() {
        return recordingId;
    }

    /** Samples handed to the recorder. */
    public long received() {
        return received.get();
    }

    /** Samples committed to the database. */
    public long written() {
        return written.get();
    }

    /** Samples refused because the queue stayed full, or handed over after {@link #close()}. */
    public long dropped() {
        return dropped.get();
    }

    /** What the writer commits, in the order received: samples, and the breaks between them. */
    private sealed interface Entry permits Sample, Gap {
    }

    private record Sample(LiveSample sample) implements Entry {
    }

    private record Gap(Instant lostAt, String reason) implements Entry {
    }

    /**
     * Marks a break after the samples received so far: the adapter was lost at {@code lostAt} for
     * {@code reason}; the samples received after the reconnection go on in this recording.
     */
    public void gap(Instant lostAt, String reason) {
        if (closing) {
            return;
        }
        try {
            if (!queue.offer(new Gap(lostAt, reason), settings.offerTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn("recording {}: the database is too slow, a break after {} samples is not marked",
                        recordingId, received.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void accept(LiveSample sample) {
        if (closing) {
            dropped.incrementAndGet();
            return;
        }
        try {
            if (queue.offer(new Sample(sample), settings.offerTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                received.incrementAndGet();
            } else {
                dropped.incrementAndGet();
                LOG.warn("recording {}: the database is too slow, one sample dropped", recordingId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropped.incrementAndGet();
        }
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>();
        long flushInterval = settings.flushInterval().toNanos();
        long nextFlush = System.nanoTime() + flushInterval;
        while (!abandoned) {
            boolean last = closing && queue.isEmpty();
            if (!last && batch.size() < settings.batchSize()) {
                long wait = Math.max(0, nextFlush - System.nanoTime());
                try {
                    // wake up often enough to notice close() at once
                    Entry s = queue.poll(Math.min(wait, WAKE_UP_NANOS), TimeUnit.NANOSECONDS);
                    if (s != null) {
                        batch.add(s);
                        queue.drainTo(batch, settings.batchSize() - batch.size());
                    }
                } catch (InterruptedException e) {
                    // close() gave up waiting: try once more below, then stop
                    last = true;
                }
            }
            boolean due = System.nanoTime() - nextFlush >= 0 || batch.size() >= settings.batchSize()
                    || closing;
            if (due && !batch.isEmpty()) {
                try {
                    written.addAndGet(commit(batch));
                    batch.clear();
                    lastFailure = null;
                } catch (SQLException e) {
                    lastFailure = e;
                    LOG.warn("recording {}: a batch of {} samples could not be written, retrying", recordingId,
                            batch.size(), e);
                    if (last) {
                        return;
                    }
                    sleepQuietly(settings.flushInterval());
                }
            }
            if (due) {
                nextFlush = System.nanoTime() + flushInterval;
            }
            if (last && batch.isEmpty() && queue.isEmpty()) {
                return;
            }
        }
    }

    /** Commits one batch in one transaction; returns the number of samples in it. */
    private long commit(List<Entry> batch) throws SQLException {
        long base = written.get();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO OBD.RECORDING_SAMPLE (RECORDING_ID, SEQ, TIME) VALUES (?, ?, ?)");
                    PreparedStatement v = c.prepareStatement("INSERT INTO OBD.RECORDING_VALUE (RECORDING_ID, SEQ, "
                            + "IDX, ECU, PID, NAME, VAL, UNIT, TEXT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement g = c.prepareStatement("INSERT INTO OBD.RECORDING_GAP (RECORDING_ID, "
                            + "AFTER_SEQ, LOST_AT, REASON) VALUES (?, ?, ?, ?)");
                    PreparedStatement count = c.prepareStatement(
                            "UPDATE OBD.RECORDING SET SAMPLE_COUNT = ? WHERE ID = ?")) {
                long seq = base;
                for (Entry entry : batch) {
                    if (entry instanceof Gap gap) {
                        g.setLong(1, recordingId);
                        g.setLong(2, seq);
                        g.setObject(3, SessionStore.time(gap.lostAt()));
                        g.setString(4, SessionStore.cut(gap.reason(), 300));
                        g.executeUpdate();
                        continue;
                    }
                    LiveSample sample = ((Sample) entry).sample();
                    seq++;
                    s.setLong(1, recordingId);
                    s.setLong(2, seq);
                    s.setObject(3, SessionStore.time(sample.time()));
                    s.addBatch();
                    int idx = 0;
                    for (PidReading r : sample.readings()) {
                        v.setLong(1, recordingId);
                        v.setLong(2, seq);
                        v.setInt(3, idx++);
                        v.setString(4, SessionStore.cut(r.ecu(), 8));
                        v.setInt(5, r.pid());
                        v.setString(6, SessionStore.cut(r.name(), 200));
                        if (Double.isFinite(r.value())) {
                            v.setDouble(7, r.value());
                        } else {
                            v.setNull(7, Types.DOUBLE);
                        }
                        v.setString(8, SessionStore.cut(r.unit(), 20));
                        v.setString(9, SessionStore.cut(r.text(), 300));
                        v.addBatch();
                    }
                }
                s.executeBatch();
                v.executeBatch();
                count.setLong(1, seq);
                count.setLong(2, recordingId);
                count.executeUpdate();
                c.commit();
                return seq - base;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Stops accepting samples, commits every sample already received and marks the recording ended.
     *
     * @throws HistoryException when samples could not be committed within {@link Settings#closeTimeout()}
     */
    @Override
    public void close() {
        if (closing && !writer.isAlive()) {
            return;
        }
        closing = true;
        try {
            writer.join(settings.closeTimeout());
            if (writer.isAlive()) {
                abandoned = true;
                writer.interrupt();
                writer.join(settings.closeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE OBD.RECORDING SET ENDED_AT = ? WHERE ID = ?")) {
            ps.setObject(1, SessionStore.time(clock.instant()));
            ps.setLong(2, recordingId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new HistoryException("Could not close recording " + recordingId, e);
        }
        long lost = received.get() - written.get();
        if (lost > 0) {
            throw new HistoryException("Recording " + recordingId + ": " + lost + " samples could not be written",
                    lastFailure);
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
