package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.databind.JsonNode;

/** What happened to one pushed operation; sealed so that every caller handles every case. */
public sealed interface OpOutcome {

    /** Done now; {@code rev} is the entity's new revision. */
    record Applied(long rev) implements OpOutcome {
    }

    /** Done by an earlier try whose answer was lost; {@code rev} is the revision it produced. */
    record Duplicate(long rev) implements OpOutcome {
    }

    /** {@code baseRev} was stale: {@code current} is the platform's copy to merge with. */
    record Conflict(JsonNode current) implements OpOutcome {
    }

    /** Final: must not be resent unchanged. */
    record Rejected(String code, String message) implements OpOutcome {
    }
}
