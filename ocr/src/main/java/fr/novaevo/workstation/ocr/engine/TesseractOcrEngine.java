package fr.novaevo.workstation.ocr.engine;

import com.sun.jna.Pointer;
import fr.novaevo.workstation.ocr.document.Deadline;
import fr.novaevo.workstation.ocr.document.DocumentException;
import fr.novaevo.workstation.ocr.document.ReasonCode;
import fr.novaevo.workstation.ocr.document.Word;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract through tess4j's JNA binding of the C API. Images are handed over as raw grey bytes
 * ({@code TessBaseAPISetImage}), never as Leptonica {@code Pix}: tess4j's Leptonica path fails with the
 * Leptonica 1.82 of Debian 12. Words and boxes come from Tesseract's TSV output.
 */
public final class TesseractOcrEngine implements OcrEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TesseractOcrEngine.class);

    /** Where Debian/Ubuntu's tesseract-ocr-* packages put the language data. */
    public static final Path DEFAULT_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    public static final String DEFAULT_LANGUAGES = "fra+eng";

    private final TessAPI api;
    private ITessAPI.TessBaseAPI handle;

    /**
     * Loads the languages. Costly (about half a second): create one engine per worker and reuse it.
     *
     * @throws DocumentException {@link ReasonCode#ENGINE_UNAVAILABLE} when libtesseract or the language data
     *                           cannot be loaded
     */
    public TesseractOcrEngine(Path tessdata, String languages) {
        Objects.requireNonNull(tessdata, "tessdata");
        Objects.requireNonNull(languages, "languages");
        for (String language : languages.split("\\+")) {
            if (!Files.isRegularFile(tessdata.resolve(language + ".traineddata"))) {
                throw new DocumentException(ReasonCode.ENGINE_UNAVAILABLE,
                        "Tesseract language data " + language + " not found in " + tessdata);
            }
        }
        // One OCR thread per engine: parallelism comes from workers, each with its own engine.
        OpenMpThreadLimit.applyBeforeLoading(1);
        try {
            api = TessAPI.INSTANCE;
        } catch (LinkageError e) {
            throw new DocumentException(ReasonCode.ENGINE_UNAVAILABLE, "libtesseract cannot be loaded", e);
        }
        ITessAPI.TessBaseAPI created = api.TessBaseAPICreate();
        int rc = api.TessBaseAPIInit2(created, tessdata.toString(), languages,
                ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY);
        if (rc != 0) {
            api.TessBaseAPIDelete(created);
            throw new DocumentException(ReasonCode.ENGINE_UNAVAILABLE,
                    "Tesseract could not load " + languages + " from " + tessdata + " (code " + rc + ")");
        }
        api.TessBaseAPISetPageSegMode(created, ITessAPI.TessPageSegMode.PSM_AUTO);
        // Keep word spacing as printed: labels and values are told apart by their gaps.
        api.TessBaseAPISetVariable(created, "preserve_interword_spaces", "1");
        handle = created;
    }

    public static TesseractOcrEngine withDefaults() {
        return new TesseractOcrEngine(DEFAULT_TESSDATA, DEFAULT_LANGUAGES);
    }

    @Override
    public List<Word> recognize(BufferedImage grayImage, int dpi, Binarization binarization, Deadline deadline) {
        if (handle == null) {
            throw new IllegalStateException("engine closed");
        }
        if (grayImage.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("an 8-bit grey image is expected");
        }
        deadline.check("starting OCR");
        int width = grayImage.getWidth();
        int height = grayImage.getHeight();
        byte[] pixels = ((DataBufferByte) grayImage.getRaster().getDataBuffer()).getData();
        int stride = grayImage.getRaster().getSampleModel().getWidth();
        ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
        buffer.put(pixels).flip();

        ITessAPI.ETEXT_DESC monitor = api.TessMonitorCreate();
        try {
            api.TessBaseAPISetImage(handle, buffer, width, height, 1, stride);
            api.TessBaseAPISetSourceResolution(handle, dpi);
            // Tesseract 5.3: 0 = Otsu over the page, 2 = Sauvola.
            api.TessBaseAPISetVariable(handle, "thresholding_method", binarization == Binarization.GLOBAL ? "0" : "2");
            long millis = Math.max(1, Math.min(Integer.MAX_VALUE, deadline.remaining().toMillis()));
            api.TessMonitorSetDeadlineMSecs(monitor, (int) millis);
            int rc = api.TessBaseAPIRecognize(handle, monitor);
            if (rc != 0) {
                deadline.check("recognising text");
                throw new DocumentException(ReasonCode.ENGINE_FAILED, "Tesseract failed to recognise the page (code " + rc + ")");
            }
            if (deadline.expired()) {
                // Tesseract stops quietly at its deadline and returns what it had: a partial page is a time-out.
                deadline.check("recognising text");
            }
            Pointer tsv = api.TessBaseAPIGetTsvText(handle, 0);
            if (tsv == null) {
                throw new DocumentException(ReasonCode.ENGINE_FAILED, "Tesseract returned no result");
            }
            try {
                return TsvParser.words(tsv.getString(0, "UTF-8"));
            } finally {
                api.TessDeleteText(tsv);
            }
        } finally {
            api.TessBaseAPIClear(handle);
            api.TessMonitorDelete(monitor);
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
            handle = null;
            LOG.debug("Tesseract engine closed");
        }
    }
}
