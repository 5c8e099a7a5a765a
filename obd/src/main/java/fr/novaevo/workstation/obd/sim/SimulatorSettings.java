package fr.novaevo.workstation.obd.sim;

import java.time.Duration;

/**
 * How fast the virtual adapter and vehicle answer.
 *
 * @param ecuLatency   between a vehicle request and the first answer (a real ECU: 10 to 50 ms on CAN)
 * @param answerWindow how long the adapter keeps listening for more ECUs after the answers when the request
 *                     has no response-count suffix (the ELM327 waits for its timeout)
 * @param resetDelay   how long {@code ATZ} takes (a real chip: about 1 s; clones less)
 */
public record SimulatorSettings(Duration ecuLatency, Duration answerWindow, Duration resetDelay) {

    public SimulatorSettings {
        if (ecuLatency.isNegative() || answerWindow.isNegative() || resetDelay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
    }

    /** Like a good adapter on a CAN car: what demo mode and the benchmarks use. */
    public static SimulatorSettings realistic() {
        return new SimulatorSettings(Duration.ofMillis(30), Duration.ofMillis(60), Duration.ofMillis(300));
    }

    /** No waiting at all, for tests. */
    public static SimulatorSettings instant() {
        return new SimulatorSettings(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    public SimulatorSettings withEcuLatency(Duration latency) {
        return new SimulatorSettings(latency, answerWindow, resetDelay);
    }
}
