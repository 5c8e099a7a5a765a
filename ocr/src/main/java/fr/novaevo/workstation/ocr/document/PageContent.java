package fr.novaevo.workstation.ocr.document;

import java.util.List;

/**
 * The words of one page.
 *
 * @param number           1-based page number
 * @param width            page width, in the unit of the word boxes
 * @param height           page height, in the unit of the word boxes
 * @param rotationDegrees  rotation applied before OCR to make the text upright (0 or 180), 0 for a text layer
 * @param skewDegrees      skew corrected before OCR (positive = the scan was turned counter-clockwise)
 */
public record PageContent(int number, double width, double height, List<Word> words, TextSource source,
                          int rotationDegrees, double skewDegrees) {

    public PageContent {
        words = List.copyOf(words);
    }

    public double meanConfidence() {
        return words.stream().mapToDouble(Word::confidence).average().orElse(0.0);
    }
}
