package fr.novaevo.workstation.ocr.kbis;

import fr.novaevo.workstation.ocr.document.Word;
import java.util.List;

/** Where on the page a value was read: a box in the page's units (see {@code PageContent}). */
public record Location(int page, double x0, double y0, double x1, double y1) {

    static Location of(int page, List<Word> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words");
        }
        return new Location(page,
                words.stream().mapToDouble(Word::x0).min().orElseThrow(),
                words.stream().mapToDouble(Word::y0).min().orElseThrow(),
                words.stream().mapToDouble(Word::x1).max().orElseThrow(),
                words.stream().mapToDouble(Word::y1).max().orElseThrow());
    }

    Location union(Location other) {
        if (other.page != page) {
            return this;
        }
        return new Location(page, Math.min(x0, other.x0), Math.min(y0, other.y0),
                Math.max(x1, other.x1), Math.max(y1, other.y1));
    }
}
