package fr.novaevo.workstation.ocr.watch;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.ocr.QuietJob;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.core.testing.MutableClock;
import fr.novaevo.workstation.ocr.batch.BatchDocument;
import fr.novaevo.workstation.ocr.batch.BatchEngine;
import fr.novaevo.workstation.ocr.batch.BatchInfo;
import fr.novaevo.workstation.ocr.batch.BatchSettings;
import fr.novaevo.workstation.ocr.batch.BatchStore;
import fr.novaevo.workstation.ocr.batch.DocumentState;
import fr.novaevo.workstation.ocr.batch.KbisWorkerProcessors;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchFolderTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private BatchEngine engine(Clock c) {
        Database db = Database.open(DataLayout.at(dir.resolve("data")), List.of(new SchemaModule("core"),
                BatchStore.SCHEMA), c);
        opened.add(db);
        return new BatchEngine(db.dataSource(), KbisWorkerProcessors.factory(DocumentLimits.DEFAULT, c),
                BatchSettings.defaults().withWorkers(1), c);
    }

    private Path inbox() throws IOException {
        return Files.createDirectories(dir.resolve("depot"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void aFileIsTakenOnceStableMovedToProcessedAndSubmittedWithTheConfiguredPriority() throws Exception {
        Path inbox = inbox();
        BatchEngine engine = engine(clock);
        WatchFolder watch = new WatchFolder(new WatchFolderSettings(inbox, 5, Duration.ofSeconds(10),
                Duration.ofSeconds(2)), opened.getFirst().dataSource(), engine::submit, clock, PARIS);
        List<Long> told = new ArrayList<>();
        watch.onSubmitted(told::add);

        Path file = inbox.resolve("kbis garage.pdf");
        Files.write(file, "%PDF-1.7 first half".getBytes());
        Files.write(inbox.resolve("copie.pdf.part"), "still downloading".getBytes());
        Files.write(inbox.resolve(".cache"), "hidden".getBytes());
        watch.scanOnce();
        clock.advance(Duration.ofSeconds(3));
        Files.write(file, " second half".getBytes(), StandardOpenOption.APPEND); // still being copied
        watch.scanOnce();
        assertThat(watch.status().waiting()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        watch.scanOnce();
        assertThat(engine.store().batches()).as("not stable for 2 s yet").isEmpty();

        clock.advance(Duration.ofSeconds(2));
        watch.scanOnce();

        Path stored = inbox.resolve("traités/2026-11-21/kbis garage.pdf");
        assertThat(names(inbox)).containsExactly(".cache", "copie.pdf.part", "traités/2026-11-21/kbis garage.pdf");
        assertThat(Files.readString(stored)).isEqualTo("%PDF-1.7 first half second half");
        BatchInfo batch = engine.store().batches().getFirst();
        assertThat(batch.name()).isEqualTo("Dossier surveillé 21/11/2026 09:00");
        assertThat(batch.priority()).isEqualTo(5);
        assertThat(engine.store().documents(batch.id(), DocumentState.PENDING)).extracting(BatchDocument::file)
                .containsExactly(stored);
        assertThat(told).containsExactly(batch.id());
        assertThat(watch.status().taken()).isEqualTo(1);
        assertThat(watch.status().batches()).containsExactly(batch.id());

        clock.advance(Duration.ofSeconds(10));
        watch.scanOnce();
        assertThat(engine.store().batches()).hasSize(1);
    }

    @Test
    void theSameContentIsNeverSubmittedTwiceEvenAfterARestart() throws Exception {
        Path inbox = inbox();
        BatchEngine engine = engine(clock);
        WatchFolderSettings settings = new WatchFolderSettings(inbox, 0, Duration.ofSeconds(10), Duration.ofSeconds(2));
        WatchFolder first = new WatchFolder(settings, opened.getFirst().dataSource(), engine::submit, clock, PARIS);
        Files.writeString(inbox.resolve("a.pdf"), "content A");
        first.scanOnce();
        clock.advance(Duration.ofSeconds(3));
        first.scanOnce();
        assertThat(engine.store().batches()).hasSize(1);

        // the application restarts; the user drops the same content again, under another name
        WatchFolder second = new WatchFolder(settings, opened.getFirst().dataSource(), engine::submit, clock, PARIS);
        Files.writeString(inbox.resolve("a encore.pdf"), "content A");
        Files.writeString(inbox.resolve("b.pdf"), "content B");
        second.scanOnce();
        clock.advance(Duration.ofSeconds(3));
        second.scanOnce();

        assertThat(engine.store().batches()).hasSize(2);
        BatchInfo latest = engine.store().batches().getFirst();
        assertThat(engine.store().documents(latest.id(), DocumentState.PENDING)).extracting(d -> d.file().getFileName()
                .toString()).containsExactly("b.pdf");
        assertThat(names(inbox)).containsExactly("traités/2026-11-21/a.pdf", "traités/2026-11-21/b.pdf",
                "traités/doublons/a encore.pdf");
        assertThat(second.status().problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(WatchProblem.DUPLICATE);
            assertThat(p.file()).isEqualTo("a encore.pdf");
        });
    }

    @Test
    void filesTakenWhenTheBatchCouldNotBeRecordedAreSubmittedAtTheNextScanOrStart() throws Exception {
        Path inbox = inbox();
        BatchEngine engine = engine(clock);
        AtomicBoolean refuse = new AtomicBoolean(true);
        WatchFolder.Submitter flaky = request -> {
            if (refuse.get()) {
                throw new IllegalStateException("database busy");
            }
            return engine.submit(request);
        };
        WatchFolderSettings settings = new WatchFolderSettings(inbox, 0, Duration.ofSeconds(10), Duration.ofSeconds(2));
        WatchFolder watch = new WatchFolder(settings, opened.getFirst().dataSource(), flaky, clock, PARIS);
        Files.writeString(inbox.resolve("a.pdf"), "content A");
        watch.scanOnce();
        clock.advance(Duration.ofSeconds(3));
        watch.scanOnce();
        assertThat(engine.store().batches()).isEmpty();
        assertThat(watch.status().problems()).extracting(WatchProblem::code).containsExactly(WatchProblem.SUBMIT_FAILED);
        assertThat(names(inbox)).containsExactly("traités/2026-11-21/a.pdf");

        refuse.set(false);
        new WatchFolder(settings, opened.getFirst().dataSource(), flaky, clock, PARIS).scanOnce(); // after a restart
        watch.scanOnce();

        assertThat(engine.store().batches()).singleElement().satisfies(b -> assertThat(b.total()).isEqualTo(1));
    }

    @Test
    void aMissingFolderIsReportedOnceAndWatchedAgainWhenItAppears() throws Exception {
        Path inbox = dir.resolve("pas encore");
        BatchEngine engine = engine(clock);
        WatchFolder watch = new WatchFolder(new WatchFolderSettings(inbox, 0, Duration.ofSeconds(10),
                Duration.ofSeconds(2)), opened.getFirst().dataSource(), engine::submit, clock, PARIS);
        watch.scanOnce();
        watch.scanOnce();
        assertThat(watch.status().problems()).extracting(WatchProblem::code).containsExactly(WatchProblem.FOLDER_MISSING);

        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("a.pdf"), "content A");
        watch.scanOnce();
        clock.advance(Duration.ofSeconds(3));
        watch.scanOnce();
        assertThat(engine.store().batches()).hasSize(1);
    }

    @Test
    void theRunningServiceTakesADroppedExtractAndTheBatchReadsItFromTheProcessedFolder() throws Exception {
        Path inbox = inbox();
        BatchEngine engine = engine(Clock.systemUTC());
        Path extract = Path.of("../../shared/corpus/kbis/kbis-dev-001.pdf").toAbsolutePath().normalize();
        if (!Files.exists(extract)) {
            extract = Path.of("../shared/corpus/kbis/kbis-dev-001.pdf").toAbsolutePath().normalize();
        }
        try (WatchFolder watch = new WatchFolder(new WatchFolderSettings(inbox, 0, Duration.ofSeconds(30),
                Duration.ofMillis(300)), opened.getFirst().dataSource(), engine::submit, Clock.systemUTC(), PARIS)) {
            watch.start();
            Files.copy(extract, inbox.resolve("fournisseur.pdf"));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (engine.store().batches().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(watch.status().running()).isTrue();
        }
        BatchInfo batch = engine.store().batches().getFirst();
        var report = engine.runNextDue(QuietJob.INSTANCE).orElseThrow();
        assertThat(report.info().id()).isEqualTo(batch.id());
        try (var results = engine.store().results(batch.id())) {
            assertThat(results.toList()).singleElement().satisfies(r -> {
                assertThat(r.file().toString()).contains("traités");
                assertThat(r.documentType().jsonName()).isEqualTo("kbis");
            });
        }
    }

    @Test
    void theFeatureIsOffUnlessSwitchedOnWithAFolder() {
        assertThat(WatchFolderSettings.from(lookup(Map.of()))).isEmpty();
        assertThat(WatchFolderSettings.from(lookup(Map.of(WatchFolderSettings.FOLDER, "/srv/depot")))).isEmpty();
        assertThat(WatchFolderSettings.from(lookup(Map.of(WatchFolderSettings.ENABLED, "true")))).isEmpty();
        Optional<WatchFolderSettings> on = WatchFolderSettings.from(lookup(Map.of(WatchFolderSettings.ENABLED, "true",
                WatchFolderSettings.FOLDER, "/srv/depot", WatchFolderSettings.PRIORITY, "-3")));
        assertThat(on).hasValueSatisfying(s -> {
            assertThat(s.folder()).isEqualTo(Path.of("/srv/depot"));
            assertThat(s.priority()).isEqualTo(-3);
        });
        assertThat(WatchFolderSettings.from(lookup(Map.of(WatchFolderSettings.ENABLED, "true",
                WatchFolderSettings.FOLDER, "/srv/depot", WatchFolderSettings.PRIORITY, "99"))).orElseThrow().priority())
                .as("out of range").isZero();
    }

    private static java.util.function.Function<String, Optional<String>> lookup(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
