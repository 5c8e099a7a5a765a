package fr.novaevo.workstation.ocr.result;

import fr.novaevo.workstation.ocr.document.PageContent;
import fr.novaevo.workstation.ocr.document.TextSource;

/**
 * The frame of a page's word boxes, for drawing where a value was read over
 * {@code DocumentReader.pageImage}: boxes scale by {@code image width / width}.
 *
 * @param width  in points for a text layer, in pixels of the prepared image for OCR
 * @param height same unit as {@code width}
 */
public record PageGeometry(int number, double width, double height, TextSource source, int rotationDegrees,
                           double skewDegrees) {

    public static PageGeometry of(PageContent page) {
        return new PageGeometry(page.number(), page.width(), page.height(), page.source(), page.rotationDegrees(),
                page.skewDegrees());
    }
}
