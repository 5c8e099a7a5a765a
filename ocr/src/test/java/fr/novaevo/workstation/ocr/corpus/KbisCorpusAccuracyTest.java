package fr.novaevo.workstation.ocr.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.ocr.KbisDocumentProcessor;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.DocumentReader;
import fr.novaevo.workstation.ocr.engine.TesseractOcrEngine;
import fr.novaevo.workstation.ocr.kbis.DocumentClassifier;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.KbisFieldExtractor;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.JsonLinesWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole extractor (text layer, OCR, classification, fields, checks) over the shared Kbis corpus,
 * reports field accuracy per rendering kind in {@code target/kbis-accuracy.txt} (results in
 * {@code target/kbis-results.jsonl}, to cross-check with the corpus' {@code score.py}) and holds the
 * accuracy measured so far as floors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KbisCorpusAccuracyTest {

    private static final Logger LOG = LoggerFactory.getLogger(KbisCorpusAccuracyTest.class);
    private static final int WORKERS = 2;

    /**
     * Floors one field under what was measured on this corpus (2026-11-21, Tesseract 5.3.0 fra+eng, Debian 12:
     * born-digital 270/270, scan-300 209/215, scan-200-hard 79/83, image 84/86): a regression fails the build.
     */
    private static final Map<String, Double> FLOORS = Map.of(
            "born-digital", 1.0,
            "scan-300", 0.965,
            "scan-200-hard", 0.935,
            "image", 0.965);

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, JsonNode> results = new TreeMap<>();
    private final Map<String, JsonNode> truths = new TreeMap<>();
    private final Map<String, JsonNode> metas = new TreeMap<>();

    @BeforeAll
    void runCorpus() throws Exception {
        Path corpus = CorpusLocation.folder("kbis").orElse(null);
        assumeTrue(corpus != null, "the shared Kbis corpus (../shared/corpus/kbis) is not here");
        List<Path> inputs;
        try (Stream<Path> files = Files.list(corpus)) {
            inputs = files.filter(p -> p.getFileName().toString().matches("kbis-dev-\\d+\\.(pdf|png|jpg)")).sorted().toList();
        }
        for (Path input : inputs) {
            String id = id(input);
            truths.put(id, mapper.readTree(corpus.resolve(id + ".truth.json").toFile()));
            metas.put(id, mapper.readTree(corpus.resolve(id + ".meta.json").toFile()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<List<DocumentResult>>> parts = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            parts.add(pool.submit(() -> {
                List<DocumentResult> done = new ArrayList<>();
                try (TesseractOcrEngine engine = TesseractOcrEngine.withDefaults()) {
                    KbisDocumentProcessor processor = new KbisDocumentProcessor(
                            new DocumentReader(engine, DocumentLimits.DEFAULT), new DocumentClassifier(),
                            new KbisFieldExtractor(), new KbisChecks(Clock.systemUTC()), Clock.systemUTC());
                    for (int i = worker; i < inputs.size(); i += WORKERS) {
                        done.add(processor.process(inputs.get(i)));
                    }
                }
                return done;
            }));
        }
        List<DocumentResult> all = new ArrayList<>();
        for (Future<List<DocumentResult>> part : parts) {
            all.addAll(part.get(20, TimeUnit.MINUTES));
        }
        pool.shutdown();
        Path jsonl = Path.of("target", "kbis-results.jsonl");
        Files.createDirectories(jsonl.getParent());
        try (JsonLinesWriter writer = JsonLinesWriter.create(jsonl)) {
            for (DocumentResult r : all) {
                writer.write(r);
                StringWriter line = new StringWriter();
                try (JsonLinesWriter one = new JsonLinesWriter(line)) {
                    one.write(r);
                }
                results.put(id(r.file()), mapper.readTree(line.toString()));
            }
        }
    }

    @Test
    void fieldAccuracyPerRenderingKindStaysAboveTheMeasuredFloors() throws IOException {
        Map<String, KbisScorer.Tally> perKind = new TreeMap<>();
        KbisScorer.Tally overall = new KbisScorer.Tally();
        for (var e : truths.entrySet()) {
            JsonNode truth = e.getValue();
            if (!"kbis".equals(truth.path("document_type").asText()) || truth.path("expect_error").asBoolean()) {
                continue;
            }
            String kind = metas.get(e.getKey()).path("rendering").asText();
            JsonNode fields = results.get(e.getKey()).get("fields");
            KbisScorer.score(e.getKey(), truth, fields, perKind.computeIfAbsent(kind, k -> new KbisScorer.Tally()));
            KbisScorer.score(e.getKey(), truth, fields, overall);
        }
        StringBuilder report = new StringBuilder("Kbis field accuracy per rendering kind\n");
        perKind.forEach((kind, t) -> report.append(String.format(java.util.Locale.ROOT, "  %-14s %.4f (%d/%d)%n",
                kind, t.accuracy(), t.correct, t.counted)));
        report.append(String.format(java.util.Locale.ROOT, "  %-14s %.4f (%d/%d)%n", "overall", overall.accuracy(),
                overall.correct, overall.counted));
        report.append("\nPer field (all kinds)\n");
        overall.perField.forEach((f, c) -> report.append(String.format(java.util.Locale.ROOT, "  %-28s %d/%d%n",
                f, c[0], c[1])));
        report.append("\nWrong fields\n");
        overall.wrong.forEach(w -> report.append("  ").append(w).append('\n'));
        Files.writeString(Path.of("target", "kbis-accuracy.txt"), report, StandardCharsets.UTF_8);
        LOG.info("\n{}", report);

        FLOORS.forEach((kind, floor) -> assertThat(perKind.get(kind).accuracy())
                .as("field accuracy of %s documents", kind).isGreaterThanOrEqualTo(floor));
    }

    @Test
    void badInputsAreErrorsOrNotTypedKbis() {
        for (var e : truths.entrySet()) {
            JsonNode truth = e.getValue();
            JsonNode result = results.get(e.getKey());
            if (truth.path("expect_error").asBoolean()) {
                assertThat(result.get("status").asText()).as(e.getKey()).isEqualTo("error");
                assertThat(result.get("errors")).as(e.getKey()).isNotEmpty();
            } else if ("other".equals(truth.path("document_type").asText())) {
                assertThat(result.get("document_type").asText()).as(e.getKey()).isNotEqualTo("kbis");
            } else {
                assertThat(result.get("document_type").asText()).as(e.getKey()).isEqualTo("kbis");
                assertThat(result.get("status").asText()).as(e.getKey()).isIn("ok", "needs_review");
            }
        }
    }

    private static String id(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }
}
