package fr.novaevo.workstation.ocr.document;

/** Where the words of a page come from. */
public enum TextSource {
    /** The PDF's own text layer: exact characters and positions. */
    TEXT_LAYER,
    /** Tesseract on the rendered or decoded page image. */
    OCR
}
