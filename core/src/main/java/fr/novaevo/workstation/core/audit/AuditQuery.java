package fr.novaevo.workstation.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A filter on the journal.
 *
 * @param from         oldest time included
 * @param to           newest time excluded
 * @param actionPrefix for example {@code obd.} for every diagnostic action
 * @param text         found in the subject, the details or the actor (case-insensitive)
 * @param limit        at most this many entries
 */
public record AuditQuery(Optional<Instant> from, Optional<Instant> to, Optional<String> actionPrefix,
                         Optional<String> text, int limit) {

    public static final int DEFAULT_LIMIT = 10_000;

    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public AuditQuery withActionPrefix(String prefix) {
        return new AuditQuery(from, to, Optional.ofNullable(prefix).filter(p -> !p.isBlank()), text, limit);
    }

    public AuditQuery withText(String value) {
        return new AuditQuery(from, to, actionPrefix, Optional.ofNullable(value).filter(t -> !t.isBlank()), limit);
    }

    public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
        return new AuditQuery(Optional.ofNullable(fromInclusive), Optional.ofNullable(toExclusive), actionPrefix, text, limit);
    }

    public AuditQuery withLimit(int max) {
        return new AuditQuery(from, to, actionPrefix, text, max);
    }
}
