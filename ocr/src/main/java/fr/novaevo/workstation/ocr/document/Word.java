package fr.novaevo.workstation.ocr.document;

import java.util.Objects;

/**
 * One word read on a page, with its box in the page's own units (points for a text layer, pixels for an
 * OCR'd image; {@link PageContent} gives the page size in the same units).
 *
 * @param confidence 0..1: 1 for a text layer, Tesseract's word confidence / 100 otherwise
 */
public record Word(String text, double x0, double y0, double x1, double y1, double confidence) {

    public Word {
        Objects.requireNonNull(text, "text");
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException("inverted box for word " + text);
        }
        confidence = Math.max(0.0, Math.min(1.0, confidence));
    }

    public double height() {
        return y1 - y0;
    }

    public double centerY() {
        return (y0 + y1) / 2;
    }
}
