package fr.novaevo.workstation.sync.error;

import java.util.Arrays;
import java.util.Locale;

/** Every {@code code} the contract defines for a problem or a rejected operation; others map to {@link #UNKNOWN}. */
public enum ProblemCode {
    INVALID_JSON, INVALID_REQUEST, INVALID_PARAMETER, MISSING_CLIENT_ID, INVALID_CLIENT_ID,
    MISSING_CLIENT_VERSION, SCHEMA_UNSUPPORTED,
    INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN, TOKEN_EXPIRED, INVALID_TOKEN,
    INVALID_CURSOR, CURSOR_EXPIRED,
    TOO_MANY_OPS, MISSING_IDEMPOTENCY_KEY, INVALID_IDEMPOTENCY_KEY, IDEMPOTENCY_IN_PROGRESS,
    IDEMPOTENCY_KEY_REUSED,
    INVALID_TRANSITION, SLOT_TAKEN, NOT_DELETABLE, INVALID_FIELD, NOT_FOUND, UNKNOWN_OFFER,
    PAYLOAD_TOO_LARGE, RATE_LIMITED, UNAVAILABLE, INTERNAL_ERROR,
    UNKNOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProblemCode fromWire(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        return Arrays.stream(values()).filter(c -> c != UNKNOWN && c.wire().equals(code)).findFirst().orElse(UNKNOWN);
    }
}
