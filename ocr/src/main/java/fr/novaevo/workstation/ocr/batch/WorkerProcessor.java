package fr.novaevo.workstation.ocr.batch;

import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import java.nio.file.Path;

/**
 * One worker's document processor (it owns its OCR engine, which is not thread-safe). A bad file is a result
 * with status {@code error}; an exception means a failure of the processor itself, which the batch retries.
 */
public interface WorkerProcessor extends AutoCloseable {

    DocumentResult process(Path file, JobContext job);

    @Override
    void close();

    /** Makes one processor per worker. */
    @FunctionalInterface
    interface Factory {
        WorkerProcessor open();
    }
}
