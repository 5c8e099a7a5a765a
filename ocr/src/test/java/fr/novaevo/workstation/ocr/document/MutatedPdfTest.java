package fr.novaevo.workstation.ocr.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.ocr.TestDocuments;
import fr.novaevo.workstation.ocr.engine.TesseractOcrEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PDF damaged anywhere (cut short, bytes overwritten, a chunk removed) is read or refused with a reason
 * code; no other exception ever escapes the reader. Mutations come from fixed seeds, so a failure replays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutatedPdfTest {

    private static final int CASES = 120;

    private Path dir;
    private byte[] original;
    private TesseractOcrEngine engine;
    private DocumentReader reader;

    @BeforeAll
    void setUp(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        Path pdf = TestDocuments.textPdf(dir.resolve("original.pdf"), List.of(
                List.of("Greffe du Tribunal de Commerce de Nantes", "Immatriculation au RCS, numero 518 452 750"),
                List.of("Date d'immatriculation 19/01/2004", "Capital social 10 000,00 Euros")));
        original = Files.readAllBytes(pdf);
        engine = TesseractOcrEngine.withDefaults();
        // A low rendering resolution keeps the OCR of pages whose text layer was destroyed quick.
        reader = new DocumentReader(engine, new DocumentLimits(10_000_000, 5, 10_000_000, 72, Duration.ofSeconds(30)));
    }

    @AfterAll
    void tearDown() {
        engine.close();
    }

    Stream<Integer> seeds() {
        return IntStream.range(0, CASES).boxed();
    }

    private byte[] mutate(int seed) {
        Random random = new Random(seed);
        return switch (seed % 3) {
            case 0 -> Arrays.copyOf(original, random.nextInt(original.length));
            case 1 -> {
                byte[] b = original.clone();
                for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                yield b;
            }
            default -> {
                int from = random.nextInt(original.length);
                int to = Math.min(original.length, from + 1 + random.nextInt(400));
                byte[] b = new byte[original.length - (to - from)];
                System.arraycopy(original, 0, b, 0, from);
                System.arraycopy(original, to, b, from, original.length - to);
                yield b;
            }
        };
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void isReadOrRefusedWithAReason(int seed) throws IOException {
        Path file = Files.write(dir.resolve("mutated-" + seed + ".pdf"), mutate(seed));
        try {
            DocumentContent content = reader.read(file, Deadline.after(Duration.ofSeconds(30)));
            assertThat(content.pages()).isNotEmpty();
        } catch (DocumentException e) {
            assertThat(e.reason()).as(e.getMessage()).isNotEqualTo(ReasonCode.INTERNAL);
            assertThat(e.code()).startsWith("OCR-");
        }
    }
}
