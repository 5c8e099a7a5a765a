package fr.novaevo.workstation.ocr.batch;

import java.nio.file.Path;

/** One document of a batch, as claimed by a worker. */
public record BatchDocument(long id, long batchId, int seq, Path file, DocumentState state, int attempts) {
}
