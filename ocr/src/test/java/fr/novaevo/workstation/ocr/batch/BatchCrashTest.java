package fr.novaevo.workstation.ocr.batch;

import static fr.novaevo.workstation.ocr.batch.BatchTestSupport.QUIET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.testing.ChildJvm;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of the issue: a batch of 50 documents killed with SIGKILL in the middle of its run, restarted,
 * completes with every document exactly once in the exports, and the documents finished before the kill are
 * not read again.
 */
class BatchCrashTest {

    private static final int DOCUMENTS = 50;

    @TempDir
    Path dir;

    @Test
    void aBatchKilledMidRunResumesAndExportsEveryDocumentExactlyOnce() throws Exception {
        List<Path> inputs = BatchTestSupport.copies(dir.resolve("inputs"), DOCUMENTS);
        Path data = dir.resolve("data");

        try (ChildJvm child = ChildJvm.start(BatchCrashChild.class, data.toString(), dir.resolve("inputs").toString())) {
            child.awaitLine("BATCH 1", Duration.ofSeconds(60));
            child.awaitLine("DONE 12", Duration.ofSeconds(90));
            child.kill();
        }

        Map<String, AtomicInteger> readAgain = new ConcurrentHashMap<>();
        WorkerProcessor.Factory real = KbisWorkerProcessors.factory(DocumentLimits.DEFAULT, Clock.systemUTC());
        WorkerProcessor.Factory counting = () -> {
            WorkerProcessor processor = real.open();
            return new WorkerProcessor() {
                @Override
                public DocumentResult process(Path file, JobContext job) {
                    readAgain.computeIfAbsent(file.getFileName().toString(), k -> new AtomicInteger()).incrementAndGet();
                    return processor.process(file, job);
                }

                @Override
                public void close() {
                    processor.close();
                }
            };
        };
        try (Database database = BatchTestSupport.open(data, Clock.systemUTC())) {
            BatchEngine engine = new BatchEngine(database.dataSource(), counting, BatchSettings.defaults().withWorkers(2),
                    Clock.systemUTC());
            BatchStore store = engine.store();
            BatchCounts atKill = store.counts(1);
            assertThat(store.batch(1).orElseThrow().state()).isEqualTo(BatchState.RUNNING);
            assertThat(atKill.total()).isEqualTo(DOCUMENTS);
            assertThat(atKill.completed()).as("finished before the kill").isBetween(12, DOCUMENTS - 1);
            Set<String> finishedBefore = store.documents(1, DocumentState.COMPLETED).stream()
                    .map(d -> d.file().getFileName().toString()).collect(Collectors.toSet());

            // the restart: the application resumes what was interrupted
            List<BatchReport> resumed = new BatchScheduler(engine, Clock.systemUTC(), Duration.ofSeconds(5))
                    .runPending(batch -> QUIET);
            assertThat(resumed).hasSize(1);
            BatchReport report = resumed.getFirst();

            assertThat(report.info().id()).isEqualTo(1);
            assertThat(report.info().state()).isEqualTo(BatchState.COMPLETED);
            assertThat(report.counts()).isEqualTo(new BatchCounts(0, 0, DOCUMENTS, 0, 0));
            assertThat(readAgain.keySet()).doesNotContainAnyElementsOf(finishedBefore)
                    .hasSize(DOCUMENTS - finishedBefore.size());
            assertThat(readAgain.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));

            BatchExports exports = new BatchExports(store);
            Path jsonl = dir.resolve("results.jsonl");
            Path xlsx = dir.resolve("results.xlsx");
            assertThat(exports.writeJsonLines(1, jsonl)).isEqualTo(DOCUMENTS);
            exports.writeExcel(1, xlsx, QUIET);

            Set<String> expected = new HashSet<>(inputs.stream().map(Path::toString).toList());
            List<JsonNode> lines = BatchTestSupport.jsonLines(jsonl);
            List<String> jsonFiles = lines.stream().map(l -> l.get("file").asText()).toList();
            assertThat(jsonFiles).hasSize(DOCUMENTS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            assertThat(lines).allSatisfy(l -> assertThat(l.get("document_type").asText()).isEqualTo("kbis"));
            assertThat(BatchTestSupport.excelFiles(xlsx)).hasSize(DOCUMENTS).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
