package fr.novaevo.workstation.ocr.batch;

import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.export.AtomicFile;
import fr.novaevo.workstation.ocr.export.ExcelExporter;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.JsonLinesWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch's results as JSON Lines and as an Excel workbook: one entry per document of the batch (each stored
 * once, so exported once), in batch order, written to a temporary file beside the target and renamed.
 */
public final class BatchExports {

    private static final Logger LOG = LoggerFactory.getLogger(BatchExports.class);

    private final BatchStore store;

    public BatchExports(BatchStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @return how many documents were written
     * @throws WorkstationException {@code EXPORT-WRITE-FAILED} when the file cannot be written (the target is left
     *                              as it was)
     */
    public long writeJsonLines(long batchId, Path target) {
        long[] count = {0};
        AtomicFile.write(target, temp -> {
            try (JsonLinesWriter writer = JsonLinesWriter.create(temp); Stream<DocumentResult> results = store.results(batchId)) {
                Iterator<DocumentResult> it = results.iterator();
                while (it.hasNext()) {
                    writer.write(it.next());
                    count[0]++;
                }
            }
        });
        LOG.info("batch {}: {} documents written to {}", batchId, count[0], target.toAbsolutePath());
        return count[0];
    }

    /**
     * @throws WorkstationException {@code EXPORT-WRITE-FAILED} when the workbook cannot be written
     * @throws CancelledException   when the job was cancelled meanwhile (the target is left as it was)
     */
    public void writeExcel(long batchId, Path target, JobContext job) throws CancelledException {
        long total = store.counts(batchId).finished();
        try (Stream<DocumentResult> results = store.results(batchId)) {
            new ExcelExporter().export(results.iterator(), total, target, job);
        }
    }
}
