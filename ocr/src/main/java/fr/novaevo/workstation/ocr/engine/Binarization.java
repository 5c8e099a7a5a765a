package fr.novaevo.workstation.ocr.engine;

/**
 * How the OCR engine separates ink from paper. Neither is best everywhere: an adaptive threshold copes with
 * uneven light (photos, dark scanner edges), a global one keeps a light-grey seal out of the text it covers.
 */
public enum Binarization {
    /** Sauvola: a threshold per neighbourhood. */
    ADAPTIVE,
    /** Otsu: one threshold for the whole page. */
    GLOBAL
}
