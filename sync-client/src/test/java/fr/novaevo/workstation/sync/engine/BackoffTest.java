package fr.novaevo.workstation.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(7));

    @Test
    void theCeilingDoublesUpToTheCap() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.ceiling(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRange() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long d = backoff.delay(4, null).toMillis();
            assertThat(d).isBetween(0L, 16_000L);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).as("reaches near zero").isLessThan(1_000);
        assertThat(max).as("reaches near the ceiling").isGreaterThan(15_000);
    }

    @Test
    void retryAfterIsAFloor() {
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(0, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
            assertThat(backoff.delay(12, Duration.ofSeconds(2))).isBetween(Duration.ofSeconds(2), Duration.ofMinutes(5));
        }
    }

    @Test
    void refusesABaseAboveTheCap() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(5), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
