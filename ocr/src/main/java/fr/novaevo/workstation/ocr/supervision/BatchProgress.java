package fr.novaevo.workstation.ocr.supervision;

import fr.novaevo.workstation.ocr.batch.BatchState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one batch stands, as the supervision shows it.
 *
 * @param live           run by this application now (a batch left running by a crash is queued until resumed)
 * @param finished       documents with a result (completed, failed, cancelled)
 * @param errors         documents whose result is {@code error} (cancelled ones apart)
 * @param processed      documents a worker read to the end (the documents throughput counts)
 * @param duration       from its start to its end (or to now while it runs); zero before it starts
 * @param failureRate    errors among the finished, not cancelled documents, 0..1
 * @param eta            remaining time at the current throughput, while it runs and once it has one
 */
public record BatchProgress(long id, String name, int priority, BatchState state, boolean live, int total,
                            int finished, int running, int errors, int processed, long pages,
                            Instant createdAt, Optional<Instant> startAt, Optional<Instant> startedAt,
                            Optional<Instant> finishedAt, Duration duration, double documentsPerMinute,
                            double pagesPerMinute, double failureRate, Optional<Duration> eta) {

    /** Share of the documents finished, 0..1. */
    public double fraction() {
        return total == 0 ? 1.0 : (double) finished / total;
    }
}
