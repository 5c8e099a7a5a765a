package fr.novaevo.workstation.sync.emulator;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;

/**
 * Which failures the emulator injects: queued one-shot faults per endpoint (exact, for tests of one rule),
 * and seeded random chaos (for convergence tests and the demo).
 */
public final class EmulatorFaults {

    private final Map<Endpoint, Queue<Fault>> queued = new EnumMap<>(Endpoint.class);
    private Random chaos;
    private double probability;
    private Set<Endpoint> chaosEndpoints = Set.of();
    private List<Fault> chaosFaults = List.of();
    private int injected;

    /** The next request to {@code endpoint} meets {@code fault} (queued faults are used in order). */
    public synchronized EmulatorFaults once(Endpoint endpoint, Fault fault) {
        queued.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(fault);
        return this;
    }

    /** Each request to one of {@code endpoints} meets one of {@code faults} with {@code probability}. */
    public synchronized void chaos(long seed, double probability, Set<Endpoint> endpoints, List<Fault> faults) {
        if (probability < 0 || probability > 1 || faults.isEmpty()) {
            throw new IllegalArgumentException("probability 0..1 and at least one fault");
        }
        this.chaos = new Random(seed);
        this.probability = probability;
        this.chaosEndpoints = Set.copyOf(endpoints);
        this.chaosFaults = List.copyOf(faults);
    }

    /** Removes queued faults and stops chaos. */
    public synchronized void clear() {
        queued.clear();
        chaos = null;
    }

    public synchronized int injectedCount() {
        return injected;
    }

    synchronized Optional<Fault> next(Endpoint endpoint) {
        Queue<Fault> queue = queued.get(endpoint);
        Fault fault = queue == null ? null : queue.poll();
        if (fault == null && chaos != null && chaosEndpoints.contains(endpoint) && chaos.nextDouble() < probability) {
            fault = chaosFaults.get(chaos.nextInt(chaosFaults.size()));
        }
        if (fault != null) {
            injected++;
        }
        return Optional.ofNullable(fault);
    }
}
