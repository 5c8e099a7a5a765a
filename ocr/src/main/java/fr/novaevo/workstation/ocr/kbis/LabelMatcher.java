package fr.novaevo.workstation.ocr.kbis;

import fr.novaevo.workstation.ocr.document.Word;
import java.util.List;
import java.util.Optional;

/**
 * Finds which printed label starts a line, tolerating OCR errors, and where the value begins. The label is
 * compared with the first words of the line, word boundary by word boundary, by edit distance.
 */
final class LabelMatcher {

    /** Relative edit distance accepted between the printed label and the expected one. */
    private static final double TOLERANCE = 0.18;
    private static final int MAX_LEADING_NOISE = 2;

    private LabelMatcher() {
    }

    /**
     * @param label     the matched label
     * @param valueFrom index of the first word after the label
     * @param score     1 for an exact label, lower with each OCR error
     */
    record Match<L>(L label, int valueFrom, double score, int labelLength) {
    }

    /** The best label of {@code labels} starting the line, preferring the longest of equally good matches. */
    static <L extends Label> Optional<Match<L>> best(TextLine line, List<L> labels) {
        List<Word> words = line.words();
        int start = 0;
        while (start < words.size() && start < MAX_LEADING_NOISE && !Folding.hasContent(words.get(start).text())) {
            start++;
        }
        Match<L> best = null;
        for (L label : labels) {
            for (String variant : label.variants()) {
                Match<L> m = matchVariant(words, start, label, variant);
                if (m != null && (best == null || better(m, best))) {
                    best = m;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(Match<?> a, Match<?> b) {
        // Each error costs more than a character of label: an exact short label beats a longer one read past
        // its end into the value, but a long label with one OCR slip still beats a short one it begins with.
        double aWeight = a.labelLength() * (1 - 4 * (1 - a.score()));
        double bWeight = b.labelLength() * (1 - 4 * (1 - b.score()));
        return aWeight > bWeight + 1e-9;
    }

    private static <L> Match<L> matchVariant(List<Word> words, int start, L label, String variant) {
        StringBuilder candidate = new StringBuilder();
        Match<L> best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int k = start; k < words.size(); k++) {
            if (candidate.length() > 0) {
                candidate.append(' ');
            }
            candidate.append(Folding.fold(words.get(k).text()));
            String c = stripTrailingPunctuation(candidate.toString());
            if (c.length() > variant.length() + 6) {
                break;
            }
            int d = Folding.distance(c, variant);
            // OCR sometimes glues or splits words: also compare without spaces.
            d = Math.min(d, Folding.distance(c.replace(" ", ""), variant.replace(" ", "")) + 1);
            if (d < bestDistance && d <= Math.max(1, Math.round(variant.length() * TOLERANCE))) {
                bestDistance = d;
                double score = 1.0 - (double) d / variant.length();
                best = new Match<>(label, k + 1, score, variant.length());
            }
        }
        if (best != null && bestDistance > 0 && variant.length() < 6) {
            // Short labels ("adresse") match too many words by chance unless exact.
            return null;
        }
        return best;
    }

    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ":;.,|_-'\"".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end).strip();
    }

    /** A label as it may be printed, already folded. */
    interface Label {
        List<String> variants();
    }
}
