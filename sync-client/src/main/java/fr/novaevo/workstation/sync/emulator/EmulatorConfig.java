package fr.novaevo.workstation.sync.emulator;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How an emulated platform behaves.
 *
 * @param garageId        the one garage it serves
 * @param apiKey          the key {@code auth/token} accepts for that garage
 * @param accessTokenTtl  {@code expiresIn} of access tokens
 * @param cursorTtl       how long a pull cursor stays valid before {@code 410 cursor_expired}
 * @param clock           the platform's time (tests move it to expire tokens and cursors)
 * @param sampleData      whether to seed the French demo bookings and commissions
 */
public record EmulatorConfig(String garageId, String apiKey, Duration accessTokenTtl, Duration cursorTtl,
                             InstantSource clock, boolean sampleData) {

    public EmulatorConfig {
        Objects.requireNonNull(garageId, "garageId");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(cursorTtl, "cursorTtl");
        Objects.requireNonNull(clock, "clock");
    }

    public static EmulatorConfig defaults() {
        return new EmulatorConfig("g-123", "demo-api-key", Duration.ofMinutes(15), Duration.ofDays(30),
                InstantSource.system(), true);
    }

    public EmulatorConfig withClock(InstantSource value) {
        return new EmulatorConfig(garageId, apiKey, accessTokenTtl, cursorTtl, value, sampleData);
    }

    public EmulatorConfig withApiKey(String value) {
        return new EmulatorConfig(garageId, value, accessTokenTtl, cursorTtl, clock, sampleData);
    }

    public EmulatorConfig withAccessTokenTtl(Duration value) {
        return new EmulatorConfig(garageId, apiKey, value, cursorTtl, clock, sampleData);
    }

    public EmulatorConfig withCursorTtl(Duration value) {
        return new EmulatorConfig(garageId, apiKey, accessTokenTtl, value, clock, sampleData);
    }

    public EmulatorConfig withSampleData(boolean value) {
        return new EmulatorConfig(garageId, apiKey, accessTokenTtl, cursorTtl, clock, value);
    }
}
