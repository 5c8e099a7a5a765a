package fr.novaevo.workstation.ocr.kbis;

import fr.novaevo.workstation.ocr.document.PageContent;
import fr.novaevo.workstation.ocr.document.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the words of a page into printed lines by their vertical position. Labels and values of a two-column
 * table are separate blocks for Tesseract; on the page they share a line, and that is what pairs them.
 */
public final class LineBuilder {

    private LineBuilder() {
    }

    public static List<TextLine> lines(PageContent page) {
        List<Word> words = new ArrayList<>(page.words());
        words.removeIf(w -> w.text().isBlank() || w.height() <= 0);
        if (words.isEmpty()) {
            return List.of();
        }
        words.sort(Comparator.comparingDouble(Word::centerY));
        double typical = median(words.stream().mapToDouble(Word::height).toArray());
        List<Band> bands = new ArrayList<>();
        for (Word w : words) {
            // Oversized "words" (a seal, a QR code) would swallow neighbouring lines: they stand alone.
            Band best = null;
            double bestOverlap = 0;
            if (w.height() < typical * 2.5) {
                // Only the last few bands can still overlap: words come sorted by their centre.
                for (int i = Math.max(0, bands.size() - 4); i < bands.size(); i++) {
                    double overlap = bands.get(i).overlap(w);
                    if (overlap > bestOverlap) {
                        bestOverlap = overlap;
                        best = bands.get(i);
                    }
                }
            }
            if (best != null && bestOverlap >= 0.5) {
                best.add(w);
            } else {
                Band band = new Band();
                band.add(w);
                bands.add(band);
            }
        }
        mergeSideBySide(bands);
        List<List<Word>> groups = bands.stream().map(b -> b.words).toList();
        List<TextLine> lines = new ArrayList<>();
        for (List<Word> group : groups) {
            group.sort(Comparator.comparingDouble(Word::x0));
            lines.add(new TextLine(page.number(), group));
        }
        lines.sort(Comparator.comparingDouble(TextLine::y0));
        return lines;
    }

    /**
     * Joins bands that sit at the same height without sharing any horizontal extent: pieces of one printed
     * line (a centred heading, say) that a word with an odd box kept apart.
     */
    private static void mergeSideBySide(List<Band> bands) {
        bands.sort(Comparator.comparingDouble(Band::top));
        for (int i = 0; i < bands.size(); i++) {
            Band a = bands.get(i);
            for (int j = i + 1; j < bands.size() && j <= i + 3; j++) {
                Band b = bands.get(j);
                if (a.verticalOverlap(b) >= 0.6 && !a.overlapsHorizontally(b)) {
                    b.words.forEach(a::add);
                    bands.remove(j);
                    j--;
                }
            }
        }
    }

    /** A line being built: the mean top and bottom of its words stand for its vertical extent. */
    private static final class Band {
        final List<Word> words = new ArrayList<>();
        double sumTop;
        double sumBottom;

        void add(Word w) {
            words.add(w);
            sumTop += w.y0();
            sumBottom += w.y1();
        }

        double top() {
            return sumTop / words.size();
        }

        double bottom() {
            return sumBottom / words.size();
        }

        double verticalOverlap(Band other) {
            double shared = Math.min(bottom(), other.bottom()) - Math.max(top(), other.top());
            double smaller = Math.min(bottom() - top(), other.bottom() - other.top());
            return smaller <= 0 ? 0 : shared / smaller;
        }

        boolean overlapsHorizontally(Band other) {
            for (Word a : words) {
                for (Word b : other.words) {
                    if (a.x0() < b.x1() && b.x0() < a.x1()) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Shared height over the smaller of the two heights. */
        double overlap(Word w) {
            double top = sumTop / words.size();
            double bottom = sumBottom / words.size();
            double shared = Math.min(bottom, w.y1()) - Math.max(top, w.y0());
            double smaller = Math.min(bottom - top, w.height());
            return smaller <= 0 ? 0 : shared / smaller;
        }
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }
}
