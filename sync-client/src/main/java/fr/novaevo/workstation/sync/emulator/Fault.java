package fr.novaevo.workstation.sync.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the emulator injects into one request.
 *
 * @param kind              what goes wrong
 * @param latency           for {@link Kind#LATENCY}: how long the answer is held back
 * @param retryAfterSeconds for {@link Kind#UNAVAILABLE} and {@link Kind#RATE_LIMITED}: the {@code Retry-After}
 */
public record Fault(Kind kind, Duration latency, int retryAfterSeconds) {

    public enum Kind {
        /** The answer comes late (for a push: while the batch is held as "in progress"). */
        LATENCY,
        /** {@code 500 internal_error}; nothing is processed. */
        SERVER_ERROR,
        /** {@code 503 unavailable} with {@code Retry-After}; nothing is processed. */
        UNAVAILABLE,
        /** {@code 429 rate_limited} with {@code Retry-After}; nothing is processed. */
        RATE_LIMITED,
        /** The request is processed (a push is applied), then the connection is closed before the answer. */
        DROP_AFTER_PROCESSING,
        /** {@code 200} with a body that is not JSON; nothing is processed. */
        GARBAGE_BODY,
        /** The caller's access token expires just before the request is checked. */
        EXPIRE_TOKEN,
        /**
         * For a push: just before the batch is processed, the platform itself edits the notes of every
         * booking the batch updates (the office types while the mechanic edits at the bench).
         */
        CONCURRENT_EDIT
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        latency = latency == null ? Duration.ZERO : latency;
    }

    public static Fault latency(Duration latency) {
        return new Fault(Kind.LATENCY, latency, 0);
    }

    public static Fault serverError() {
        return new Fault(Kind.SERVER_ERROR, null, 0);
    }

    public static Fault unavailable(int retryAfterSeconds) {
        return new Fault(Kind.UNAVAILABLE, null, retryAfterSeconds);
    }

    public static Fault rateLimited(int retryAfterSeconds) {
        return new Fault(Kind.RATE_LIMITED, null, retryAfterSeconds);
    }

    public static Fault dropAfterProcessing() {
        return new Fault(Kind.DROP_AFTER_PROCESSING, null, 0);
    }

    public static Fault garbageBody() {
        return new Fault(Kind.GARBAGE_BODY, null, 0);
    }

    public static Fault concurrentEdit() {
        return new Fault(Kind.CONCURRENT_EDIT, null, 0);
    }

    public static Fault expireToken() {
        return new Fault(Kind.EXPIRE_TOKEN, null, 0);
    }
}
