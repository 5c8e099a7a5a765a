package fr.novaevo.workstation.ocr.kbis;

import fr.novaevo.workstation.ocr.document.Word;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Words that sit on one printed line of a page, left to right.
 *
 * @param page  1-based page number
 * @param words the words, sorted by their left edge
 */
public record TextLine(int page, List<Word> words) {

    public TextLine {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a line has words");
        }
    }

    public String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }

    public double x0() {
        return words.getFirst().x0();
    }

    public double y0() {
        return words.stream().mapToDouble(Word::y0).min().orElseThrow();
    }

    public double y1() {
        return words.stream().mapToDouble(Word::y1).max().orElseThrow();
    }

    public double height() {
        return words.stream().mapToDouble(Word::height).sorted().skip(words.size() / 2).findFirst().orElseThrow();
    }

    public TextLine from(int index) {
        return new TextLine(page, words.subList(index, words.size()));
    }

    @Override
    public String toString() {
        return "p" + page + "@" + Math.round(x0()) + "," + Math.round(y0()) + " " + text();
    }
}
