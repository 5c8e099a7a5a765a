package fr.novaevo.workstation.sync.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens after {@code threshold} consecutive failures; while open, the engine probes the platform with the
 * cheap {@code sync/ping} before trying a real cycle. Transitions are compare-and-set.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger failures = new AtomicInteger();

    public CircuitBreaker(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold >= 1");
        }
        this.threshold = threshold;
    }

    public State state() {
        return state.get();
    }

    public int consecutiveFailures() {
        return failures.get();
    }

    /** The probe answered: let one real cycle through. */
    public boolean probeSucceeded() {
        return state.compareAndSet(State.OPEN, State.HALF_OPEN);
    }

    public void onSuccess() {
        failures.set(0);
        state.set(State.CLOSED);
    }

    public void onFailure() {
        int n = failures.incrementAndGet();
        if (state.get() == State.HALF_OPEN || n >= threshold) {
            state.set(State.OPEN);
        }
    }
}
