package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One field changed both here and on the platform, shown to the user with both values.
 * {@code field} is a dotted path, or {@link ConflictRepository#DELETED} for a delete that met a change.
 */
public record BookingConflict(UUID bookingId, String field, JsonNode baseValue, JsonNode localValue,
                              JsonNode remoteValue, long remoteRev, Instant detectedAt) {
}
