package fr.novaevo.workstation.ocr.batch;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.testing.MutableClock;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSchedulerTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T20:00:00Z"));

    private static WorkerProcessor.Factory reading(List<String> read) {
        return () -> new WorkerProcessor() {
            @Override
            public DocumentResult process(Path file, JobContext job) {
                read.add(file.getFileName().toString());
                return new DocumentResult(file, DocumentStatus.OK, DocumentType.KBIS, Optional.empty(), List.of());
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private List<Path> files(String prefix, int n) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            made.add(Files.writeString(folder.resolve(prefix + i + ".pdf"), prefix + i));
        }
        return made;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(end);
            Thread.sleep(20);
        }
    }

    @Test
    void atStartTheInterruptedBatchIsResumedFirstThenTheDueOnesAndTheNightBatchWhenItsTimeComes() throws Exception {
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        List<Long> ran = Collections.synchronizedList(new ArrayList<>());
        try (Database db = BatchTestSupport.open(dir.resolve("data"), clock)) {
            BatchEngine engine = new BatchEngine(db.dataSource(), reading(read), BatchSettings.defaults().withWorkers(1),
                    clock);
            BatchStore store = engine.store();
            long interrupted = engine.submit(BatchRequest.now("interrompu", files("i", 3), -10));
            // as a kill -9 leaves it: the batch running, one document taken
            store.markRunning(interrupted, clock.instant());
            assertThat(store.claim(interrupted, clock.instant())).isPresent();
            long urgent = engine.submit(BatchRequest.now("urgent", files("u", 2), 10));
            long night = engine.submit(new BatchRequest("nuit", files("n", 2), 10,
                    Optional.of(clock.instant().plus(Duration.ofHours(1)))));

            try (BatchScheduler scheduler = new BatchScheduler(engine, clock, Duration.ofMillis(100))) {
                scheduler.start(batch -> {
                    ran.add(batch.id());
                    return BatchTestSupport.QUIET;
                });
                await(() -> store.batch(urgent).orElseThrow().state() == BatchState.COMPLETED
                        && engine.runningBatches().isEmpty());

                assertThat(ran).containsExactly(interrupted, urgent);
                assertThat(store.batch(interrupted).orElseThrow().state()).isEqualTo(BatchState.COMPLETED);
                assertThat(read.subList(0, 3)).containsExactly("i0.pdf", "i1.pdf", "i2.pdf");
                assertThat(store.batch(night).orElseThrow().state()).isEqualTo(BatchState.PENDING);

                clock.advance(Duration.ofHours(1));
                scheduler.wake();
                await(() -> store.batch(night).orElseThrow().state() == BatchState.COMPLETED
                        && engine.runningBatches().isEmpty());
                assertThat(ran).containsExactly(interrupted, urgent, night);
                assertThat(read).hasSize(7).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void runPendingRunsWhatIsDueOnTheCallersThreadAndLeavesFutureBatches() throws Exception {
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        try (Database db = BatchTestSupport.open(dir.resolve("data"), clock)) {
            BatchEngine engine = new BatchEngine(db.dataSource(), reading(read), BatchSettings.defaults().withWorkers(1),
                    clock);
            long low = engine.submit(BatchRequest.now("bas", files("l", 1), -1));
            long high = engine.submit(BatchRequest.now("haut", files("h", 1), 1));
            long later = engine.submit(new BatchRequest("plus tard", files("x", 1), 10,
                    Optional.of(clock.instant().plusSeconds(60))));

            List<BatchReport> reports = new BatchScheduler(engine, clock, Duration.ofSeconds(1))
                    .runPending(batch -> BatchTestSupport.QUIET);

            assertThat(reports).extracting(r -> r.info().id()).containsExactly(high, low);
            assertThat(engine.store().batch(later).orElseThrow().state()).isEqualTo(BatchState.PENDING);
            assertThat(engine.store().nextStart(clock.instant())).contains(clock.instant().plusSeconds(60));
        }
    }

    @Test
    void aBatchTheApplicationReadsAnotherWayIsLeftAloneAndEveryRunItAllowsIsEnded() throws Exception {
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        try (Database db = BatchTestSupport.open(dir.resolve("data"), clock)) {
            BatchEngine engine = new BatchEngine(db.dataSource(), reading(read), BatchSettings.defaults().withWorkers(1),
                    clock);
            long elsewhere = engine.submit(BatchRequest.now("commande", files("c", 1), 5));
            long mine = engine.submit(BatchRequest.now("file", files("f", 1), 0));
            List<Long> begun = new ArrayList<>();
            List<Long> ended = new ArrayList<>();

            List<BatchReport> reports = new BatchScheduler(engine, clock, Duration.ofSeconds(1))
                    .runPending(new BatchScheduler.Runs() {
                        @Override
                        public Optional<JobContext> begin(BatchInfo batch) {
                            begun.add(batch.id());
                            return batch.id() == elsewhere ? Optional.empty() : Optional.of(BatchTestSupport.QUIET);
                        }

                        @Override
                        public void end(BatchInfo batch) {
                            ended.add(batch.id());
                        }
                    });

            assertThat(begun).as("the most urgent is offered first, and nothing more this round").containsExactly(elsewhere);
            assertThat(reports).isEmpty();
            assertThat(ended).isEmpty();
            assertThat(engine.store().batch(elsewhere).orElseThrow().state()).isEqualTo(BatchState.PENDING);

            engine.run(elsewhere, BatchTestSupport.QUIET, 1);
            reports = new BatchScheduler(engine, clock, Duration.ofSeconds(1)).runPending(batch -> BatchTestSupport.QUIET);
            assertThat(reports).extracting(r -> r.info().id()).containsExactly(mine);
            assertThat(read).containsExactly("c0.pdf", "f0.pdf");
        }
    }

    /**
     * The start time passes between "not due yet" and "when is the next start?": the batch still runs at once,
     * not at the next idle look (an hour here). The scheduler's clock reads just before the start time twice (the
     * look and the due query), then just after.
     */
    @Test
    void aStartTimeThatPassesWhileTheQueueIsLookedAtIsNotMissed() throws Exception {
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        try (Database db = BatchTestSupport.open(dir.resolve("data"), clock)) {
            BatchEngine engine = new BatchEngine(db.dataSource(), reading(read), BatchSettings.defaults().withWorkers(1),
                    clock);
            Instant at = clock.instant().plus(Duration.ofMinutes(5));
            long night = engine.submit(new BatchRequest("nuit", files("n", 1), 0, Optional.of(at)));
            clock.set(at.plusMillis(1)); // the engine's own clock: once started, the batch is read
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            java.time.Clock straddling = new java.time.Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public java.time.Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return reads.incrementAndGet() <= 2 ? at.minusMillis(1) : at.plusMillis(1);
                }
            };
            try (BatchScheduler scheduler = new BatchScheduler(engine, straddling, Duration.ofHours(1))) {
                scheduler.start(batch -> BatchTestSupport.QUIET);
                await(() -> engine.store().batch(night).orElseThrow().state() == BatchState.COMPLETED);
            }
            assertThat(read).containsExactly("n0.pdf");
        }
    }
}
