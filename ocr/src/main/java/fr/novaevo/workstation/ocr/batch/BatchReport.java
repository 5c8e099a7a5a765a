package fr.novaevo.workstation.ocr.batch;

/** A batch and where its documents stand. */
public record BatchReport(BatchInfo info, BatchCounts counts) {
}
