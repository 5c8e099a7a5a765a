package fr.novaevo.workstation.ocr;

import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.document.Deadline;
import fr.novaevo.workstation.ocr.document.DocumentContent;
import fr.novaevo.workstation.ocr.document.DocumentException;
import fr.novaevo.workstation.ocr.document.DocumentReader;
import fr.novaevo.workstation.ocr.document.ReasonCode;
import fr.novaevo.workstation.ocr.engine.Binarization;
import fr.novaevo.workstation.ocr.kbis.Classification;
import fr.novaevo.workstation.ocr.kbis.DocumentClassifier;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.ExtractionMerger;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.KbisFieldExtractor;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import fr.novaevo.workstation.ocr.result.PageGeometry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document from file to result: read (text layer or OCR), classify, extract the Kbis fields, check them.
 * Whatever happens to one file ends in its {@link DocumentResult}; nothing escapes as an exception.
 *
 * <p>Not thread-safe (its reader owns an OCR engine): one processor per worker.
 */
public final class KbisDocumentProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(KbisDocumentProcessor.class);

    private final DocumentReader reader;
    private final DocumentClassifier classifier;
    private final KbisFieldExtractor extractor;
    private final KbisChecks checks;
    private final ExtractionMerger merger = new ExtractionMerger();
    private final Clock clock;

    public KbisDocumentProcessor(DocumentReader reader, DocumentClassifier classifier, KbisFieldExtractor extractor,
                                 KbisChecks checks, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static List<PageGeometry> geometry(DocumentContent content) {
        return content.pages().stream().map(PageGeometry::of).toList();
    }

    private static boolean unsure(List<Issue> issues) {
        return issues.stream().anyMatch(i -> i.code().equals("KBIS-LOW-CONFIDENCE") || i.code().equals("KBIS-FIELD-MISSING"));
    }

    /**
     * Reads the scan again another way (stretched levels, one threshold for the page) and lets it fill in what
     * the first reading missed or was unsure of. When the time is up meanwhile, the first reading stands.
     */
    private KbisExtraction secondOpinion(Path file, Deadline deadline, KbisExtraction first, JobContext job) {
        try {
            DocumentContent again = reader.read(file, Binarization.GLOBAL, deadline,
                    (done, total) -> job.progress(done, total, "second reading"));
            return merger.merge(first, extractor.extract(again.pages()));
        } catch (DocumentException e) {
            LOG.info("{}: second reading abandoned ({}), the first one stands", file.getFileName(), e.code());
            return first;
        }
    }

    public DocumentResult process(Path file) {
        return process(file, new JobContext() {
            @Override
            public void progress(long done, long total, String step) {
                // nobody is watching
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
    }

    /**
     * @param job told of each page read ({@code "page"}, then {@code "second reading"} when a scan is read
     *            again); its cancellation is polled between pages and by Tesseract, and ends the document as an
     *            error {@code OCR-CANCELLED}
     */
    public DocumentResult process(Path file, JobContext job) {
        Deadline deadline = new Deadline(clock, reader.limits().timeout(), job::isCancelled);
        try {
            DocumentContent content = reader.read(file, Binarization.ADAPTIVE, deadline,
                    (done, total) -> job.progress(done, total, "page"));
            Classification classification = classifier.classify(content);
            LOG.debug("{}: {} ({} Kbis markers)", file.getFileName(), classification.type(), classification.markers());
            if (classification.type() != DocumentType.KBIS) {
                Issue why = classification.type() == DocumentType.OTHER
                        ? new Issue(ReasonCode.NOT_A_KBIS.code(), "the document is not a Kbis extract")
                        : new Issue(ReasonCode.NO_TEXT.code(), "too little text was found to tell what the document is");
                return new DocumentResult(file, DocumentStatus.NEEDS_REVIEW, classification.type(), Optional.empty(),
                        List.of(why), geometry(content));
            }
            KbisExtraction extraction = extractor.extract(content.pages());
            List<Issue> issues = checks.check(extraction);
            if (content.usedOcr() && unsure(issues)) {
                extraction = secondOpinion(file, deadline, extraction, job);
                issues = checks.check(extraction);
            }
            DocumentStatus status = issues.isEmpty() ? DocumentStatus.OK : DocumentStatus.NEEDS_REVIEW;
            return new DocumentResult(file, status, DocumentType.KBIS, Optional.of(extraction), issues, geometry(content));
        } catch (DocumentException e) {
            LOG.info("{}: {} ({})", file.getFileName(), e.code(), e.getMessage());
            LOG.debug("cause", e);
            return DocumentResult.error(file, new Issue(e.code(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug or a library failing on a hostile file: this document fails, the batch goes on.
            LOG.error("{}: unexpected failure", file, e);
            return DocumentResult.error(file, new Issue(ReasonCode.INTERNAL.code(),
                    "unexpected failure: " + e.getClass().getSimpleName()));
        }
    }
}
