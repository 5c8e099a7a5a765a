package fr.novaevo.workstation.ocr.batch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A document of a batch as a list shows it: where it stands and, once finished, its result's status
 * ({@code ok}, {@code needs_review}, {@code error}) and its first reason, without the result itself.
 */
public record DocumentRow(long id, long batchId, int seq, Path file, DocumentState state,
                          Optional<String> resultStatus, Optional<String> lastError) {
}
