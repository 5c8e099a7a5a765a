package fr.novaevo.workstation.sync.model;

import java.time.Instant;

/** {@code GET sync/ping}. */
public record PingResponse(Instant serverTime) {
}
