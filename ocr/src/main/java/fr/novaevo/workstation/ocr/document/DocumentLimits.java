package fr.novaevo.workstation.ocr.document;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds that protect the workstation against hostile or absurd files.
 *
 * @param maxFileBytes    larger files are refused before being read
 * @param maxPages        documents with more pages are refused (a Kbis has 1 to 3)
 * @param maxPagePixels   a page image (decoded or rendered) may not exceed this many pixels
 * @param renderDpi       resolution at which pages without a text layer are rendered for OCR
 * @param timeout         time allowed for one document, OCR included
 */
public record DocumentLimits(long maxFileBytes, int maxPages, long maxPagePixels, int renderDpi, Duration timeout) {

    /** 50 MB, 20 pages, 60 Mpx (an A3 page at 400 dpi), 300 dpi, 2 minutes. */
    public static final DocumentLimits DEFAULT =
            new DocumentLimits(50L * 1024 * 1024, 20, 60_000_000L, 300, Duration.ofMinutes(2));

    public DocumentLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxFileBytes <= 0 || maxPages <= 0 || maxPagePixels <= 0 || renderDpi < 72 || timeout.isNegative()) {
            throw new IllegalArgumentException("invalid document limits");
        }
    }

    public DocumentLimits withTimeout(Duration newTimeout) {
        return new DocumentLimits(maxFileBytes, maxPages, maxPagePixels, renderDpi, newTimeout);
    }

    public DocumentLimits withMaxPages(int pages) {
        return new DocumentLimits(maxFileBytes, pages, maxPagePixels, renderDpi, timeout);
    }

    public DocumentLimits withMaxPagePixels(long pixels) {
        return new DocumentLimits(maxFileBytes, maxPages, pixels, renderDpi, timeout);
    }
}
