package fr.novaevo.workstation.obd.session;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.service.LiveDataService;
import fr.novaevo.workstation.obd.service.PidReading;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the chosen PIDs over and over, as fast as the vehicle answers, and hands each pass to a consumer:
 * {@code workstation obd watch}, the live-data screen, a recording. A request that fails (garbage, NO DATA,
 * a timeout) loses one pass and the loop goes on; a lost link, or {@code maxConsecutiveFailures} failed
 * passes in a row (a silent adapter), ends the run with {@code OBD-LINK-LOST}.
 */
public final class LivePoller {

    private static final Logger LOG = LoggerFactory.getLogger(LivePoller.class);

    /** When a run stops by itself: after so many samples, or so much time, whichever comes first. */
    public record Limit(long samples, Duration duration) {

        public static Limit samples(long n) {
            return new Limit(n, Duration.ofDays(365));
        }

        public static Limit duration(Duration d) {
            return new Limit(Long.MAX_VALUE, d);
        }

        /** Until {@link Polling#stop()} or the stop condition says so. */
        public static Limit none() {
            return new Limit(Long.MAX_VALUE, Duration.ofDays(365));
        }
    }

    /** A run on another thread. */
    public record Polling(CompletableFuture<PollSummary> result, AtomicBoolean stopFlag) {

        /** Asks the run to stop after the pass under way; the result completes then. */
        public void stop() {
            stopFlag.set(true);
        }
    }

    private final Clock clock;
    private final int maxConsecutiveFailures;

    /**
     * @param clock                  times the samples and the run
     * @param maxConsecutiveFailures failed passes in a row that mean the adapter is gone
     */
    public LivePoller(Clock clock, int maxConsecutiveFailures) {
        if (maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("maxConsecutiveFailures " + maxConsecutiveFailures);
        }
        this.clock = clock;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
    }

    /** Polls on the calling thread (the one that owns the port) until the limit or {@code stop}. */
    public PollSummary run(LiveDataService live, List<Integer> pids, Limit limit, Consumer<LiveSample> sink,
            BooleanSupplier stop) {
        if (pids.isEmpty()) {
            throw new IllegalArgumentException("no PID to watch");
        }
        long start = System.nanoTime();
        long deadline = start + limit.duration().toNanos();
        long samples = 0;
        long errors = 0;
        int consecutive = 0;
        boolean stopped = false;
        while (samples < limit.samples() && System.nanoTime() - deadline < 0) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            List<PidReading> readings;
            try {
                readings = live.read(pids);
            } catch (ObdException e) {
                if (e.reason() == ObdErrorCode.LINK_LOST || e.reason() == ObdErrorCode.CANCELLED) {
                    throw e;
                }
                errors++;
                consecutive++;
                LOG.debug("pass lost: {}", e.getMessage());
                if (consecutive >= maxConsecutiveFailures) {
                    throw new ObdException(ObdErrorCode.LINK_LOST, "The adapter stopped answering (" + consecutive
                            + " failed requests in a row)", e);
                }
                continue;
            }
            consecutive = 0;
            samples++;
            sink.accept(new LiveSample(samples, clock.instant(), readings));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.debug("polling ended: {} samples, {} errors in {} s", samples, errors, seconds);
        return new PollSummary(samples, errors, seconds, stopped);
    }

    /** Polls on {@code executor} (the port's thread); the returned handle stops it and gives its result. */
    public Polling start(LiveDataService live, List<Integer> pids, Limit limit, Consumer<LiveSample> sink,
            Executor executor) {
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<PollSummary> result = CompletableFuture.supplyAsync(
                () -> run(live, pids, limit, sink, stop::get), executor);
        return new Polling(result, stop);
    }
}
