package fr.novaevo.workstation.ocr.engine;

import fr.novaevo.workstation.ocr.document.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Tesseract's TSV output: {@code level page block par line word left top width height conf text}.
 * Only word rows (level 5) with text are kept.
 */
final class TsvParser {

    private static final int WORD_LEVEL = 5;

    private TsvParser() {
    }

    static List<Word> words(String tsv) {
        List<Word> words = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] cols = line.split("\t", -1);
            if (cols.length < 12 || !isInteger(cols[0]) || Integer.parseInt(cols[0]) != WORD_LEVEL) {
                continue;
            }
            String text = cols[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            int left = Integer.parseInt(cols[6]);
            int top = Integer.parseInt(cols[7]);
            int width = Integer.parseInt(cols[8]);
            int height = Integer.parseInt(cols[9]);
            double conf = Double.parseDouble(cols[10]);
            words.add(new Word(text, left, top, left + width, top + height, conf < 0 ? 0 : conf / 100.0));
        }
        return words;
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
