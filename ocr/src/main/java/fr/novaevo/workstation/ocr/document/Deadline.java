package fr.novaevo.workstation.ocr.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The end of the time allowed for one document, and the user's cancellation. Checked between pages and
 * handed to Tesseract, so that no step waits without a bound.
 */
public final class Deadline {

    private final Clock clock;
    private final Instant end;
    private final BooleanSupplier cancelled;

    public Deadline(Clock clock, Duration budget, BooleanSupplier cancelled) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.end = clock.instant().plus(budget);
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
    }

    public static Deadline after(Duration budget) {
        return new Deadline(Clock.systemUTC(), budget, () -> false);
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired() {
        return remaining().isZero();
    }

    /** Throws when the user cancelled or the time is up. */
    public void check(String step) {
        if (isCancelled()) {
            throw new DocumentException(ReasonCode.CANCELLED, "cancelled while " + step);
        }
        if (expired()) {
            throw new DocumentException(ReasonCode.TIMEOUT, "time limit reached while " + step);
        }
    }
}
