package fr.novaevo.workstation.ocr.document;

import fr.novaevo.workstation.ocr.engine.Binarization;
import fr.novaevo.workstation.ocr.engine.OcrEngine;
import fr.novaevo.workstation.ocr.engine.PageImages;
import fr.novaevo.workstation.ocr.engine.SkewEstimator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the words of a PDF or image file: the text layer where a page has one, OCR otherwise (after turning
 * an upside-down page and straightening a skewed scan). The format comes from the file's content.
 *
 * <p>Not thread-safe (it owns an {@link OcrEngine}): one reader per worker.
 */
public final class DocumentReader {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentReader.class);

    /** A text layer with fewer letters and digits than this is not a real one (a scan with a stray mark). */
    private static final int MIN_TEXT_LAYER_CHARS = 20;
    /** Below this mean word confidence an OCR'd page may be upside down: it is also read turned over. */
    private static final double UPSIDE_DOWN_SUSPICION = 0.75;
    private static final double MIN_DESKEW_DEGREES = 0.1;
    private static final int STRIPS = 6;
    /** Measured on the Kbis corpus between 0.4 and 0.75: 0.65 reads the hard scans best. */
    private static final double LEVELS_CUT = 0.65;
    private static final double MIN_PERSPECTIVE_DEGREES = 0.25;

    private final OcrEngine ocr;
    private final DocumentLimits limits;
    private final SkewEstimator skewEstimator = new SkewEstimator(5.0);

    public DocumentReader(OcrEngine ocr, DocumentLimits limits) {
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public DocumentLimits limits() {
        return limits;
    }

    /**
     * @throws DocumentException with the reason the file cannot be read; nothing else escapes for a bad file
     */
    public DocumentContent read(Path file, Deadline deadline) {
        return read(file, Binarization.ADAPTIVE, deadline);
    }

    /**
     * @param binarization how the OCR tells ink from paper on pages without a text layer
     * @throws DocumentException with the reason the file cannot be read; nothing else escapes for a bad file
     */
    public DocumentContent read(Path file, Binarization binarization, Deadline deadline) {
        return read(file, binarization, deadline, PageProgress.NONE);
    }

    /**
     * @param progress told after each page
     * @throws DocumentException with the reason the file cannot be read; nothing else escapes for a bad file
     */
    public DocumentContent read(Path file, Binarization binarization, Deadline deadline, PageProgress progress) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DocumentException(ReasonCode.NOT_READABLE, "file not found: " + file, e);
        } catch (IOException e) {
            throw new DocumentException(ReasonCode.NOT_READABLE, "cannot read " + file, e);
        }
        if (size == 0) {
            throw new DocumentException(ReasonCode.EMPTY_FILE, "the file is empty");
        }
        if (size > limits.maxFileBytes()) {
            throw new DocumentException(ReasonCode.FILE_TOO_LARGE,
                    "the file has " + size + " bytes, more than the limit of " + limits.maxFileBytes());
        }
        MediaType type = sniff(file).orElseThrow(() -> new DocumentException(ReasonCode.UNSUPPORTED_TYPE,
                "not a PDF, PNG, JPEG or TIFF file"));
        LOG.debug("{}: {} ({} bytes)", file.getFileName(), type, size);
        return switch (type) {
            case PDF -> readPdf(file, binarization, deadline, progress);
            case PNG, JPEG, TIFF -> readImage(file, type, binarization, deadline, progress);
        };
    }

    private static Optional<MediaType> sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MediaType.sniff(in.readNBytes(MediaType.SNIFF_LENGTH));
        } catch (IOException e) {
            throw new DocumentException(ReasonCode.NOT_READABLE, "cannot read " + file, e);
        }
    }

    // ---------------------------------------------------------------- PDF

    private DocumentContent readPdf(Path file, Binarization binarization, Deadline deadline, PageProgress progress) {
        try (PDDocument document = BoundedStep.run("opening the PDF", deadline, () -> open(file))) {
            int count = document.getNumberOfPages();
            if (count == 0) {
                throw new DocumentException(ReasonCode.DAMAGED, "the PDF has no page");
            }
            if (count > limits.maxPages()) {
                throw new DocumentException(ReasonCode.TOO_MANY_PAGES,
                        "the PDF has " + count + " pages, more than the limit of " + limits.maxPages());
            }
            List<PageContent> pages = new ArrayList<>();
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true);
            for (int i = 0; i < count; i++) {
                deadline.check("reading page " + (i + 1));
                int index = i;
                PDPage page = BoundedStep.run("reading page " + (i + 1), deadline, () -> document.getPage(index));
                List<Word> words = BoundedStep.run("reading the text of page " + (i + 1), deadline,
                        () -> PdfTextLayer.words(document, index + 1));
                if (isUsableTextLayer(words)) {
                    PDRectangle box = page.getCropBox();
                    boolean turned = page.getRotation() % 180 != 0;
                    pages.add(new PageContent(i + 1, turned ? box.getHeight() : box.getWidth(),
                            turned ? box.getWidth() : box.getHeight(), words, TextSource.TEXT_LAYER, 0, 0.0));
                    progress.pageRead(i + 1, count);
                    continue;
                }
                BoundedStep.run("checking the images of page " + (i + 1), deadline, () -> {
                    checkEmbeddedImages(page);
                    return null;
                });
                int dpi = renderDpi(page);
                BufferedImage image = BoundedStep.run("rendering page " + (i + 1), deadline,
                        () -> renderer.renderImageWithDPI(index, dpi, ImageType.GRAY));
                pages.add(ocrPage(i + 1, image, dpi, binarization, deadline));
                progress.pageRead(i + 1, count);
            }
            return new DocumentContent(MediaType.PDF, pages);
        } catch (IOException e) {
            throw new DocumentException(ReasonCode.DAMAGED, "the PDF is damaged: " + e.getMessage(), e);
        }
    }

    private static PDDocument open(Path file) throws IOException {
        try {
            return Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new DocumentException(ReasonCode.ENCRYPTED, "the PDF is protected by a password", e);
        }
    }

    private static boolean isUsableTextLayer(List<Word> words) {
        int chars = 0;
        for (Word w : words) {
            for (int k = 0; k < w.text().length(); k++) {
                if (Character.isLetterOrDigit(w.text().charAt(k))) {
                    chars++;
                }
            }
        }
        return chars >= MIN_TEXT_LAYER_CHARS;
    }

    /** Refuses pages that embed an image too large to decode safely (a decompression bomb). */
    private void checkEmbeddedImages(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xObject = resources.getXObject(name);
            if (xObject instanceof PDImageXObject image) {
                long pixels = (long) image.getWidth() * image.getHeight();
                if (pixels > 4 * limits.maxPagePixels()) {
                    throw new DocumentException(ReasonCode.IMAGE_TOO_LARGE,
                            "an embedded image has " + pixels + " pixels");
                }
            }
        }
    }

    /** The configured resolution, lowered for oversized pages so the rendering stays within the pixel limit. */
    private int renderDpi(PDPage page) {
        PDRectangle box = page.getCropBox();
        double inches2 = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        if (!(inches2 > 0)) {
            throw new DocumentException(ReasonCode.DAMAGED, "a page has no size");
        }
        int dpi = limits.renderDpi();
        double pixels = inches2 * dpi * dpi;
        if (pixels > limits.maxPagePixels()) {
            dpi = (int) Math.floor(Math.sqrt(limits.maxPagePixels() / inches2));
            if (dpi < 72) {
                throw new DocumentException(ReasonCode.IMAGE_TOO_LARGE, "a page is too large to render");
            }
        }
        return dpi;
    }

    // ---------------------------------------------------------------- images

    private DocumentContent readImage(Path file, MediaType type, Binarization binarization, Deadline deadline,
                                      PageProgress progress) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DocumentException(ReasonCode.NOT_READABLE, "cannot open " + file);
            }
            Iterator<ImageReader> readers = BoundedStep.run("finding a decoder", deadline,
                    () -> ImageIO.getImageReaders(in));
            if (!readers.hasNext()) {
                throw new DocumentException(ReasonCode.UNSUPPORTED_TYPE, "no decoder for this " + type + " image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int count = type == MediaType.TIFF
                        ? BoundedStep.run("counting the pages", deadline, () -> reader.getNumImages(true)) : 1;
                if (count <= 0) {
                    throw new DocumentException(ReasonCode.DAMAGED, "the image file holds no image");
                }
                if (count > limits.maxPages()) {
                    throw new DocumentException(ReasonCode.TOO_MANY_PAGES,
                            "the image file has " + count + " pages, more than the limit of " + limits.maxPages());
                }
                List<PageContent> pages = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    deadline.check("reading page " + (i + 1));
                    int index = i;
                    long pixels = BoundedStep.run("reading the image size", deadline,
                            () -> (long) reader.getWidth(index) * reader.getHeight(index));
                    if (pixels > limits.maxPagePixels()) {
                        throw new DocumentException(ReasonCode.IMAGE_TOO_LARGE, "the image has " + pixels
                                + " pixels, more than the limit of " + limits.maxPagePixels());
                    }
                    BufferedImage image = BoundedStep.run("decoding page " + (i + 1), deadline, () -> reader.read(index));
                    pages.add(ocrPage(i + 1, image, estimateDpi(image), binarization, deadline));
                    progress.pageRead(i + 1, count);
                }
                return new DocumentContent(type, pages);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DocumentException(ReasonCode.DAMAGED, "the " + type + " image is damaged: " + e.getMessage(), e);
        }
    }

    /** Images rarely carry a trustworthy resolution; an A4 page filling the picture's width is assumed. */
    private static int estimateDpi(BufferedImage image) {
        int dpi = (int) Math.round(Math.min(image.getWidth(), image.getHeight()) / 8.27);
        return Math.max(70, Math.min(600, dpi));
    }

    // ---------------------------------------------------------------- OCR

    /** A page image made ready for OCR, and the skew that was taken out of it. */
    private record Prepared(BufferedImage image, double skew) {
    }

    /** Grey, straightened, and rows levelled when a photo's perspective slants them differently. */
    private Prepared prepare(int number, BufferedImage image) {
        BufferedImage gray = PageImages.toGray(image);
        double skew = skewEstimator.estimate(gray);
        if (Math.abs(skew) >= MIN_DESKEW_DEGREES) {
            gray = PageImages.rotate(gray, -skew);
        }
        double[] residual = skewEstimator.estimateStrips(gray, STRIPS, 1.5);
        double min = java.util.Arrays.stream(residual).min().orElse(0);
        double max = java.util.Arrays.stream(residual).max().orElse(0);
        if (max - min >= MIN_PERSPECTIVE_DEGREES || Math.abs(max) >= MIN_PERSPECTIVE_DEGREES
                || Math.abs(min) >= MIN_PERSPECTIVE_DEGREES) {
            LOG.debug("page {}: straightening rows, residual slant {}", number, java.util.Arrays.toString(residual));
            gray = PageImages.straightenRows(gray, residual);
        }
        return new Prepared(gray, skew);
    }

    private PageContent ocrPage(int number, BufferedImage image, int dpi, Binarization binarization, Deadline deadline) {
        Prepared prepared = prepare(number, image);
        BufferedImage gray = prepared.image();
        if (binarization == Binarization.GLOBAL) {
            // One threshold for the page works best on stretched levels: faint, low-contrast scans gain most.
            gray = PageImages.stretchLevels(gray, LEVELS_CUT);
        }
        deadline.check("preparing page " + number);
        List<Word> words = ocr.recognize(gray, dpi, binarization, deadline);
        int rotation = 0;
        double quality = quality(words);
        if (quality < UPSIDE_DOWN_SUSPICION) {
            List<Word> turned = ocr.recognize(PageImages.rotate180(gray), dpi, binarization, deadline);
            double turnedQuality = quality(turned);
            LOG.debug("page {}: confidence {} upright, {} turned over", number, quality, turnedQuality);
            if (turnedQuality > quality) {
                words = turned;
                rotation = 180;
            }
        }
        return new PageContent(number, gray.getWidth(), gray.getHeight(), words, TextSource.OCR, rotation,
                prepared.skew());
    }

    // ---------------------------------------------------------------- page images for the review screen

    /**
     * The page as an image in the frame of its word boxes, for showing where a value was read: a text-layer
     * page rendered at {@code 2 ×} 72 dpi (boxes are in points), a scanned page exactly as the OCR saw it
     * (straightened, turned over when {@code rotationDegrees} is 180). Scale boxes by
     * {@code image width / page width} of the page's {@link PageContent}.
     *
     * @throws DocumentException as {@link #read} does
     */
    public BufferedImage pageImage(Path file, int pageNumber, int rotationDegrees, Deadline deadline) {
        MediaType type = sniff(file).orElseThrow(() -> new DocumentException(ReasonCode.UNSUPPORTED_TYPE,
                "not a PDF, PNG, JPEG or TIFF file"));
        BufferedImage raw;
        if (type == MediaType.PDF) {
            try (PDDocument document = BoundedStep.run("opening the PDF", deadline, () -> open(file))) {
                if (pageNumber < 1 || pageNumber > document.getNumberOfPages()) {
                    throw new DocumentException(ReasonCode.NOT_READABLE, "no page " + pageNumber);
                }
                PDPage page = BoundedStep.run("reading the page", deadline, () -> document.getPage(pageNumber - 1));
                List<Word> words = BoundedStep.run("reading the text", deadline,
                        () -> PdfTextLayer.words(document, pageNumber));
                PDFRenderer renderer = new PDFRenderer(document);
                if (isUsableTextLayer(words)) {
                    return BoundedStep.run("rendering the page", deadline,
                            () -> renderer.renderImageWithDPI(pageNumber - 1, 144, ImageType.RGB));
                }
                int dpi = renderDpi(page);
                raw = BoundedStep.run("rendering the page", deadline,
                        () -> renderer.renderImageWithDPI(pageNumber - 1, dpi, ImageType.GRAY));
            } catch (IOException e) {
                throw new DocumentException(ReasonCode.DAMAGED, "the PDF is damaged: " + e.getMessage(), e);
            }
        } else {
            raw = decodeImagePage(file, pageNumber, deadline);
        }
        BufferedImage prepared = prepare(pageNumber, raw).image();
        return rotationDegrees == 180 ? PageImages.rotate180(prepared) : prepared;
    }

    private BufferedImage decodeImagePage(Path file, int pageNumber, Deadline deadline) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DocumentException(ReasonCode.NOT_READABLE, "cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DocumentException(ReasonCode.UNSUPPORTED_TYPE, "no decoder for this image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int index = pageNumber - 1;
                long pixels = BoundedStep.run("reading the image size", deadline,
                        () -> (long) reader.getWidth(index) * reader.getHeight(index));
                if (pixels > limits.maxPagePixels()) {
                    throw new DocumentException(ReasonCode.IMAGE_TOO_LARGE, "the image has " + pixels + " pixels");
                }
                return BoundedStep.run("decoding the page", deadline, () -> reader.read(index));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new DocumentException(ReasonCode.DAMAGED, "the image is damaged: " + e.getMessage(), e);
        }
    }

    /** Mean confidence over words with at least three letters or digits (noise specks do not count). */
    static double quality(List<Word> words) {
        double sum = 0;
        int n = 0;
        for (Word w : words) {
            if (w.text().codePoints().filter(Character::isLetterOrDigit).count() >= 3) {
                sum += w.confidence();
                n++;
            }
        }
        return n < 10 ? 0.0 : sum / n;
    }
}
