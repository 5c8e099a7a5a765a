package fr.novaevo.workstation.ocr.document;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the words of one PDF page from its text layer, with their boxes in points from the top-left corner
 * of the page as displayed (the page's /Rotate already applied).
 */
final class PdfTextLayer extends PDFTextStripper {

    private final List<Word> words = new ArrayList<>();

    private PdfTextLayer() {
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    static List<Word> words(PDDocument document, int pageNumber) throws IOException {
        PdfTextLayer layer = new PdfTextLayer();
        layer.setStartPage(pageNumber);
        layer.setEndPage(pageNumber);
        layer.writeText(document, new StringWriter());
        return layer.words;
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        // PDFBox hands over one word at a time, but a word can still hold spaces drawn as glyphs.
        List<TextPosition> current = new ArrayList<>();
        for (TextPosition p : positions) {
            if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                flush(current);
            } else {
                current.add(p);
            }
        }
        flush(current);
    }

    private void flush(List<TextPosition> glyphs) {
        if (glyphs.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (TextPosition p : glyphs) {
            text.append(p.getUnicode());
            double height = Math.max(p.getHeightDir(), p.getFontSizeInPt() * 0.7);
            double left = p.getXDirAdj();
            double baseline = p.getYDirAdj();
            x0 = Math.min(x0, left);
            x1 = Math.max(x1, left + Math.max(0, p.getWidthDirAdj()));
            y0 = Math.min(y0, baseline - height);
            y1 = Math.max(y1, baseline);
        }
        if (Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1)) {
            words.add(new Word(text.toString(), x0, y0, Math.max(x0, x1), Math.max(y0, y1), 1.0));
        }
        glyphs.clear();
    }
}
