package fr.novaevo.workstation.app.bootstrap;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.batch.BatchStore;
import fr.novaevo.workstation.ocr.batch.KbisWorkerProcessors;
import fr.novaevo.workstation.ocr.batch.WorkerProcessor;
import fr.novaevo.workstation.ocr.document.Deadline;
import fr.novaevo.workstation.ocr.document.DocumentException;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.DocumentReader;
import fr.novaevo.workstation.ocr.document.ReasonCode;
import fr.novaevo.workstation.ocr.document.Word;
import fr.novaevo.workstation.ocr.engine.Binarization;
import fr.novaevo.workstation.ocr.engine.OcrEngine;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.PageGeometry;
import fr.novaevo.workstation.ocr.review.KbisReview;

/**
 * The review of documents read in batches: their stored results, corrections and validations (journaled, and
 * stored so that exports carry them), who did what, and the pages drawn with the frames their fields were read in.
 */
public final class DocumentReviews {

    private static final int GEOMETRY_KEPT = 500;

    private final BatchStore store;
    private final AuditJournal audit;
    private final Clock clock;
    private final DocumentLimits limits;
    private final KbisReview review;
    /** Page frames of documents read in this session, so that the review draws boxes without reading again. */
    private final Map<Path, List<PageGeometry>> geometry = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, List<PageGeometry>> eldest) {
                    return size() > GEOMETRY_KEPT;
                }
            });

    DocumentReviews(BatchStore store, AuditJournal audit, Clock clock, DocumentLimits limits) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
        this.review = new KbisReview(audit, new KbisChecks(clock));
    }

    /** A batch's reader saw these page frames for {@code file}. */
    void pagesRead(Path file, List<PageGeometry> pages) {
        geometry.put(file, pages);
    }

    public Optional<DocumentResult> result(long documentId) {
        return store.result(documentId);
    }

    /** Corrects one field (journaled), checks again and stores the result, so that exports carry the value. */
    public DocumentResult correct(long documentId, FieldKey key, String typed) {
        DocumentResult corrected = review.correct(stored(documentId), key, typed);
        save(documentId, corrected);
        return corrected;
    }

    /** The person vouches for the document (journaled); it becomes {@code ok} and is stored so. */
    public DocumentResult validate(long documentId) {
        DocumentResult validated = review.validate(stored(documentId));
        save(documentId, validated);
        return validated;
    }

    private DocumentResult stored(long documentId) {
        return store.result(documentId).orElseThrow(() -> new WorkstationException("KBIS-VALIDATION-REFUSED",
                "document " + documentId + " has no result yet", documentId));
    }

    private void save(long documentId, DocumentResult reviewed) {
        if (!store.saveReviewed(documentId, reviewed)) {
            throw new WorkstationException("BATCH-STORE-FAILED", "document " + documentId + " is not completed",
                    documentId);
        }
    }

    /** Who corrected or validated the document, and when, newest first. */
    public List<AuditEntry> reviewHistory(Path file) {
        return audit.find(AuditQuery.all().withActionPrefix("ocr.kbis.").withText(file.toString())).stream()
                .filter(e -> e.subject().equals(file.toString())).toList();
    }

    /**
     * The frames of the document's pages, to draw where a value was read: kept from this session's reading,
     * or read again (a result stored by an earlier session does not keep them).
     */
    public List<PageGeometry> pages(Path file, JobContext job) {
        List<PageGeometry> known = geometry.get(file);
        if (known != null) {
            return known;
        }
        try (WorkerProcessor processor = KbisWorkerProcessors.factory(limits, clock).open()) {
            List<PageGeometry> read = processor.process(file, job).pages();
            if (!read.isEmpty()) {
                geometry.put(file, read);
            }
            return read;
        }
    }

    /**
     * A page as an image in the frame of its word boxes (see {@link PageGeometry}).
     *
     * @throws DocumentException when the file cannot be read any more
     */
    public BufferedImage pageImage(Path file, PageGeometry page) {
        DocumentReader reader = new DocumentReader(new RenderOnlyEngine(), limits);
        return reader.pageImage(file, page.number(), page.rotationDegrees(),
                new Deadline(clock, limits.timeout(), () -> false));
    }

    /**
     * The review screen only draws pages ({@link DocumentReader#pageImage} never reads text), so its reader
     * gets an engine that refuses to recognise instead of loading Tesseract for nothing.
     */
    private static final class RenderOnlyEngine implements OcrEngine {
        @Override
        public List<Word> recognize(BufferedImage grayImage, int dpi,
                Binarization binarization, Deadline deadline) {
            throw new DocumentException(ReasonCode.ENGINE_UNAVAILABLE, "pages are only drawn here, not read");
        }

        @Override
        public void close() {
            // nothing was loaded
        }
    }
}
