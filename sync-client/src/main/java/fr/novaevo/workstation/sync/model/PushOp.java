package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * One operation of a push batch. {@code fields} holds dotted paths for an update, the nested entity for a
 * create, and is empty for a delete; {@code baseRev} is null for a create.
 */
public record PushOp(
        UUID opId,
        EntityType type,
        UUID id,
        OpKind op,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long baseRev,
        ObjectNode fields) {
}
