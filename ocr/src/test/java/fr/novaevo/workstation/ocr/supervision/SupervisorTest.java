package fr.novaevo.workstation.ocr.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.audit.JdbcAuditJournal;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.testing.MutableClock;
import fr.novaevo.workstation.ocr.batch.BatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final Metrics metrics = new Metrics();
    private GatedBatch batches;
    private JdbcAuditJournal journal;
    private AlertBook alerts;
    private Supervisor supervisor;
    private final List<String> events = new ArrayList<>();

    /** The process's figures, set by the test (the real JVM's cannot be driven). */
    static final class Metrics implements ProcessMetrics {
        volatile long heapMb = 200;
        volatile OptionalDouble cpu = OptionalDouble.of(10);

        @Override
        public long heapUsedBytes() {
            return heapMb * 1024 * 1024;
        }

        @Override
        public OptionalDouble cpuPercent() {
            return cpu;
        }
    }

    @BeforeEach
    void open() {
        batches = new GatedBatch(dir.resolve("data"), clock);
        journal = new JdbcAuditJournal(batches.database.dataSource(), clock, () -> "Marie Dupont");
        alerts = new AlertBook(batches.database.dataSource(), journal, clock);
        alerts.addListener(new AlertBook.Listener() {
            @Override
            public void raised(Alert alert) {
                events.add("raised " + alert.kind());
            }

            @Override
            public void cleared(Alert alert) {
                events.add("cleared " + alert.kind());
            }
        });
        supervisor = new Supervisor(batches.database.dataSource(), batches.engine::runningBatches, metrics, alerts, clock,
                new Supervisor.Settings(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(31), 1));
    }

    @AfterEach
    void close() {
        supervisor.close();
        batches.close();
    }

    @Test
    void showsActiveQueuedAndFinishedBatchesWithThroughputAndEta() throws Exception {
        long id = batches.start(dir.resolve("in"), "Kbis fournisseurs", "a.pdf", "b.pdf", "c.pdf", "d.pdf");
        long later = batches.engine.submit(fr.novaevo.workstation.ocr.batch.BatchRequest.now("plus tard",
                List.of(dir.resolve("in/a.pdf")), -5));

        clock.advance(Duration.ofMinutes(1));
        batches.release(id);
        clock.advance(Duration.ofMinutes(1));
        batches.release(id);
        SupervisionSnapshot snapshot = supervisor.refresh();

        assertThat(supervisor.latest()).isSameAs(snapshot);
        assertThat(snapshot.active()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo(id);
            assertThat(b.name()).isEqualTo("Kbis fournisseurs");
            assertThat(b.live()).isTrue();
            assertThat(b.finished()).isEqualTo(2);
            assertThat(b.running()).isEqualTo(1);
            assertThat(b.duration()).isEqualTo(Duration.ofMinutes(2));
            assertThat(b.documentsPerMinute()).isCloseTo(1.0, within(1e-9));
            assertThat(b.pagesPerMinute()).isCloseTo(2.0, within(1e-9));
            assertThat(b.eta()).contains(Duration.ofMinutes(2));
            assertThat(b.fraction()).isEqualTo(0.5);
        });
        assertThat(snapshot.queued()).extracting(BatchProgress::id).containsExactly(later);
        assertThat(snapshot.queued().getFirst().eta()).isEmpty();
        assertThat(snapshot.finished()).isEmpty();
        assertThat(snapshot.heapUsedMb()).isEqualTo(200);
        assertThat(snapshot.cpuPercent()).hasValue(10);

        batches.release(id);
        batches.release(id);
        batches.awaitEnd(id);
        SupervisionSnapshot after = supervisor.refresh();
        assertThat(after.active()).isEmpty();
        assertThat(after.finished()).singleElement().satisfies(b -> {
            assertThat(b.state()).isEqualTo(BatchState.COMPLETED);
            assertThat(b.eta()).isEmpty();
            assertThat(b.finished()).isEqualTo(4);
        });
    }

    @Test
    void aDocumentReadTooLongRaisesOneAlertClearedWhenItEndsAndAcknowledgedIntoTheJournal() throws Exception {
        long id = batches.start(dir.resolve("in"), "lot", "slow.pdf", "next.pdf");

        clock.advance(Duration.ofMinutes(29));
        assertThat(supervisor.refresh().alerts()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        supervisor.refresh();
        clock.advance(Duration.ofMinutes(5));
        SupervisionSnapshot still = supervisor.refresh();

        assertThat(still.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.DOCUMENT_DURATION);
            assertThat(a.subjectLabel()).isEqualTo("slow.pdf");
            assertThat(a.limit()).isEqualTo(30);
            assertThat(a.measured()).isEqualTo(36); // the worst seen while it lasts
            assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-11-21T08:31:00Z"));
            assertThat(a.active()).isTrue();
        });
        assertThat(events).containsExactly("raised DOCUMENT_DURATION");

        batches.release(id);
        SupervisionSnapshot ended = supervisor.refresh();
        assertThat(events).containsExactly("raised DOCUMENT_DURATION", "cleared DOCUMENT_DURATION");
        Alert cleared = ended.alerts().getFirst();
        assertThat(cleared.active()).isFalse();
        assertThat(cleared.needsAttention()).as("listed until acknowledged").isTrue();
        assertThat(ended.activeAlerts()).isZero();

        clock.advance(Duration.ofMinutes(1));
        Alert seen = alerts.acknowledge(cleared.id(), "Marie Dupont");
        assertThat(seen.acknowledgedBy()).contains("Marie Dupont");
        assertThat(seen.acknowledgedAt()).contains(clock.instant());
        assertThat(alerts.acknowledge(cleared.id(), "Paul").acknowledgedBy()).contains("Marie Dupont");
        assertThat(supervisor.refresh().alerts()).isEmpty();
        List<AuditEntry> audit = journal.find(AuditQuery.all());
        assertThat(audit).filteredOn(e -> e.action().equals(AlertBook.ACTION_ACKNOWLEDGED)).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("Marie Dupont");
                    assertThat(e.subject()).isEqualTo("ALERT-DOCUMENT-DURATION document:" + cleared.subject()
                            .substring("document:".length()));
                    assertThat(e.details()).contains("slow.pdf", "36", "30");
                });
        assertThatThrownBy(() -> alerts.acknowledge(9999, "Marie"))
                .isInstanceOfSatisfying(WorkstationException.class, e -> assertThat(e.code()).isEqualTo("ALERT-NOT-FOUND"));
    }

    @Test
    void memoryAndCpuAlertsAreRaisedOnceAndComeBackOnlyAfterTheyEnded() {
        metrics.heapMb = 1200;
        metrics.cpu = OptionalDouble.of(95);
        supervisor.refresh();
        clock.advance(Duration.ofSeconds(5));
        supervisor.refresh();
        assertThat(alerts.needingAttention()).extracting(Alert::kind)
                .containsExactlyInAnyOrder(AlertKind.MEMORY, AlertKind.CPU);

        metrics.heapMb = 300;
        clock.advance(Duration.ofSeconds(5));
        supervisor.refresh();
        metrics.heapMb = 1100;
        clock.advance(Duration.ofSeconds(5));
        supervisor.refresh();

        assertThat(events).containsExactly("raised MEMORY", "raised CPU", "cleared MEMORY", "raised MEMORY");
        assertThat(alerts.raisedSince(Instant.EPOCH)).extracting(Alert::kind)
                .containsExactly(AlertKind.MEMORY, AlertKind.CPU, AlertKind.MEMORY);
    }

    @Test
    void startedItMeasuresOnItsOwnThreadAndTellsItsListenersWithTheJvmsOwnFigures() throws Exception {
        java.util.concurrent.BlockingQueue<SupervisionSnapshot> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        try (Supervisor live = new Supervisor(batches.database.dataSource(), batches.engine::runningBatches,
                ProcessMetrics.jvm(), alerts, clock, new Supervisor.Settings(Duration.ofMillis(50), Duration.ofMinutes(1),
                        Duration.ofDays(31), 1))) {
            assertThat(live.latest().heapUsedMb()).as("before the first measure").isZero();
            live.addListener(seen::add);
            live.start();
            SupervisionSnapshot first = seen.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            SupervisionSnapshot second = seen.poll(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(first.heapUsedMb()).isPositive();
            first.cpuPercent().ifPresent(cpu -> assertThat(cpu).isBetween(0.0, 100.0));
            assertThat(live.latest()).as("the newest measure").isNotSameAs(first);
        }
    }

    @Test
    void cpuIsAveragedOverItsWindowSoOneBusyMomentRaisesNothing() {
        Supervisor smoothing = new Supervisor(batches.database.dataSource(), batches.engine::runningBatches, metrics,
                alerts, clock, Supervisor.Settings.defaults());
        for (double cpu : new double[] {20, 20, 20, 20, 20, 99}) {
            metrics.cpu = OptionalDouble.of(cpu);
            smoothing.refresh();
        }
        assertThat(alerts.needingAttention()).isEmpty();
        for (int i = 0; i < 6; i++) {
            metrics.cpu = OptionalDouble.of(90);
            smoothing.refresh();
        }
        assertThat(alerts.needingAttention()).extracting(Alert::kind).containsExactly(AlertKind.CPU);
    }

    @Test
    void thresholdsAreStoredJournaledCheckedAndUsedForBatchDurationAndFailureRate() throws Exception {
        assertThat(alerts.thresholds()).isEqualTo(AlertThresholds.defaults());
        assertThat(AlertThresholds.defaults().limits()).containsEntry(AlertKind.DOCUMENT_DURATION, 30.0)
                .containsEntry(AlertKind.BATCH_DURATION, 240.0).containsEntry(AlertKind.MEMORY, 1000.0)
                .containsEntry(AlertKind.CPU, 80.0).containsEntry(AlertKind.FAILURE_RATE, 20.0);
        alerts.setThreshold(AlertKind.BATCH_DURATION, 60);
        alerts.setThreshold(AlertKind.DOCUMENT_DURATION, 120);
        assertThatThrownBy(() -> alerts.setThreshold(AlertKind.CPU, 150)).isInstanceOf(WorkstationException.class);
        assertThatThrownBy(() -> alerts.setThreshold(AlertKind.MEMORY, 0)).isInstanceOf(WorkstationException.class);
        assertThat(new AlertBook(batches.database.dataSource(), journal, clock).thresholds().limit(AlertKind.BATCH_DURATION))
                .as("read back from the database").isEqualTo(60);
        assertThat(journal.find(AuditQuery.all())).filteredOn(e -> e.action().equals(AlertBook.ACTION_THRESHOLD_CHANGED))
                .extracting(AuditEntry::details).containsExactlyInAnyOrder("240 -> 60 minutes", "30 -> 120 minutes");

        long id = batches.start(dir.resolve("in"), "lot à problèmes", "bad-1.pdf", "bad-2.pdf", "ok-1.pdf", "ok-2.pdf",
                "ok-3.pdf", "ok-4.pdf", "ok-5.pdf");
        for (int i = 0; i < 5; i++) {
            batches.release(id); // 2 errors in 5: 40 %
        }
        clock.advance(Duration.ofMinutes(61));
        supervisor.refresh();

        assertThat(alerts.needingAttention()).extracting(Alert::kind, Alert::subject, Alert::measured)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AlertKind.BATCH_DURATION, "batch:" + id, 61.0),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.FAILURE_RATE, "batch:" + id, 40.0));
        batches.release(id);
        batches.release(id);
        batches.awaitEnd(id);
        supervisor.refresh();
        assertThat(alerts.needingAttention()).noneMatch(Alert::active);
    }

    @Test
    void samplesMakeTheHistoryWhichIsExportedAndPrunedAfterThirtyDays() throws Exception {
        long id = batches.start(dir.resolve("in"), "lot", "a.pdf", "bad-b.pdf", "c.pdf");
        supervisor.refresh(); // first sample at 08:00
        clock.advance(Duration.ofSeconds(30));
        batches.release(id);
        supervisor.refresh(); // not due: 30 s after the previous sample
        clock.advance(Duration.ofSeconds(30));
        batches.release(id);
        metrics.heapMb = 640;
        metrics.cpu = OptionalDouble.of(55);
        supervisor.refresh(); // 08:01: two documents, four pages, one error
        clock.advance(Duration.ofMinutes(1));
        batches.release(id);
        batches.awaitEnd(id);
        supervisor.refresh(); // 08:02: the third

        List<HistoryPoint> day = supervisor.history(HistoryRange.LAST_24_HOURS);
        assertThat(day).hasSize(288);
        assertThat(day.getLast().from()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        HistoryPoint now = day.getLast();
        assertThat(now.samples()).isEqualTo(3);
        assertThat(now.documentsFinished()).isEqualTo(3);
        assertThat(now.documentsFailed()).isEqualTo(1);
        assertThat(now.pagesFinished()).isEqualTo(6);
        assertThat(now.heapUsedMbMax()).isEqualTo(640);
        assertThat(now.cpuPercentMax()).hasValue(55);
        assertThat(now.documentsPerMinute()).isCloseTo(0.6, within(1e-9));
        assertThat(day.subList(0, 287)).allSatisfy(p -> assertThat(p.samples()).isZero());
        assertThat(supervisor.history(HistoryRange.LAST_7_DAYS)).hasSize(336)
                .last().satisfies(p -> assertThat(p.documentsFinished()).isEqualTo(3));
        assertThat(supervisor.history(HistoryRange.LAST_30_DAYS)).hasSize(360);

        Path csv = dir.resolve("historique.csv");
        Path xlsx = dir.resolve("historique.xlsx");
        HistoryExport export = new HistoryExport(java.time.ZoneId.of("Europe/Paris"));
        export.writeCsv(day, csv);
        export.writeExcel(day, xlsx);
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("\uFEFFDébut;Échantillons;Lots actifs (max)");
        assertThat(lines).hasSize(289);
        assertThat(lines.getLast()).startsWith("21/11/2026 09:00;3;1;0;3;1;6;0,6;1,2;640;");
        try (var in = java.nio.file.Files.newInputStream(xlsx);
             var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = book.getSheet("Historique");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Documents traités");
            var last = sheet.getRow(288);
            assertThat(last.getCell(0).getLocalDateTimeCellValue()).isEqualTo("2026-11-21T09:00");
            assertThat(last.getCell(4).getNumericCellValue()).isEqualTo(3.0);
        }

        clock.advance(Duration.ofDays(32));
        supervisor.refresh();
        assertThat(supervisor.history(HistoryRange.LAST_30_DAYS).stream().mapToInt(HistoryPoint::samples).sum())
                .as("only the sample just taken is left").isEqualTo(1);
    }
}
