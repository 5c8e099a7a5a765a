package fr.novaevo.workstation.ocr.kbis;

import fr.novaevo.workstation.ocr.document.Word;
import java.util.ArrayList;
import java.util.List;

/** Which OCR words belong to a value, and which are specks, seal fragments or stray marks. */
final class WordFilters {

    private WordFilters() {
    }

    /** The line without a last one- or two-letter "word" standing far from the rest (a speck read as text). */
    static TextLine withoutTrailingSpeck(TextLine line) {
        List<Word> words = line.words();
        if (words.size() >= 2) {
            Word last = words.getLast();
            Word before = words.get(words.size() - 2);
            if (last.text().length() <= 2 && last.x0() - before.x1() > 2 * line.height()) {
                return new TextLine(line.page(), words.subList(0, words.size() - 1));
            }
        }
        return line;
    }

    /**
     * Value words without the OCR noise around them: marks without letters, and specks read as one or two
     * unsure characters standing apart, or unsure short words trailing after the value (seal fragments).
     */
    static List<Word> valueWords(List<Word> words, int from) {
        List<Word> value = new ArrayList<>(words.subList(Math.min(from, words.size()), words.size()));
        while (!value.isEmpty() && (isNoise(value.getFirst()) || isLeadingSpeck(value))) {
            value.removeFirst();
        }
        while (!value.isEmpty() && (isNoise(value.getLast()) || isTrailingSpeck(value))) {
            value.removeLast();
        }
        return value;
    }

    static boolean isLeadingSpeck(List<Word> value) {
        Word w = value.getFirst();
        if (value.size() < 2 || w.text().length() > 2 || w.confidence() >= 0.5) {
            return false;
        }
        return value.get(1).x0() - w.x1() > w.height();
    }

    static boolean isTrailingSpeck(List<Word> value) {
        Word w = value.getLast();
        if (value.size() < 2 || w.confidence() >= 0.45) {
            return false;
        }
        return w.text().length() <= 3 || w.x0() - value.get(value.size() - 2).x1() > w.height();
    }

    static boolean isNoise(Word w) {
        String t = w.text();
        if (!Folding.hasContent(t)) {
            return true;
        }
        return w.confidence() < 0.4 && t.length() <= 2 && t.chars().noneMatch(Character::isDigit);
    }

    /** A line of specks, stray marks or seal fragments: nothing on it is worth reading. */
    static boolean isNoiseLine(TextLine line) {
        for (Word w : line.words()) {
            long content = w.text().codePoints().filter(Character::isLetterOrDigit).count();
            if (content >= 3 || (content >= 1 && w.confidence() >= 0.6 && !w.text().matches("\\W*\\w\\W*"))) {
                return false;
            }
        }
        return true;
    }

    static int firstContentWord(List<Word> words) {
        List<Word> value = valueWords(words, 0);
        return value.isEmpty() ? -1 : words.indexOf(value.getFirst());
    }

    /** Words from {@code from} until a wide gap, a word without letters or the "Code de vérification" block. */
    static List<Word> untilGap(List<Word> words, int from, double height) {
        List<Word> out = new ArrayList<>();
        for (int i = from; i < words.size(); i++) {
            Word w = words.get(i);
            if (!Folding.hasContent(w.text()) || Folding.fold(w.text()).equals("code")) {
                if (out.isEmpty()) {
                    continue;
                }
                break;
            }
            if (!out.isEmpty() && w.x0() - out.getLast().x1() > 2.5 * height) {
                break;
            }
            out.add(w);
        }
        return out;
    }

    static int indexOfWord(List<Word> words, String folded) {
        for (int i = 0; i < words.size(); i++) {
            if (Folding.fold(words.get(i).text()).startsWith(folded)) {
                return i;
            }
        }
        return -1;
    }

    static List<Word> wordsContaining(List<Word> words, String part) {
        return words.stream().filter(w -> w.text().contains(part)).toList();
    }

    static double conf(List<Word> words) {
        double mean = words.stream().mapToDouble(Word::confidence).average().orElse(0.0);
        double min = words.stream().mapToDouble(Word::confidence).min().orElse(0.0);
        return 0.5 * mean + 0.5 * min;
    }

    static String join(List<Word> words) {
        return String.join(" ", words.stream().map(Word::text).toList());
    }
}
