package fr.novaevo.workstation.ocr.supervision;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The samples of one stretch of time, summed or reduced.
 *
 * @param from               start of the stretch (its length is the range's bucket)
 * @param samples            how many samples it holds (0: the application was not running)
 * @param activeBatches      the most batches running at once
 * @param queuedBatches      the most batches waiting at once
 * @param documentsFinished  documents read in the stretch
 * @param documentsFailed    of which in error
 * @param pagesFinished      pages read in the stretch
 * @param heapUsedMbMax      the highest heap seen
 * @param cpuPercentAverage  the mean process CPU of the samples that had one
 * @param cpuPercentMax      the highest process CPU
 */
public record HistoryPoint(Instant from, int samples, int activeBatches, int queuedBatches, long documentsFinished,
                           long documentsFailed, long pagesFinished, long heapUsedMbMax, OptionalDouble cpuPercentAverage,
                           OptionalDouble cpuPercentMax, double documentsPerMinute, double pagesPerMinute) {
}
