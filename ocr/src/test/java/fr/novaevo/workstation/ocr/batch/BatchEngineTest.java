package fr.novaevo.workstation.ocr.batch;

import static fr.novaevo.workstation.ocr.batch.BatchTestSupport.QUIET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.Job;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.jobs.JobRegistry;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.testing.MutableClock;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchEngineTest {

    @TempDir
    Path dir;

    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private Database database(Clock clock) {
        Database db = BatchTestSupport.open(dir.resolve("data"), clock);
        opened.add(db);
        return db;
    }

    private static BatchSettings quick(int workers) {
        return BatchSettings.defaults().withWorkers(workers)
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    /** A processor made of a function, counting the documents it is given. */
    private static WorkerProcessor.Factory fake(Map<String, AtomicInteger> calls,
                                                BiFunction<Path, JobContext, DocumentResult> body) {
        return () -> new WorkerProcessor() {
            @Override
            public DocumentResult process(Path file, JobContext job) {
                calls.computeIfAbsent(file.getFileName().toString(), k -> new AtomicInteger()).incrementAndGet();
                return body.apply(file, job);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private static DocumentResult ok(Path file) {
        return new DocumentResult(file, DocumentStatus.NEEDS_REVIEW, DocumentType.OTHER, Optional.empty(),
                List.of(new Issue("OCR-NOT-A-KBIS", "not a Kbis")));
    }

    private List<Path> files(String... names) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        List<Path> made = new ArrayList<>();
        for (String name : names) {
            made.add(Files.writeString(folder.resolve(name), "content of " + name));
        }
        return made;
    }

    @Test
    void readsRealExtractsAndRecordsMissingAndBadFilesAsErrorsExportingEachOnce() throws Exception {
        List<Path> good = BatchTestSupport.copies(dir.resolve("in"), 4);
        Path bad = Files.write(dir.resolve("in/broken.pdf"), "%PDF-1.7\nnot really a pdf".getBytes());
        Path corpus = good.getFirst().getParent();
        Files.copy(BatchTestSupport.bornDigitalCorpus().getFirst().resolveSibling("kbis-dev-030.pdf"),
                corpus.resolve("scan.pdf")); // one scan: read by Tesseract in a worker
        Path missing = dir.resolve("in/absent.pdf");
        Database db = database(Clock.systemUTC());
        BatchEngine engine = new BatchEngine(db.dataSource(),
                KbisWorkerProcessors.factory(DocumentLimits.DEFAULT, Clock.systemUTC()), quick(2), Clock.systemUTC());

        // the folder holds the good and the bad file; the good ones named again are taken once
        long id = engine.submit(BatchRequest.now("corpus", List.of(dir.resolve("in"), good.get(0), missing), 0));
        List<long[]> progress = Collections.synchronizedList(new ArrayList<>());
        BatchReport report = engine.run(id, new JobContext() {
            @Override
            public void progress(long done, long total, String step) {
                progress.add(new long[] {done, total});
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });

        assertThat(report.info().state()).isEqualTo(BatchState.COMPLETED);
        assertThat(report.counts()).isEqualTo(new BatchCounts(0, 0, 7, 0, 0));
        assertThat(progress).anySatisfy(p -> assertThat(p).containsExactly(7, 7));

        Path jsonl = dir.resolve("out/results.jsonl");
        Path xlsx = dir.resolve("out/results.xlsx");
        Files.createDirectories(jsonl.getParent());
        BatchExports exports = new BatchExports(engine.store());
        assertThat(exports.writeJsonLines(id, jsonl)).isEqualTo(7);
        exports.writeExcel(id, xlsx, QUIET);

        List<JsonNode> lines = BatchTestSupport.jsonLines(jsonl);
        assertThat(lines).extracting(l -> Path.of(l.get("file").asText()).getFileName().toString())
                .containsExactlyInAnyOrder("absent.pdf", "broken.pdf", "doc-000.pdf", "doc-001.pdf", "doc-002.pdf",
                        "doc-003.pdf", "scan.pdf");
        JsonNode absent = lines.stream().filter(l -> l.get("file").asText().endsWith("absent.pdf")).findFirst().orElseThrow();
        assertThat(absent.get("status").asText()).isEqualTo("error");
        assertThat(absent.at("/errors/0/code").asText()).isEqualTo(BatchInputs.FILE_MISSING);
        JsonNode broken = lines.stream().filter(l -> l.get("file").asText().endsWith("broken.pdf")).findFirst().orElseThrow();
        assertThat(broken.get("status").asText()).isEqualTo("error");
        assertThat(broken.at("/errors/0/code").asText()).startsWith("OCR-");
        assertThat(lines).filteredOn(l -> l.get("file").asText().contains("doc-"))
                .allSatisfy(l -> {
                    assertThat(l.get("document_type").asText()).isEqualTo("kbis");
                    assertThat(l.at("/fields/siren").asText()).matches("\\d{9}");
                });
        JsonNode scan = lines.stream().filter(l -> l.get("file").asText().endsWith("scan.pdf")).findFirst().orElseThrow();
        assertThat(scan.get("document_type").asText()).isEqualTo("kbis");
        assertThat(scan.at("/fields/siren").asText()).matches("\\d{9}");
        assertThat(BatchTestSupport.excelFiles(xlsx)).hasSize(7).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(lines.stream().map(l -> l.get("file").asText()).toList());
        try (var files = Files.list(jsonl.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("results.jsonl", "results.xlsx");
        }
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffAndOneThatPersistsFailsTheDocumentOnly() throws Exception {
        List<Path> inputs = files("a.pdf", "flaky.pdf", "broken-engine.pdf", "b.pdf");
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Database db = database(Clock.systemUTC());
        BatchEngine engine = new BatchEngine(db.dataSource(), fake(calls, (file, job) -> {
            String name = file.getFileName().toString();
            if (name.equals("broken-engine.pdf")) {
                throw new IllegalStateException("engine crashed");
            }
            if (name.equals("flaky.pdf") && calls.get(name).get() < 3) {
                throw new IllegalStateException("engine busy");
            }
            return ok(file);
        }), quick(2), Clock.systemUTC());

        long id = engine.submit(BatchRequest.now("retries", inputs, 0));
        BatchReport report = engine.run(id, QUIET);

        assertThat(report.info().state()).isEqualTo(BatchState.COMPLETED);
        assertThat(report.counts()).isEqualTo(new BatchCounts(0, 0, 3, 1, 0));
        assertThat(calls.get("flaky.pdf").get()).isEqualTo(3);
        assertThat(calls.get("broken-engine.pdf").get()).isEqualTo(3);
        assertThat(calls.get("a.pdf").get()).isEqualTo(1);
        List<BatchDocument> failed = engine.store().documents(id, DocumentState.FAILED);
        assertThat(failed).singleElement().satisfies(d -> {
            assertThat(d.file().getFileName().toString()).isEqualTo("broken-engine.pdf");
            assertThat(d.attempts()).isEqualTo(3);
        });
        try (var results = engine.store().results(id)) {
            DocumentResult r = results.filter(x -> x.file().endsWith("broken-engine.pdf")).findFirst().orElseThrow();
            assertThat(r.status()).isEqualTo(DocumentStatus.ERROR);
            assertThat(r.issues().getFirst().code()).isEqualTo("OCR-ENGINE-FAILED");
            assertThat(r.issues().getFirst().message()).contains("engine crashed");
        }
    }

    @Test
    void backoffDoublesUpToItsCap() {
        BatchSettings s = BatchSettings.defaults().withRetries(5, Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(List.of(s.backoff(1), s.backoff(2), s.backoff(3), s.backoff(4)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    @Test
    void aDocumentThatHangsItsReaderIsGivenUpAndTheBatchGoesOn() throws Exception {
        List<Path> inputs = files("a.pdf", "hang.pdf", "b.pdf", "c.pdf");
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        CountDownLatch never = new CountDownLatch(1);
        Database db = database(Clock.systemUTC());
        BatchEngine engine = new BatchEngine(db.dataSource(), fake(calls, (file, job) -> {
            if (file.getFileName().toString().equals("hang.pdf")) {
                // a reader stuck in native code: ignores its deadline and interrupts
                while (never.getCount() > 0) {
                    try {
                        never.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        // keeps hanging
                    }
                }
            }
            return ok(file);
        }), quick(1).withDocumentTimeout(Duration.ofMillis(200), Duration.ofMillis(100)), Clock.systemUTC());
        try {
            long id = engine.submit(BatchRequest.now("hang", inputs, 0));
            BatchReport report = engine.run(id, QUIET);

            assertThat(report.info().state()).isEqualTo(BatchState.COMPLETED);
            assertThat(report.counts().completed()).isEqualTo(4);
            assertThat(calls.keySet()).containsExactlyInAnyOrder("a.pdf", "hang.pdf", "b.pdf", "c.pdf");
            try (var results = engine.store().results(id)) {
                DocumentResult hung = results.filter(r -> r.file().endsWith("hang.pdf")).findFirst().orElseThrow();
                assertThat(hung.issues().getFirst().code()).isEqualTo("OCR-TIMEOUT");
            }
        } finally {
            never.countDown();
        }
    }

    @Test
    void cancellingStopsTheBatchAndEveryDocumentStillHasOneResult() throws Exception {
        List<Path> inputs = files("a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf", "f.pdf");
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        CountDownLatch started = new CountDownLatch(1);
        Database db = database(Clock.systemUTC());
        BatchEngine[] engine = new BatchEngine[1];
        engine[0] = new BatchEngine(db.dataSource(), fake(calls, (file, job) -> {
            if (file.getFileName().toString().equals("b.pdf")) {
                started.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!job.isCancelled() && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return DocumentResult.error(file, new Issue("OCR-CANCELLED", "cancelled while reading"));
            }
            return ok(file);
        }), quick(1), Clock.systemUTC());
        long id = engine[0].submit(BatchRequest.now("cancel", inputs, 0));
        Thread canceller = Thread.ofPlatform().start(() -> {
            try {
                if (started.await(30, TimeUnit.SECONDS)) {
                    engine[0].cancel(id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        BatchReport report = engine[0].run(id, QUIET);
        canceller.join(30_000);

        assertThat(report.info().state()).isEqualTo(BatchState.CANCELLED);
        assertThat(report.counts()).isEqualTo(new BatchCounts(0, 0, 1, 0, 5));
        assertThat(calls.keySet()).containsExactlyInAnyOrder("a.pdf", "b.pdf");
        Path jsonl = dir.resolve("cancelled.jsonl");
        assertThat(new BatchExports(engine[0].store()).writeJsonLines(id, jsonl)).isEqualTo(6);
        assertThat(BatchTestSupport.jsonLines(jsonl)).filteredOn(l -> !l.get("file").asText().endsWith("a.pdf"))
                .allSatisfy(l -> assertThat(l.at("/errors/0/code").asText()).isEqualTo("OCR-CANCELLED"));
        assertThat(engine[0].cancel(id)).isFalse();
    }

    @Test
    void theMostUrgentDueBatchRunsFirstAndANightBatchWaitsForItsTime() throws Exception {
        List<Path> inputs = files("a.pdf");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T18:00:00Z"));
        Database db = database(clock);
        BatchEngine engine = new BatchEngine(db.dataSource(), fake(new ConcurrentHashMap<>(), (f, j) -> ok(f)), quick(1), clock);
        long low = engine.submit(BatchRequest.now("low", inputs, -5));
        long night = engine.submit(new BatchRequest("night", inputs, 10, Optional.of(Instant.parse("2026-11-21T22:00:00Z"))));
        long high = engine.submit(BatchRequest.now("high", inputs, 7));

        assertThatThrownBy(() -> engine.run(night, QUIET)).isInstanceOf(WorkstationException.class)
                .extracting(e -> ((WorkstationException) e).code()).isEqualTo("BATCH-NOT-DUE");
        assertThat(engine.runNextDue(QUIET).orElseThrow().info().id()).isEqualTo(high);
        assertThat(engine.runNextDue(QUIET).orElseThrow().info().id()).isEqualTo(low);
        assertThat(engine.runNextDue(QUIET)).isEmpty();
        clock.set(Instant.parse("2026-11-21T22:00:00Z"));
        assertThat(engine.runNextDue(QUIET).orElseThrow().info()).satisfies(info -> {
            assertThat(info.id()).isEqualTo(night);
            assertThat(info.state()).isEqualTo(BatchState.COMPLETED);
        });
        assertThatThrownBy(() -> BatchRequest.now("x", inputs, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentsLeftRunningByACrashAreReadAgainUnlessTheyCrashedItTooOften() throws Exception {
        List<Path> inputs = files("a.pdf", "b.pdf", "c.pdf");
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Database db = database(Clock.systemUTC());
        BatchEngine engine = new BatchEngine(db.dataSource(), fake(calls, (f, j) -> ok(f)), quick(1), Clock.systemUTC());
        long id = engine.submit(BatchRequest.now("crash", inputs, 0));
        BatchStore store = engine.store();
        // as a crashed run leaves them: a finished, b taken three times (each run died on it), c taken once
        BatchDocument a = store.claim(id, Instant.now()).orElseThrow();
        store.finish(a.id(), DocumentState.COMPLETED, ok(a.file()), Instant.now());
        BatchDocument b = store.claim(id, Instant.now()).orElseThrow();
        for (int i = 0; i < 2; i++) {
            store.recover(id, 99, Instant.now());
            assertThat(store.claim(id, Instant.now()).orElseThrow().id()).isEqualTo(b.id());
        }
        store.claim(id, Instant.now()).orElseThrow();

        BatchReport report = engine.run(id, QUIET);

        assertThat(report.info().state()).isEqualTo(BatchState.COMPLETED);
        assertThat(report.counts()).isEqualTo(new BatchCounts(0, 0, 2, 1, 0));
        assertThat(calls.keySet()).containsExactly("c.pdf");
        assertThat(store.documents(id, DocumentState.FAILED)).singleElement()
                .satisfies(d -> assertThat(d.file().getFileName().toString()).isEqualTo("b.pdf"));
    }

    @Test
    void pastItsTimeLimitABatchCancelsTheDocumentsNotStartedWithTheReason() throws Exception {
        List<Path> inputs = files("a.pdf", "slow.pdf", "c.pdf", "d.pdf");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T20:00:00Z"));
        Database db = database(clock);
        BatchEngine engine = new BatchEngine(db.dataSource(), fake(new ConcurrentHashMap<>(), (file, job) -> {
            if (file.getFileName().toString().equals("slow.pdf")) {
                clock.advance(Duration.ofHours(5)); // as if this document took five hours
            }
            return ok(file);
        }), quick(1).withBatchTimeout(Duration.ofHours(4)), clock);
        long id = engine.submit(BatchRequest.now("night", inputs, 0));

        BatchReport report = engine.run(id, QUIET);

        assertThat(report.info().state()).isEqualTo(BatchState.CANCELLED);
        assertThat(report.counts()).isEqualTo(new BatchCounts(0, 0, 2, 0, 2));
        try (var results = engine.store().results(id)) {
            assertThat(results.filter(r -> r.status() == DocumentStatus.ERROR).map(r -> r.issues().getFirst().code()))
                    .containsExactly(BatchEngine.BATCH_TIMEOUT, BatchEngine.BATCH_TIMEOUT);
        }
    }

    @Test
    void runsAsACoreJobWithProgressAndStopsWhenTheJobIsCancelled() throws Exception {
        List<Path> inputs = files("a.pdf", "b.pdf", "c.pdf", "d.pdf");
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Database db = database(Clock.systemUTC());
        BatchEngine engine = new BatchEngine(db.dataSource(), fake(new ConcurrentHashMap<>(), (file, job) -> {
            if (file.getFileName().toString().equals("b.pdf")) {
                secondStarted.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return job.isCancelled() ? DocumentResult.error(file, new Issue("OCR-CANCELLED", "cancelled")) : ok(file);
            }
            return ok(file);
        }), quick(1), Clock.systemUTC());
        long id = engine.submit(BatchRequest.now("job", inputs, 0));
        try (JobRegistry jobs = new JobRegistry(Clock.systemUTC(), 1)) {
            Job<BatchReport> job = jobs.submit("docs.batch", "job", ctx -> engine.run(id, ctx));
            assertThat(secondStarted.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(job.snapshot().progress().done()).isEqualTo(1);
            assertThat(job.snapshot().progress().total()).isEqualTo(4);
            job.cancel();
            release.countDown();
            assertThatThrownBy(() -> job.result().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
        }
        BatchReport report = engine.report(id);
        assertThat(report.info().state()).isEqualTo(BatchState.CANCELLED);
        assertThat(report.counts()).isEqualTo(new BatchCounts(0, 0, 1, 0, 3));
    }

    @Test
    void foldersExpandToTheirVisibleFilesOnceEach() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(folder.resolve("one.pdf"), "1");
        Files.writeString(dir.resolve("tree/two.png"), "2");
        Files.createDirectories(dir.resolve("tree/.cache"));
        Files.writeString(dir.resolve("tree/.cache/hidden.pdf"), "3");
        Files.writeString(dir.resolve("tree/.hidden.pdf"), "4");

        List<BatchInputs.InputFile> files = BatchInputs.expand(
                List.of(dir.resolve("tree"), folder.resolve("one.pdf"), dir.resolve("nowhere.pdf")));

        assertThat(files).extracting(f -> dir.relativize(f.file()).toString())
                .containsExactly("tree/sub/one.pdf", "tree/two.png", "nowhere.pdf");
        assertThat(files.get(2).problem()).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("BATCH-FILE-MISSING"));
        assertThat(files.get(0).problem()).isEmpty();
    }

    @Test
    void aStoredResultReadsBackAsItWasWritten() throws Exception {
        List<Path> good = BatchTestSupport.copies(dir.resolve("one"), 1);
        DocumentResult result = KbisWorkerProcessors.factory(DocumentLimits.DEFAULT, Clock.systemUTC()).open()
                .process(good.getFirst(), QUIET);
        assertThat(result.extraction()).isPresent();

        DocumentResult back = ResultCodec.decode(ResultCodec.encode(result));

        assertThat(back.file()).isEqualTo(result.file());
        assertThat(back.status()).isEqualTo(result.status());
        assertThat(back.documentType()).isEqualTo(result.documentType());
        assertThat(back.extraction()).isEqualTo(result.extraction());
        assertThat(back.issues()).isEqualTo(result.issues());
    }
}
