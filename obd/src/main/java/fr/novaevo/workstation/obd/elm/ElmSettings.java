package fr.novaevo.workstation.obd.elm;

import java.time.Duration;

/**
 * Deadlines of the driver.
 *
 * @param resetTimeout    for {@code ATZ} (the chip restarts; about 1 s on real adapters)
 * @param commandTimeout  for other AT commands
 * @param searchTimeout   for the first request while the adapter searches the protocol (K-line: several seconds)
 * @param requestFloor    the shortest deadline for a vehicle request
 * @param requestCeiling  the longest deadline for a vehicle request
 */
public record ElmSettings(Duration resetTimeout, Duration commandTimeout, Duration searchTimeout,
        Duration requestFloor, Duration requestCeiling) {

    public static ElmSettings defaults() {
        return new ElmSettings(Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofSeconds(20),
                Duration.ofMillis(400), Duration.ofSeconds(6));
    }
}
