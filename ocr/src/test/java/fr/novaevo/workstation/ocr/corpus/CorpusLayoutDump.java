package fr.novaevo.workstation.ocr.corpus;

import fr.novaevo.workstation.ocr.document.Deadline;
import fr.novaevo.workstation.ocr.document.DocumentContent;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.DocumentReader;
import fr.novaevo.workstation.ocr.document.PageContent;
import fr.novaevo.workstation.ocr.document.Word;
import fr.novaevo.workstation.ocr.engine.Binarization;
import fr.novaevo.workstation.ocr.engine.TesseractOcrEngine;
import fr.novaevo.workstation.ocr.kbis.LineBuilder;
import fr.novaevo.workstation.ocr.kbis.TextLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A diagnostic, not a check: writes the rebuilt lines of chosen corpus documents (with unsure words and their
 * confidence) to {@code target/layout/<id>.txt}, to see why a field is misread. Run it with
 * {@code ./mvnw -o -pl ocr -am test -Dtest=CorpusLayoutDump -Dkbis.dump=kbis-dev-007,kbis-dev-014}
 * (add {@code -Dkbis.dump.binarization=GLOBAL} to see the second reading).
 */
@EnabledIfSystemProperty(named = "kbis.dump", matches = ".+")
class CorpusLayoutDump {

    @Test
    void writeLayouts() throws IOException {
        Path corpus = CorpusLocation.folder("kbis").orElseThrow();
        Path out = Files.createDirectories(Path.of("target", "layout"));
        try (TesseractOcrEngine engine = TesseractOcrEngine.withDefaults()) {
            DocumentReader reader = new DocumentReader(engine, DocumentLimits.DEFAULT);
            for (String id : System.getProperty("kbis.dump").split(",")) {
                Path file;
                try (Stream<Path> files = Files.list(corpus)) {
                    file = files.filter(p -> p.getFileName().toString().matches(id + "\\.(pdf|png|jpg)"))
                            .findFirst().orElseThrow();
                }
                DocumentContent content = reader.read(file,
                        Binarization.valueOf(System.getProperty("kbis.dump.binarization", "ADAPTIVE")),
                        Deadline.after(Duration.ofMinutes(5)));
                StringBuilder text = new StringBuilder();
                for (PageContent page : content.pages()) {
                    text.append(String.format(Locale.ROOT, "PAGE %d %s rotation=%d skew=%.2f confidence=%.3f%n",
                            page.number(), page.source(), page.rotationDegrees(), page.skewDegrees(),
                            page.meanConfidence()));
                    for (TextLine line : LineBuilder.lines(page)) {
                        text.append(line);
                        for (Word w : line.words()) {
                            if (w.confidence() < 0.7) {
                                text.append(String.format(Locale.ROOT, " [%s:%.0f]", w.text(), w.confidence() * 100));
                            }
                        }
                        text.append('\n');
                    }
                }
                Files.writeString(out.resolve(id + ".txt"), text);
            }
        }
    }
}
