package fr.novaevo.workstation.sync.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th retry waits a uniformly random time between zero and
 * {@code min(cap, base × 2^n)}, so that many workstations coming back after an outage do not all knock at
 * once. A {@code Retry-After} from the platform is a floor.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("0 < base <= cap");
        }
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The upper bound of the wait before retry number {@code attempt} (0 for the first retry). */
    public Duration ceiling(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), 30);
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    public Duration delay(int attempt, Duration retryAfter) {
        long ceiling = ceiling(attempt).toMillis();
        Duration jittered = Duration.ofMillis(random.nextLong(ceiling + 1));
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }
}
