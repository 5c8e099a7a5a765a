package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import java.time.Instant;
import java.util.UUID;

/** An operation the platform rejected, or that kept failing: the user discards it or sends it again. */
public record DeadLetter(long id, EntityType type, UUID entityId, OpKind op, ObjectNode fields, UUID opId,
                         String errorCode, String errorMessage, Instant createdAt) {
}
