package fr.novaevo.workstation.ocr.engine;

import fr.novaevo.workstation.ocr.document.Deadline;
import fr.novaevo.workstation.ocr.document.Word;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Recognises the words of an upright page image. An engine is not thread-safe: each worker owns one.
 */
public interface OcrEngine extends AutoCloseable {

    /**
     * @param grayImage an 8-bit grey image ({@link BufferedImage#TYPE_BYTE_GRAY})
     * @param dpi       its resolution, which Tesseract uses to size its text-line models
     * @param binarization how ink is told from paper
     * @return the words with boxes in image pixels and confidences 0..1
     * @throws fr.novaevo.workstation.ocr.document.DocumentException on time-out, cancellation or engine failure
     */
    List<Word> recognize(BufferedImage grayImage, int dpi, Binarization binarization, Deadline deadline);

    @Override
    void close();
}
