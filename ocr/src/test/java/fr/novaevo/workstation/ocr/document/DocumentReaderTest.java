package fr.novaevo.workstation.ocr.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.ocr.TestDocuments;
import fr.novaevo.workstation.ocr.engine.PageImages;
import fr.novaevo.workstation.ocr.engine.TesseractOcrEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The reader with a real Tesseract, on files made by the tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentReaderTest {

    private static final List<String> TEXT = List.of(
            "Greffe du Tribunal de Commerce de Nantes",
            "Immatriculation au RCS, numero 518 452 750",
            "Denomination ou raison sociale GARAGE DU PORT",
            "Adresse du siege 12 Rue de la Republique",
            "Forme juridique Societe par actions simplifiee",
            "Capital social 10 000,00 Euros",
            "Date d'immatriculation 19/01/2004",
            "Activites principales Entretien et reparation",
            "Nationalite Francaise",
            "Domicile personnel 5 Boulevard de la Liberte");

    @TempDir
    Path dir;

    private TesseractOcrEngine engine;
    private DocumentReader reader;

    @BeforeAll
    void startEngine() {
        engine = TesseractOcrEngine.withDefaults();
        reader = new DocumentReader(engine, DocumentLimits.DEFAULT);
    }

    @AfterAll
    void stopEngine() {
        engine.close();
    }

    private static Deadline plenty() {
        return Deadline.after(Duration.ofMinutes(2));
    }

    private ReasonCode failure(DocumentReader r, Path file, Deadline deadline) {
        try {
            r.read(file, deadline);
        } catch (DocumentException e) {
            return e.reason();
        }
        throw new AssertionError("expected " + file.getFileName() + " to be refused");
    }

    @Test
    void readsTheTextLayerWithWordPositions() throws IOException {
        Path pdf = TestDocuments.textPdf(dir.resolve("text.pdf"), List.of(TEXT));

        DocumentContent content = reader.read(pdf, plenty());

        assertThat(content.mediaType()).isEqualTo(MediaType.PDF);
        PageContent page = content.pages().getFirst();
        assertThat(page.source()).isEqualTo(TextSource.TEXT_LAYER);
        assertThat(page.width()).isCloseTo(595.3, org.assertj.core.data.Offset.offset(1.0));
        Word greffe = page.words().stream().filter(w -> w.text().equals("Greffe")).findFirst().orElseThrow();
        Word nantes = page.words().stream().filter(w -> w.text().equals("Nantes")).findFirst().orElseThrow();
        Word garage = page.words().stream().filter(w -> w.text().equals("GARAGE")).findFirst().orElseThrow();
        assertThat(greffe.x0()).isCloseTo(60, org.assertj.core.data.Offset.offset(1.0));
        assertThat(nantes.x0()).isGreaterThan(greffe.x1());
        assertThat(Math.abs(nantes.centerY() - greffe.centerY())).isLessThan(2);
        assertThat(garage.y0()).isGreaterThan(greffe.y1()); // top-down coordinates
        assertThat(greffe.confidence()).isEqualTo(1.0);
    }

    @Test
    void recognisesAPageWithoutTextLayerWithTesseract() throws IOException {
        Path pdf = TestDocuments.imagePdf(dir.resolve("scan.pdf"), TestDocuments.page(TEXT));

        PageContent page = reader.read(pdf, plenty()).pages().getFirst();

        assertThat(page.source()).isEqualTo(TextSource.OCR);
        assertThat(page.rotationDegrees()).isZero();
        assertThat(page.words()).extracting(Word::text).contains("Greffe", "Tribunal", "Nantes", "GARAGE", "19/01/2004");
        assertThat(page.meanConfidence()).isGreaterThan(0.8);
    }

    @Test
    void turnsAnUpsideDownScanBackBeforeReadingIt() throws IOException {
        Path png = TestDocuments.png(dir.resolve("upside-down.png"), PageImages.rotate180(TestDocuments.page(TEXT)));

        PageContent page = reader.read(png, plenty()).pages().getFirst();

        assertThat(page.rotationDegrees()).isEqualTo(180);
        assertThat(page.words()).extracting(Word::text).contains("Tribunal", "GARAGE", "Denomination");
    }

    @Test
    void straightensASkewedScan() throws IOException {
        Path png = TestDocuments.png(dir.resolve("skewed.png"), PageImages.rotate(TestDocuments.page(TEXT), 2.0));

        PageContent page = reader.read(png, plenty()).pages().getFirst();

        assertThat(page.skewDegrees()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.3));
        assertThat(page.words()).extracting(Word::text).contains("Tribunal", "GARAGE", "Denomination");
    }

    @Test
    void findsTheTypeFromTheContentNotTheName() throws IOException {
        Path misnamed = TestDocuments.jpeg(dir.resolve("scan.pdf"), TestDocuments.page(TEXT));

        DocumentContent content = reader.read(misnamed, plenty());

        assertThat(content.mediaType()).isEqualTo(MediaType.JPEG);
        assertThat(content.pages().getFirst().words()).extracting(Word::text).contains("Tribunal");
    }

    @Test
    void readsEveryPageOfAMultiPageTiff() throws IOException {
        Path tiff = TestDocuments.multiPageTiff(dir.resolve("two.tif"),
                List.of(TestDocuments.page(TEXT.subList(0, 5)), TestDocuments.page(TEXT.subList(5, 10))));

        DocumentContent content = reader.read(tiff, plenty());

        assertThat(content.mediaType()).isEqualTo(MediaType.TIFF);
        assertThat(content.pages()).hasSize(2);
        assertThat(content.pages().get(1).words()).extracting(Word::text).contains("Capital");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        assertThat(failure(reader, empty, plenty())).isEqualTo(ReasonCode.EMPTY_FILE);
    }

    @Test
    void refusesAMissingFile() {
        assertThat(failure(reader, dir.resolve("nowhere.pdf"), plenty())).isEqualTo(ReasonCode.NOT_READABLE);
    }

    @Test
    void refusesAFileOfAnotherKind() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 'Z';
        Path file = Files.write(dir.resolve("noise.pdf"), noise);
        assertThat(failure(reader, file, plenty())).isEqualTo(ReasonCode.UNSUPPORTED_TYPE);
    }

    @Test
    void refusesAPasswordProtectedPdf() throws IOException {
        Path pdf = TestDocuments.encryptedPdf(dir.resolve("secret.pdf"), "user-secret");
        assertThat(failure(reader, pdf, plenty())).isEqualTo(ReasonCode.ENCRYPTED);
    }

    @Test
    void refusesATruncatedPdf() throws IOException {
        Path whole = TestDocuments.imagePdf(dir.resolve("whole.pdf"), TestDocuments.page(TEXT));
        byte[] bytes = Files.readAllBytes(whole);
        // Keep the header and part of the first object only: no page tree, no xref, no trailer.
        Path cut = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(bytes, 300));
        assertThat(failure(reader, cut, plenty())).isEqualTo(ReasonCode.DAMAGED);
    }

    @Test
    void refusesAPdfWithMorePagesThanAllowed() throws IOException {
        Path pdf = TestDocuments.textPdf(dir.resolve("long.pdf"), List.of(TEXT, TEXT, TEXT));
        DocumentReader strict = new DocumentReader(engine, DocumentLimits.DEFAULT.withMaxPages(2));
        assertThat(failure(strict, pdf, plenty())).isEqualTo(ReasonCode.TOO_MANY_PAGES);
    }

    @Test
    void refusesAnImageWithMorePixelsThanAllowed() throws IOException {
        Path png = TestDocuments.png(dir.resolve("big.png"), TestDocuments.page(TEXT));
        DocumentReader strict = new DocumentReader(engine, DocumentLimits.DEFAULT.withMaxPagePixels(1_000_000));
        assertThat(failure(strict, png, plenty())).isEqualTo(ReasonCode.IMAGE_TOO_LARGE);
    }

    @Test
    void refusesAFileLargerThanAllowed() throws IOException {
        Path pdf = TestDocuments.textPdf(dir.resolve("text.pdf"), List.of(TEXT));
        DocumentReader strict = new DocumentReader(engine, new DocumentLimits(100, 20, 60_000_000L, 300,
                Duration.ofMinutes(1)));
        assertThat(failure(strict, pdf, plenty())).isEqualTo(ReasonCode.FILE_TOO_LARGE);
    }

    @Test
    void stopsWhenTheTimeIsUp() throws IOException {
        Path png = TestDocuments.png(dir.resolve("page.png"), TestDocuments.page(TEXT));
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Deadline expired = new Deadline(frozen, Duration.ZERO, () -> false);
        assertThat(failure(reader, png, expired)).isEqualTo(ReasonCode.TIMEOUT);
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        Path pdf = TestDocuments.imagePdf(dir.resolve("scan.pdf"), TestDocuments.page(TEXT));
        Deadline cancelled = new Deadline(Clock.systemUTC(), Duration.ofMinutes(1), () -> true);
        assertThat(failure(reader, pdf, cancelled)).isEqualTo(ReasonCode.CANCELLED);
    }

    /** Share of dark pixels inside a word's box, scaled from the page's frame to the image. */
    private static double inkInBox(java.awt.image.BufferedImage image, PageContent page, Word w) {
        double scale = image.getWidth() / page.width();
        int x0 = (int) Math.floor(w.x0() * scale);
        int x1 = (int) Math.ceil(w.x1() * scale);
        int y0 = (int) Math.floor(w.y0() * scale);
        int y1 = (int) Math.ceil(w.y1() * scale);
        int dark = 0;
        int all = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                int rgb = image.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                dark += grey < 128 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }

    @Test
    void thePageImageShowsEachWordInsideItsBox() throws IOException {
        Path pdf = TestDocuments.textPdf(dir.resolve("text.pdf"), List.of(TEXT));
        Path png = TestDocuments.png(dir.resolve("upside-down.png"), PageImages.rotate180(TestDocuments.page(TEXT)));

        for (Path file : List.of(pdf, png)) {
            PageContent page = reader.read(file, plenty()).pages().getFirst();
            java.awt.image.BufferedImage image = reader.pageImage(file, 1, page.rotationDegrees(), plenty());

            assertThat(image.getHeight() / (double) image.getWidth()).isCloseTo(page.height() / page.width(),
                    org.assertj.core.data.Offset.offset(0.01));
            Word word = page.words().stream().filter(w -> w.text().equals("Tribunal")).findFirst().orElseThrow();
            // The right margin on the same line: no ink there.
            Word blank = new Word("blank", page.width() * 0.9, word.y0(), page.width() * 0.97, word.y1(), 1.0);
            assertThat(inkInBox(image, page, word)).as(file.getFileName().toString()).isGreaterThan(0.1);
            assertThat(inkInBox(image, page, blank)).as(file.getFileName().toString()).isLessThan(0.02);
        }
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new DocumentLimits(0, 1, 1, 300, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
