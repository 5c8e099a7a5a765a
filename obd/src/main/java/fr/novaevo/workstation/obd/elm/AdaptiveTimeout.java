package fr.novaevo.workstation.obd.elm;

import java.time.Duration;

/**
 * The host-side deadline for vehicle requests, learned from the round trips seen so far: a quick car gets a
 * short deadline, so that a lost prompt or an unplugged adapter is noticed within a fraction of a second, while
 * a slow K-line car is not cut off. Never shorter than {@code floor}, never longer than {@code ceiling}.
 */
public final class AdaptiveTimeout {

    private static final double WEIGHT = 0.2;

    private final Duration floor;
    private final Duration ceiling;
    private final Duration initial;
    private double averageNanos = -1;
    private double deviationNanos;

    public AdaptiveTimeout(Duration floor, Duration initial, Duration ceiling) {
        this.floor = floor;
        this.initial = initial;
        this.ceiling = ceiling;
    }

    /** Records one successful round trip. */
    public void observe(Duration roundTrip) {
        double sample = roundTrip.toNanos();
        if (averageNanos < 0) {
            averageNanos = sample;
            deviationNanos = sample / 2;
        } else {
            // The TCP retransmission estimator (RFC 6298): mean plus four deviations.
            deviationNanos = (1 - WEIGHT) * deviationNanos + WEIGHT * Math.abs(sample - averageNanos);
            averageNanos = (1 - WEIGHT) * averageNanos + WEIGHT * sample;
        }
    }

    public Duration current() {
        if (averageNanos < 0) {
            return initial;
        }
        long nanos = (long) (averageNanos + 4 * deviationNanos) * 3;
        return Duration.ofNanos(Math.clamp(nanos, floor.toNanos(), ceiling.toNanos()));
    }
}
