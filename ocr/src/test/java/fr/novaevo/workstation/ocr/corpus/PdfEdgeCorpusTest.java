package fr.novaevo.workstation.ocr.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.novaevo.workstation.ocr.KbisDocumentProcessor;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.DocumentReader;
import fr.novaevo.workstation.ocr.engine.TesseractOcrEngine;
import fr.novaevo.workstation.ocr.kbis.DocumentClassifier;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.KbisFieldExtractor;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every file of the shared {@code pdf-edge} corpus (encrypted, fuzzed, broken xref, CCITT, CMYK, rotated...)
 * gives a result: a clear error, or a readable non-Kbis document. None is a Kbis, and nothing throws.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfEdgeCorpusTest {

    private static final Logger LOG = LoggerFactory.getLogger(PdfEdgeCorpusTest.class);

    /** Files whose outcome is known for sure: the reason code they must get. */
    private static final Map<String, String> EXPECTED_ERRORS = Map.of(
            "pypdf-libreoffice-writer-password.pdf", "OCR-ENCRYPTED");

    private TesseractOcrEngine engine;
    private KbisDocumentProcessor processor;

    @BeforeAll
    void start() {
        engine = TesseractOcrEngine.withDefaults();
        processor = new KbisDocumentProcessor(new DocumentReader(engine, DocumentLimits.DEFAULT),
                new DocumentClassifier(), new KbisFieldExtractor(), new KbisChecks(Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    List<Path> edgeFiles() throws IOException {
        Path dir = CorpusLocation.folder("pdf-edge").orElse(null);
        if (dir == null) {
            return List.of(Path.of("pdf-edge-corpus-absent"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("edgeFiles")
    void givesAClearErrorOrAReadableNonKbisResult(Path file) {
        assumeTrue(Files.exists(file), "the shared pdf-edge corpus is not here");

        DocumentResult result = processor.process(file);

        LOG.info("{}: {} {} {}", file.getFileName(), result.status(), result.documentType(),
                result.issues().stream().map(Issue::code).toList());
        assertThat(result.documentType()).isNotEqualTo(DocumentType.KBIS);
        if (result.status() == DocumentStatus.ERROR) {
            assertThat(result.issues()).isNotEmpty();
            assertThat(result.issues().getFirst().code()).startsWith("OCR-").isNotEqualTo("OCR-INTERNAL");
            assertThat(result.issues().getFirst().message()).isNotBlank();
        }
        String expected = EXPECTED_ERRORS.get(file.getFileName().toString());
        if (expected != null) {
            assertThat(result.status()).isEqualTo(DocumentStatus.ERROR);
            assertThat(result.issues()).extracting(Issue::code).containsExactly(expected);
        }
    }
}
