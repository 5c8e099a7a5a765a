package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One result of a push, as it is on the wire. {@link #outcome()} turns it into the typed {@link OpOutcome}
 * that the client handles exhaustively, and refuses a result that lacks what its status needs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpResult(UUID opId, OpStatus status, Long rev, JsonNode current, OpError error) {

    public static OpResult applied(UUID opId, long rev) {
        return new OpResult(opId, OpStatus.APPLIED, rev, null, null);
    }

    public static OpResult duplicate(UUID opId, long rev) {
        return new OpResult(opId, OpStatus.DUPLICATE, rev, null, null);
    }

    public static OpResult conflict(UUID opId, JsonNode current) {
        return new OpResult(opId, OpStatus.CONFLICT, null, current, null);
    }

    public static OpResult rejected(UUID opId, String code, String message) {
        return new OpResult(opId, OpStatus.REJECTED, null, null, new OpError(code, message));
    }

    /** @throws IllegalArgumentException when the result is incomplete for its status */
    public OpOutcome outcome() {
        if (opId == null || status == null) {
            throw new IllegalArgumentException("result without opId or status");
        }
        return switch (status) {
            case APPLIED -> new OpOutcome.Applied(requireRev());
            case DUPLICATE -> new OpOutcome.Duplicate(requireRev());
            case CONFLICT -> {
                if (current == null || !current.isObject()) {
                    throw new IllegalArgumentException("conflict without current for " + opId);
                }
                yield new OpOutcome.Conflict(current);
            }
            case REJECTED -> {
                if (error == null || error.code() == null) {
                    throw new IllegalArgumentException("rejection without error code for " + opId);
                }
                yield new OpOutcome.Rejected(error.code(), error.message() == null ? "" : error.message());
            }
        };
    }

    private long requireRev() {
        if (rev == null || rev < 1) {
            throw new IllegalArgumentException("result " + status.wire() + " without a valid rev for " + opId);
        }
        return rev;
    }
}
