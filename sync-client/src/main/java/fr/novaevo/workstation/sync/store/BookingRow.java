package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** A row of {@code SYNC.BOOKING}. */
record BookingRow(UUID id, Long rev, ObjectNode base, boolean baseDerived, ObjectNode local, boolean deleting,
                  long seenGen) {
}
