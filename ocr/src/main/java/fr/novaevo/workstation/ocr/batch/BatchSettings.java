package fr.novaevo.workstation.ocr.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a batch runs.
 *
 * @param workers          documents read in parallel (default: one per core)
 * @param documentTimeout  past this (plus {@code grace}), a document whose processor does not answer is given up
 *                         as {@code OCR-TIMEOUT} and its worker gets a fresh processor
 * @param grace            time allowed past the document's own deadline before it is considered hung
 * @param batchTimeout     past this, the documents not started yet are cancelled ({@code BATCH-TIMEOUT})
 * @param maxAttempts      attempts per document for transient failures (a crash of the application counts one)
 * @param retryBase        first retry delay, doubled at each attempt up to {@code retryMax}
 */
public record BatchSettings(int workers, Duration documentTimeout, Duration grace, Duration batchTimeout,
                            int maxAttempts, Duration retryBase, Duration retryMax) {

    public BatchSettings {
        Objects.requireNonNull(documentTimeout, "documentTimeout");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(batchTimeout, "batchTimeout");
        Objects.requireNonNull(retryBase, "retryBase");
        Objects.requireNonNull(retryMax, "retryMax");
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("workers must be 1 to 256, not " + workers);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    public static BatchSettings defaults() {
        return new BatchSettings(Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(2),
                Duration.ofSeconds(30), Duration.ofHours(4), 3, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    public BatchSettings withWorkers(int count) {
        return new BatchSettings(count, documentTimeout, grace, batchTimeout, maxAttempts, retryBase, retryMax);
    }

    public BatchSettings withDocumentTimeout(Duration timeout, Duration newGrace) {
        return new BatchSettings(workers, timeout, newGrace, batchTimeout, maxAttempts, retryBase, retryMax);
    }

    public BatchSettings withBatchTimeout(Duration timeout) {
        return new BatchSettings(workers, documentTimeout, grace, timeout, maxAttempts, retryBase, retryMax);
    }

    public BatchSettings withRetries(int attempts, Duration base, Duration max) {
        return new BatchSettings(workers, documentTimeout, grace, batchTimeout, attempts, base, max);
    }

    /** Delay before attempt {@code attempt + 1}, after {@code attempt} failed: base × 2^(attempt-1), capped. */
    public Duration backoff(int attempt) {
        int shift = Math.max(0, Math.min(30, attempt - 1));
        Duration delay = retryBase.multipliedBy(1L << shift);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
