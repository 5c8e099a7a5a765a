package fr.novaevo.workstation.app.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.ocr.batch.BatchInfo;
import fr.novaevo.workstation.ocr.batch.BatchInputs;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.BatchState;
import fr.novaevo.workstation.ocr.batch.DocumentRow;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.PageGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation's document batches on a real H2 file and real corpus files, without the window. */
class DocumentBatchesTest {

    @TempDir
    Path dir;

    private Workstation open() {
        return Workstation.open(LaunchOptions.inside(dir), Clock.systemDefaultZone());
    }

    /** A born-digital extract of the shared corpus, copied into {@code folder}. */
    private static Path extract(Path folder) throws Exception {
        Path corpus = Stream.of("../../shared/corpus/kbis", "../shared/corpus/kbis").map(p -> Path.of(p).toAbsolutePath())
                .filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no shared Kbis corpus"));
        Files.createDirectories(folder);
        // kbis-dev-003 is born-digital (its meta.json), one page
        return Files.copy(corpus.resolve("kbis-dev-003.pdf"), folder.resolve("kbis.pdf"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(end);
            Thread.sleep(100);
        }
    }

    @Test
    void everyFileIsCheckedBeforeTheRunWithItsReason() throws Exception {
        Path good = extract(dir.resolve("in"));
        Files.write(dir.resolve("in/empty.pdf"), new byte[0]);
        Files.writeString(dir.resolve("in/letter.pdf"), "Dear sir, this is not a PDF");
        try (Workstation workstation = open()) {
            List<BatchInputs.InputFile> checked = workstation.documents().check(
                    List.of(dir.resolve("in"), dir.resolve("gone.pdf")));
            assertThat(checked).extracting(f -> f.file().getFileName() + " "
                            + f.problem().map(p -> p.code()).orElse("ok"))
                    .containsExactlyInAnyOrder(good.getFileName() + " ok", "empty.pdf OCR-EMPTY-FILE",
                            "letter.pdf OCR-UNSUPPORTED-TYPE", "gone.pdf BATCH-FILE-MISSING");
        }
    }

    @Test
    void aReviewedResultIsStoredAndItsPagesAreFoundAgainAfterARestart() throws Exception {
        Path file = extract(dir.resolve("in"));
        long documentId;
        List<PageGeometry> seen;
        try (Workstation workstation = open()) {
            DocumentBatches documents = workstation.documents();
            long id = documents.submit(BatchRequest.now("test", List.of(file), 0));
            assertThat(documents.run(id, DocumentBatches.UNWATCHED, documents.settings()).info().state())
                    .isEqualTo(BatchState.COMPLETED);
            assertThat(documents.live(id)).as("nothing left running").isEmpty();
            DocumentRow row = documents.store().rows(id).getFirst();
            assertThat(row.resultStatus()).contains("needs_review");
            assertThat(documents.store().needingReview(10)).extracting(DocumentRow::id).containsExactly(row.id());
            documentId = row.id();
            seen = documents.reviews().pages(file, DocumentBatches.UNWATCHED);

            assertThatThrownBy(() -> documents.reviews().correct(documentId, FieldKey.SIREN, "123456789"))
                    .isInstanceOf(WorkstationException.class).hasMessageContaining("not a valid siren");
            documents.reviews().correct(documentId, FieldKey.DENOMINATION, "NOM CORRIGÉ");
            DocumentResult validated = documents.reviews().validate(documentId);
            assertThat(validated.status()).isEqualTo(DocumentStatus.OK);
            assertThat(documents.reviews().result(documentId).orElseThrow().extraction().orElseThrow()
                    .value(FieldKey.DENOMINATION)).contains("NOM CORRIGÉ");
            assertThat(documents.store().needingReview(10)).isEmpty();
            assertThat(documents.store().rows(id).getFirst().lastError()).as("the list's reason is the reviewed one")
                    .hasValueSatisfying(r -> assertThat(r).startsWith(validated.issues().getFirst().code() + ": "));
            DocumentResult withoutReasons = validated.with(DocumentStatus.OK, validated.extraction(), List.of());
            assertThat(documents.store().saveReviewed(documentId, withoutReasons)).isTrue();
            assertThat(documents.store().rows(id).getFirst().lastError()).as("no reason left, none shown").isEmpty();
            assertThat(documents.store().saveReviewed(documentId, validated)).isTrue();
            assertThat(documents.reviews().reviewHistory(file)).hasSize(2);
        }
        try (Workstation again = open()) {
            DocumentBatches documents = again.documents();
            assertThat(documents.reviews().result(documentId).orElseThrow().status()).isEqualTo(DocumentStatus.OK);
            List<PageGeometry> pages = documents.reviews().pages(file, DocumentBatches.UNWATCHED);
            assertThat(pages).as("read again: a stored result keeps no page frames").isEqualTo(seen).hasSize(1);
            BufferedImage image = documents.reviews().pageImage(file, pages.getFirst());
            assertThat((double) image.getWidth()).as("a text-layer page at 144 dpi over its points")
                    .isCloseTo(2 * pages.getFirst().width(), org.assertj.core.data.Offset.offset(2.0));
        }
    }

    @Test
    void aNightBatchStartsAtItsTimeAndNotBefore() throws Exception {
        Path file = extract(dir.resolve("in"));
        try (Workstation workstation = open().startMaintenance()) {
            DocumentBatches documents = workstation.documents();
            Instant at = Instant.now().plusSeconds(5);
            long id = documents.submit(new BatchRequest("nuit", List.of(file), 0, Optional.of(at)));
            Thread.sleep(2000);
            assertThat(documents.store().batch(id).orElseThrow().state()).isEqualTo(BatchState.PENDING);
            waitFor(() -> documents.store().batch(id).orElseThrow().state() == BatchState.COMPLETED);
            BatchInfo done = documents.store().batch(id).orElseThrow();
            assertThat(done.startedAt().orElseThrow()).isAfterOrEqualTo(at);
            assertThat(done.startedAt().orElseThrow()).as("at its time, not at the next 30 s look")
                    .isBefore(at.plusSeconds(10));
        }
    }

    @Test
    void closingTheApplicationLeavesARunningBatchToResumeInsteadOfCancellingIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scans"));
        List<Path> scans = new java.util.ArrayList<>();
        for (String id : List.of("kbis-dev-001", "kbis-dev-005", "kbis-dev-008")) {
            // scan-300 extracts (their meta.json): read by Tesseract, a few seconds each
            Path source = Stream.of("../../shared/corpus/kbis", "../shared/corpus/kbis").map(Path::of)
                    .filter(Files::isDirectory).findFirst().orElseThrow().resolve(id + ".pdf");
            scans.add(Files.copy(source, folder.resolve(id + ".pdf")));
        }
        long id;
        try (Workstation workstation = open().startMaintenance()) {
            DocumentBatches documents = workstation.documents();
            id = documents.submit(BatchRequest.now("fermeture", scans, 0));
            waitFor(() -> documents.live(id).isPresent() && !documents.live(id).get().documents().isEmpty());
        }
        try (Workstation again = open()) {
            DocumentBatches documents = again.documents();
            assertThat(documents.store().batch(id).orElseThrow().state()).as("left to resume, not cancelled")
                    .isEqualTo(BatchState.RUNNING);
            assertThat(documents.store().counts(id).cancelled()).isZero();
            assertThat(documents.run(id, DocumentBatches.UNWATCHED, documents.settings()).info().state())
                    .isEqualTo(BatchState.COMPLETED);
            assertThat(documents.store().rows(id)).hasSize(3)
                    .allSatisfy(r -> assertThat(r.resultStatus()).isPresent());
        }
    }

    @Test
    void aBatchThatIsNotRunningIsCancelledAtOnceAndItsDocumentsCannotBeReviewed() throws Exception {
        Path file = extract(dir.resolve("in"));
        try (Workstation workstation = open()) {
            DocumentBatches documents = workstation.documents();
            long id = documents.submit(new BatchRequest("demain", List.of(file), -3,
                    Optional.of(Instant.now().plus(Duration.ofDays(1)))));
            long documentId = documents.store().rows(id).getFirst().id();
            assertThat(documents.store().saveReviewed(documentId, DocumentResult.error(file,
                    new fr.novaevo.workstation.ocr.result.Issue("X", "x")))).as("not read yet").isFalse();
            assertThat(documents.cancel(id)).isTrue();
            assertThat(documents.store().batch(id).orElseThrow().state()).isEqualTo(BatchState.CANCELLED);
            assertThat(documents.store().counts(id).cancelled()).isEqualTo(1);
            assertThat(documents.store().rows(id).getFirst().lastError().orElseThrow()).startsWith("OCR-CANCELLED");
        }
    }
}
