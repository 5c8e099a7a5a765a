package fr.novaevo.workstation.ocr.batch;

import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.ocr.KbisDocumentProcessor;
import fr.novaevo.workstation.ocr.document.Deadline;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.DocumentReader;
import fr.novaevo.workstation.ocr.document.Word;
import fr.novaevo.workstation.ocr.engine.Binarization;
import fr.novaevo.workstation.ocr.engine.OcrEngine;
import fr.novaevo.workstation.ocr.engine.TesseractOcrEngine;
import fr.novaevo.workstation.ocr.kbis.DocumentClassifier;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.KbisFieldExtractor;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The real processors: {@link KbisDocumentProcessor} with a Tesseract engine per worker, loaded only when the
 * worker meets its first page without a text layer (a batch of born-digital PDFs never loads Tesseract).
 */
public final class KbisWorkerProcessors {

    private KbisWorkerProcessors() {
    }

    public static WorkerProcessor.Factory factory(DocumentLimits limits, Clock clock) {
        return factory(limits, clock, TesseractOcrEngine::withDefaults);
    }

    public static WorkerProcessor.Factory factory(DocumentLimits limits, Clock clock, Supplier<OcrEngine> engines) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(engines, "engines");
        return () -> {
            LazyEngine engine = new LazyEngine(engines);
            KbisDocumentProcessor processor = new KbisDocumentProcessor(new DocumentReader(engine, limits),
                    new DocumentClassifier(), new KbisFieldExtractor(), new KbisChecks(clock), clock);
            return new WorkerProcessor() {
                @Override
                public DocumentResult process(Path file, JobContext job) {
                    return processor.process(file, job);
                }

                @Override
                public void close() {
                    engine.close();
                }
            };
        };
    }

    /** Creates the real engine on first use; an engine that cannot be loaded fails each OCR'd page, not the worker. */
    private static final class LazyEngine implements OcrEngine {
        private final Supplier<OcrEngine> factory;
        private OcrEngine engine;

        LazyEngine(Supplier<OcrEngine> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized List<Word> recognize(BufferedImage grayImage, int dpi, Binarization binarization,
                                                 Deadline deadline) {
            if (engine == null) {
                engine = factory.get();
            }
            return engine.recognize(grayImage, dpi, binarization, deadline);
        }

        @Override
        public synchronized void close() {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }
}
