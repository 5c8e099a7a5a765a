package fr.novaevo.workstation.ocr.batch;

import java.time.Instant;
import java.util.Optional;

/** A batch as stored. */
public record BatchInfo(long id, String name, int priority, Optional<Instant> startAt, BatchState state, int total,
                        Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt) {
}
