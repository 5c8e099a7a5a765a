package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One entry of the pull feed: the full state of an entity at {@code rev}, or a tombstone.
 *
 * <p>{@code data} stays a JSON tree: the local store merges it field by field and keeps fields this
 * version does not know about.
 */
public record Change(EntityType type, UUID id, long rev, boolean deleted, JsonNode data) {
}
