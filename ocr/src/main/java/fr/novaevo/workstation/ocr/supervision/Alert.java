package fr.novaevo.workstation.ocr.supervision;

import java.time.Instant;
import java.util.Optional;

/**
 * One condition met: raised once when it starts, cleared when it ends, acknowledged by a person.
 *
 * @param subject      what it is about, stable: {@code batch:12}, {@code document:345}, or empty for the process
 * @param subjectLabel the same for a person: the batch's name, the document's file name
 * @param measured     the value when raised (the worst seen while it lasted), in the kind's unit
 * @param limit        the threshold it went over
 */
public record Alert(long id, AlertKind kind, String subject, String subjectLabel, double measured, double limit,
                    Instant raisedAt, Optional<Instant> clearedAt, Optional<Instant> acknowledgedAt,
                    Optional<String> acknowledgedBy) {

    /** The condition still holds. */
    public boolean active() {
        return clearedAt.isEmpty();
    }

    public boolean acknowledged() {
        return acknowledgedAt.isPresent();
    }

    /** Shown to the user: still on, or over but nobody saw it yet. */
    public boolean needsAttention() {
        return active() || !acknowledged();
    }
}
