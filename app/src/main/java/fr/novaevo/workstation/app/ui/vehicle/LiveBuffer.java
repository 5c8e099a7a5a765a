package fr.novaevo.workstation.app.ui.vehicle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.session.LiveSample;

/**
 * The live values between the polling thread and the screen: one fixed-size ring buffer per watched PID, so
 * memory stays the same however long the polling runs. The poller writes at the vehicle's pace; the screen
 * reads a copy a few times a second.
 */
final class LiveBuffer {

    /** Points kept per PID: a minute at 5 samples per second; what the chart shows. */
    static final int CAPACITY = 300;

    /** One PID's history, oldest first (NaN where the adapter was lost), and its latest reading. */
    record Series(int pid, String name, String unit, double[] values, String latestText, double latest) {
    }

    /** What the screen draws. */
    record Snapshot(long samples, List<Series> series) {
    }

    private static final class Ring {
        final double[] values = new double[CAPACITY];
        int start;
        int size;
        String name = "";
        String unit = "";
        String text = "";
        double latest = Double.NaN;

        void add(double v) {
            values[(start + size) % CAPACITY] = v;
            if (size < CAPACITY) {
                size++;
            } else {
                start = (start + 1) % CAPACITY;
            }
        }

        double[] copy() {
            double[] out = new double[size];
            for (int i = 0; i < size; i++) {
                out[i] = values[(start + i) % CAPACITY];
            }
            return out;
        }
    }

    private final Map<Integer, Ring> rings = new LinkedHashMap<>();
    private long samples;

    /** Starts over with these PIDs (their names until the first answer gives the vehicle's). */
    synchronized void reset(List<Integer> pids, Map<Integer, String> names) {
        rings.clear();
        samples = 0;
        for (int pid : pids) {
            Ring ring = new Ring();
            ring.name = names.getOrDefault(pid, String.format("%02X", pid));
            rings.put(pid, ring);
        }
    }

    /** Whether the buffer holds the history of exactly these PIDs, in this order. */
    synchronized boolean watches(List<Integer> pids) {
        return !rings.isEmpty() && List.copyOf(rings.keySet()).equals(pids);
    }

    /**
     * The adapter was lost (or a replayed recording has a break here): a NaN in every PID's history, which the
     * chart draws as a gap between the values before and after the reconnection. Several breaks in a row leave
     * one gap.
     */
    synchronized void gap() {
        for (Ring ring : rings.values()) {
            if (ring.size > 0 && !Double.isNaN(ring.values[(ring.start + ring.size - 1) % CAPACITY])) {
                ring.add(Double.NaN);
            }
        }
    }

    /** One pass from the poller: the first ECU's answer per PID (the engine answers first on CAN). */
    synchronized void add(LiveSample sample) {
        samples++;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (PidReading reading : sample.readings()) {
            Ring ring = rings.get(reading.pid());
            if (ring == null || !seen.add(reading.pid())) {
                continue;
            }
            ring.unit = reading.unit();
            ring.text = reading.text();
            ring.latest = reading.value();
            if (!Double.isNaN(reading.value())) {
                ring.add(reading.value());
            }
        }
    }

    synchronized long samples() {
        return samples;
    }

    synchronized Snapshot snapshot() {
        List<Series> out = new ArrayList<>();
        rings.forEach((pid, ring) -> out.add(new Series(pid, ring.name, ring.unit, ring.copy(), ring.text, ring.latest)));
        return new Snapshot(samples, out);
    }
}
