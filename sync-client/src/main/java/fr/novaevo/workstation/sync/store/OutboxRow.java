package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import java.util.UUID;

/** One unsent change. {@code opId}, {@code baseRev} and {@code batchKey} are set once it is in a batch. */
record OutboxRow(long seq, EntityType type, UUID entityId, OpKind op, ObjectNode fields, String state, UUID opId,
                 Long baseRev, UUID batchKey, int conflicts) {

    static final String PENDING = "PENDING";
    static final String IN_FLIGHT = "IN_FLIGHT";

    boolean inFlight() {
        return IN_FLIGHT.equals(state);
    }
}
