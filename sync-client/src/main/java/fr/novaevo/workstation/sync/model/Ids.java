package fr.novaevo.workstation.sync.model;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;

/** UUID v7 (time-ordered) generator, as the contract recommends for ids the workstation creates. */
public final class Ids {

    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public Ids(InstantSource clock) {
        this.clock = clock;
    }

    public UUID next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
