package fr.novaevo.workstation.ocr.kbis;

import fr.novaevo.workstation.ocr.document.PageContent;
import fr.novaevo.workstation.ocr.document.TextSource;
import fr.novaevo.workstation.ocr.document.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the words of a page as an extract prints them (label column at 50 pt, value column at 230 pt,
 * 12 pt leading), so the extractor can be tested on exact layouts without a PDF.
 */
final class PageBuilder {

    static final double LABEL_X = 50;
    static final double VALUE_X = 230;
    private static final double LEADING = 12;
    private static final double CHAR = 5;
    private static final double HEIGHT = 9;

    private final int number;
    private final List<Word> words = new ArrayList<>();
    private final TextSource source;
    private double y = 40;
    private double confidence = 1.0;

    PageBuilder(int number) {
        this(number, TextSource.TEXT_LAYER);
    }

    PageBuilder(int number, TextSource source) {
        this.number = number;
        this.source = source;
    }

    PageBuilder confidence(double c) {
        confidence = c;
        return this;
    }

    /** A line of text starting at x. */
    PageBuilder text(double x, String text) {
        double cx = x;
        for (String w : text.split(" ")) {
            words.add(new Word(w, cx, y, cx + w.length() * CHAR, y + HEIGHT, confidence));
            cx += (w.length() + 1) * CHAR;
        }
        y += LEADING;
        return this;
    }

    PageBuilder line(String text) {
        return text(LABEL_X, text);
    }

    /** A label / value row; each further value line is printed under the first, at the value column. */
    PageBuilder row(String label, String... valueLines) {
        double rowY = y;
        text(LABEL_X, label);
        y = rowY;
        for (String v : valueLines) {
            text(VALUE_X, v);
        }
        y = Math.max(y, rowY + LEADING);
        return this;
    }

    PageBuilder gap() {
        y += LEADING;
        return this;
    }

    PageContent build() {
        return new PageContent(number, 595, 842, words, source, 0, 0.0);
    }
}
