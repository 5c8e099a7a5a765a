package fr.novaevo.workstation.ocr.supervision;

import java.time.Instant;
import java.util.OptionalDouble;

/** One stored sample ({@code OCR.SUPERVISION_SAMPLE}); counts of documents and pages are since the previous one. */
public record SupervisionSample(Instant sampledAt, int activeBatches, int queuedBatches, int runningDocuments,
                                int documentsFinished, int documentsFailed, int pagesFinished, long heapUsedMb,
                                OptionalDouble cpuPercent) {
}
