package fr.novaevo.workstation.obd.report;

import fr.novaevo.workstation.core.settings.GarageIdentity;
import fr.novaevo.workstation.obd.dtc.CodeStatus;
import fr.novaevo.workstation.obd.dtc.Severity;
import fr.novaevo.workstation.obd.history.DiagnosticSession;
import fr.novaevo.workstation.obd.history.KeyValue;
import fr.novaevo.workstation.obd.service.Readiness;
import fr.novaevo.workstation.obd.session.ScanResult;
import fr.novaevo.workstation.obd.vin.VinReport;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the diagnostic report as an A4 PDF with PDFBox: garage identity and logo, the vehicle and what its VIN
 * decodes to, codes before and after clearing with their severity, readiness, key live values, the technician's
 * notes, the date and page numbers, in French or English. The fonts are embedded (DejaVu Sans, a subset); only
 * when that file is missing does it fall back to the standard Helvetica, with every character it cannot encode
 * replaced by "?". The file is written next to its target and renamed, so a reader never sees half a report.
 */
public final class PdfReportWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PdfReportWriter.class);

    /** DejaVu Sans as Debian installs it (package fonts-dejavu-core). */
    public static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    public static final Path DEJAVU_SANS_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private static final float MARGIN = 50;
    private static final float BOTTOM = 62;
    private static final float[] DARK = {0.12f, 0.14f, 0.18f};
    private static final float[] GREY = {0.42f, 0.45f, 0.50f};
    private static final float[] ACCENT = {0.05f, 0.30f, 0.55f};
    private static final float[] LIGHT = {0.91f, 0.93f, 0.96f};

    private final Path regularFont;
    private final Path boldFont;

    /** With DejaVu Sans from the system, or Helvetica when it is not installed. */
    public PdfReportWriter() {
        this(DEJAVU_SANS, DEJAVU_SANS_BOLD);
    }

    /**
     * @param regularFont a TrueType font file for the text
     * @param boldFont    its bold face; the regular face is used when this file is missing
     */
    public PdfReportWriter(Path regularFont, Path boldFont) {
        this.regularFont = regularFont;
        this.boldFont = boldFont;
    }

    /**
     * Writes the report to {@code target} (its folder is created when missing).
     *
     * @return the number of pages
     */
    public int write(ReportContent content, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            int pages;
            try (PDDocument doc = new PDDocument()) {
                pages = render(doc, content);
                doc.save(tmp.toFile());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return pages;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A file name for the report: {@code diagnostic-<VIN>-<yyyyMMdd-HHmm>.pdf}. */
    public static String fileName(ReportContent content) {
        String vin = content.session().vin().isEmpty() ? "sans-vin" : content.session().vin();
        return "diagnostic-" + vin.replaceAll("[^A-Za-z0-9]", "") + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(content.zone())
                        .format(content.generatedAt()) + ".pdf";
    }

    private int render(PDDocument doc, ReportContent content) throws IOException {
        PDFont regular;
        PDFont bold;
        if (Files.isReadable(regularFont)) {
            regular = PDType0Font.load(doc, regularFont.toFile());
            bold = Files.isReadable(boldFont) ? PDType0Font.load(doc, boldFont.toFile()) : regular;
        } else {
            LOG.warn("font {} not found: the report uses Helvetica (accents outside Latin-1 become ?)", regularFont);
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        }
        ReportTexts t = new ReportTexts(content.french());
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(content.french() ? "dd/MM/yyyy 'à' HH:mm"
                : "d MMM yyyy, HH:mm", content.french() ? Locale.FRENCH : Locale.UK).withZone(content.zone());
        DiagnosticSession s = content.session();
        doc.getDocumentInformation().setTitle(t.get("title") + " " + s.vin());
        doc.getDocumentInformation().setCreator("NovaEvo Workstation");
        doc.getDocumentInformation().setAuthor(content.garage().name());

        Canvas c = new Canvas(doc, regular, bold);
        c.newPage();
        header(doc, c, content, t, dates);
        vehicle(c, content, t, dates);
        codes(c, t.get("codesBefore"), s.codesBefore(), t);
        if (s.codesAfter().isPresent()) {
            String when = s.clearedAt().map(dates::format).orElse("");
            codes(c, t.get("codesAfter") + (when.isEmpty() ? "" : " (" + when + ")"), s.codesAfter().get(), t);
        } else {
            c.heading(t.get("codesAfter"));
            c.paragraph(t.get("notCleared"), c.regular, 10, GREY);
        }
        readiness(c, s.readiness(), t);
        values(c, s.keyValues(), t, content.french() ? Locale.FRENCH : Locale.UK);
        c.heading(t.get("notes"));
        c.paragraph(s.notes().isBlank() ? t.get("noNotes") : s.notes(), c.regular, 10,
                s.notes().isBlank() ? GREY : DARK);
        c.finish();
        footers(doc, c, content, t, dates);
        return doc.getNumberOfPages();
    }

    private static void header(PDDocument doc, Canvas c, ReportContent content, ReportTexts t,
            DateTimeFormatter dates) throws IOException {
        GarageIdentity g = content.garage();
        float top = c.y;
        float x = MARGIN;
        Optional<Path> logo = g.logo().filter(Files::isReadable);
        if (logo.isPresent()) {
            try {
                PDImageXObject image = PDImageXObject.createFromFileByContent(logo.get().toFile(), doc);
                float h = 56;
                float w = Math.min(140, image.getWidth() * h / Math.max(1, image.getHeight()));
                h = w * image.getHeight() / Math.max(1, image.getWidth());
                c.cs.drawImage(image, x, top - h, w, h);
                x += w + 14;
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("the garage logo {} cannot be read; the report has no logo", logo.get(), e);
            }
        }
        float right = PDRectangle.A4.getWidth() - MARGIN;
        String title = t.get("title");
        String date = t.get("generated") + " " + dates.format(content.generatedAt());
        String tech = content.technician().isBlank() ? ""
                : t.get("technician") + (content.french() ? " : " : ": ") + content.technician();
        float block = Math.max(c.width(c.bold, 17, title), Math.max(c.width(c.regular, 9.5f, date),
                c.width(c.regular, 9.5f, tech)));
        c.text(right - c.width(c.bold, 17, title), top - 16, c.bold, 17, title, ACCENT);
        c.text(right - c.width(c.regular, 9.5f, date), top - 32, c.regular, 9.5f, date, DARK);
        if (!tech.isEmpty()) {
            c.text(right - c.width(c.regular, 9.5f, tech), top - 45, c.regular, 9.5f, tech, DARK);
        }
        float room = right - block - 16 - x;
        float y = top - 14;
        List<String> name = c.wrap(g.name().isBlank() ? "—" : g.name(), c.bold, 14, room);
        for (int i = 0; i < name.size(); i++) {
            if (i > 0) {
                y -= 16;
            }
            c.text(x, y, c.bold, 14, name.get(i), DARK);
        }
        for (String line : g.address().split("\\R")) {
            if (!line.isBlank()) {
                for (String part : c.wrap(line.strip(), c.regular, 9.5f, room)) {
                    y -= 13;
                    c.text(x, y, c.regular, 9.5f, part, DARK);
                }
            }
        }
        List<String> ids = new ArrayList<>();
        if (!g.siret().isBlank()) {
            ids.add(t.get("siret") + " " + g.siret());
        }
        if (!g.phone().isBlank()) {
            ids.add(t.get("phone") + " " + g.phone());
        }
        for (String id : ids) {
            y -= 13;
            c.text(x, y, c.regular, 9.5f, c.fit(id, c.regular, 9.5f, room), GREY);
        }
        c.y = Math.min(y, top - 60) - 14;
        c.rule(ACCENT, 1.2f);
        c.y -= 6;
    }

    private static void vehicle(Canvas c, ReportContent content, ReportTexts t, DateTimeFormatter dates)
            throws IOException {
        DiagnosticSession s = content.session();
        c.heading(t.get("vehicle"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t.get("vin"), s.vin().isEmpty() ? t.get("noVin") : s.vin()});
        Optional<VinReport> v = content.vehicle();
        if (v.isPresent()) {
            VinReport r = v.get();
            rows.add(new String[] {t.get("manufacturer"), r.manufacturer().orElse(t.get("unknown"))});
            rows.add(new String[] {t.get("country"), r.country().orElse(t.get("unknown"))});
            rows.add(new String[] {t.get("modelYear"),
                r.modelYear().isPresent() ? Integer.toString(r.modelYear().getAsInt()) : t.get("unknown")});
            StringBuilder check = new StringBuilder(r.valid() ? t.get("vinValid") : t.get("vinInvalid"));
            r.issues().stream()
                    .filter(i -> i.level() == fr.novaevo.workstation.obd.vin.VinIssue.Level.ERROR)
                    .forEach(i -> check.append(" — ").append(content.french() ? i.french() : i.english()));
            rows.add(new String[] {t.get("vinCheck"), check.toString()});
        }
        rows.add(new String[] {t.get("diagnosedAt"), dates.format(s.startedAt())});
        rows.add(new String[] {t.get("protocol"), s.protocol()});
        rows.add(new String[] {t.get("adapter"), s.adapter() + (s.port().isBlank() ? "" : " — " + s.port())});
        rows.add(new String[] {t.get("mil"), s.mil() ? t.get("on") : t.get("off")});
        for (String[] row : rows) {
            c.pair(row[0], row[1]);
        }
    }

    private static void codes(Canvas c, String title, ScanResult.Dtcs dtcs, ReportTexts t) throws IOException {
        c.heading(title);
        if (dtcs.count() == 0) {
            c.paragraph(t.get("noCodes"), c.regular, 10, GREY);
            return;
        }
        float[] widths = {52, 66, 240, 64, 73};
        String[] head = {t.get("colCode"), t.get("colKind"), t.get("colDescription"), t.get("colEcu"),
            t.get("colSeverity")};
        c.tableHeader(widths, head);
        addCodes(c, widths, head, dtcs.stored(), t.get("STORED"), t);
        addCodes(c, widths, head, dtcs.pending(), t.get("PENDING"), t);
        addCodes(c, widths, head, dtcs.permanent(), t.get("PERMANENT"), t);
    }

    private static void addCodes(Canvas c, float[] widths, String[] head, List<ScanResult.Dtc> list, String kind,
            ReportTexts t) throws IOException {
        boolean french = "mémorisé".equals(t.get("STORED"));
        for (ScanResult.Dtc d : list) {
            String description = d.description();
            if (d.status() == CodeStatus.MANUFACTURER_SPECIFIC && description.isBlank()) {
                description = t.get("manufacturerSpecific");
            }
            String severity = french ? d.severity().french() : d.severity().english();
            c.tableRow(widths, head, new String[] {d.code(), kind, description, d.ecu(), severity},
                    new float[][] {DARK, DARK, DARK, DARK, severityColour(d.severity())}, new boolean[] {true,
                        false, false, false, true});
        }
    }

    private static float[] severityColour(Severity s) {
        return switch (s) {
            case CRITICAL -> new float[] {0.75f, 0.05f, 0.05f};
            case HIGH -> new float[] {0.85f, 0.38f, 0.0f};
            case MODERATE -> new float[] {0.60f, 0.48f, 0.0f};
            case LOW -> GREY;
        };
    }

    private static void readiness(Canvas c, List<Readiness> readiness, ReportTexts t) throws IOException {
        c.heading(t.get("readiness"));
        if (readiness.isEmpty()) {
            c.paragraph(t.get("noReadiness"), c.regular, 10, GREY);
            return;
        }
        float[] widths = {230, 265};
        String[] head = {t.get("colMonitor"), t.get("colState")};
        for (Readiness r : readiness) {
            c.ensure(70);
            c.y -= 4;
            String summary = t.get("colEcu") + " " + r.ecu() + " — " + (r.ready() ? t.get("ready")
                    : t.get("notReady") + " : " + r.incomplete().size());
            c.paragraph(summary, c.bold, 10, r.ready() ? DARK : severityColour(Severity.HIGH));
            c.tableHeader(widths, head);
            for (Readiness.Monitor m : r.monitors()) {
                String state = !m.supported() ? t.get("notSupported")
                        : m.complete() ? t.get("complete") : t.get("incomplete");
                float[] colour = !m.supported() ? GREY : m.complete() ? DARK : severityColour(Severity.HIGH);
                c.tableRow(widths, head, new String[] {t.get(m.name()), state}, new float[][] {DARK, colour},
                        new boolean[] {false, m.supported() && !m.complete()});
            }
        }
    }

    /**
     * A value in the report's number format ("14,2 V" in French); a state, or a reading of several values
     * ("0.45 V, 3 %"), keeps its text. No thousands separator: French uses a narrow no-break space that the
     * fallback font cannot draw.
     */
    static String valueText(KeyValue v, Locale locale) {
        String plain = "-?\\d+(\\.\\d+)?" + (v.unit().isEmpty() ? "" : " " + java.util.regex.Pattern.quote(v.unit()));
        if (!Double.isFinite(v.value()) || !v.text().matches(plain)) {
            return v.text();
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(Math.abs(v.value()) >= 100 ? 0 : 2);
        String number = format.format(v.value());
        return v.unit().isEmpty() ? number : number + " " + v.unit();
    }

    private static void values(Canvas c, List<KeyValue> values, ReportTexts t, Locale locale) throws IOException {
        c.heading(t.get("keyValues"));
        if (values.isEmpty()) {
            c.paragraph(t.get("noValues"), c.regular, 10, GREY);
            return;
        }
        float[] widths = {300, 195};
        String[] head = {t.get("colDescription"), t.get("colValue")};
        c.tableHeader(widths, head);
        for (KeyValue v : values) {
            c.tableRow(widths, head, new String[] {v.name(), valueText(v, locale)}, new float[][] {DARK, DARK},
                    new boolean[] {false, true});
        }
    }

    private static void footers(PDDocument doc, Canvas c, ReportContent content, ReportTexts t,
            DateTimeFormatter dates) throws IOException {
        int n = doc.getNumberOfPages();
        String left = content.garage().name().isBlank() ? t.get("title") : content.garage().name() + " — "
                + t.get("title");
        if (!content.session().vin().isEmpty()) {
            left += " " + content.session().vin();
        }
        String middle = dates.format(content.generatedAt());
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                c.cs = cs;
                float right = PDRectangle.A4.getWidth() - MARGIN;
                cs.setStrokingColor(LIGHT[0] - 0.15f, LIGHT[1] - 0.15f, LIGHT[2] - 0.15f);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, 44);
                cs.lineTo(right, 44);
                cs.stroke();
                c.text(MARGIN, 32, c.regular, 8, c.fit(left, c.regular, 8, 290), GREY);
                String page1 = String.format(t.get("page"), i + 1, n);
                c.text(right - c.width(c.regular, 8, page1), 32, c.regular, 8, page1, GREY);
                c.text(MARGIN + 300, 32, c.regular, 8, middle, GREY);
            }
        }
        c.cs = null;
    }

    /** The page being filled and the cursor on it. */
    private static final class Canvas {

        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
        private PDPageContentStream cs;
        private float y;

        Canvas(PDDocument doc, PDFont regular, PDFont bold) {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
        }

        void newPage() throws IOException {
            finish();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void finish() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }

        void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        float contentWidth() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        void heading(String text) throws IOException {
            ensure(50);
            y -= 20;
            text(MARGIN, y, bold, 12, text, ACCENT);
            y -= 5;
            rule(LIGHT, 1f);
            y -= 13;
        }

        void rule(float[] colour, float width) throws IOException {
            cs.setStrokingColor(colour[0], colour[1], colour[2]);
            cs.setLineWidth(width);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + contentWidth(), y);
            cs.stroke();
        }

        void pair(String label, String value) throws IOException {
            List<String> lines = wrap(value, regular, 10, contentWidth() - 150);
            ensure(lines.size() * 13f + 2);
            text(MARGIN, y, regular, 10, label, GREY);
            for (String line : lines) {
                text(MARGIN + 150, y, bold, 10, line, DARK);
                y -= 13;
            }
            y -= 1;
        }

        void paragraph(String text, PDFont font, float size, float[] colour) throws IOException {
            for (String line : wrap(text, font, size, contentWidth())) {
                ensure(size + 4);
                text(MARGIN, y, font, size, line, colour);
                y -= size + 4;
            }
            y -= 3;
        }

        void tableHeader(float[] widths, String[] head) throws IOException {
            ensure(36);
            cs.setNonStrokingColor(LIGHT[0], LIGHT[1], LIGHT[2]);
            cs.addRect(MARGIN, y - 5, contentWidth(), 17);
            cs.fill();
            float x = MARGIN + 4;
            for (int i = 0; i < head.length; i++) {
                text(x, y, bold, 9, fit(head[i], bold, 9, widths[i] - 6), DARK);
                x += widths[i];
            }
            y -= 18;
        }

        void tableRow(float[] widths, String[] head, String[] cells, float[][] colours, boolean[] strong)
                throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> w = wrap(cells[i], strong[i] ? bold : regular, 9, widths[i] - 8);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            float height = lines * 12f + 4;
            if (y - height < BOTTOM) {
                newPage();
                tableHeader(widths, head);
            }
            float x = MARGIN + 4;
            for (int i = 0; i < cells.length; i++) {
                float ly = y;
                for (String line : wrapped.get(i)) {
                    text(x, ly, strong[i] ? bold : regular, 9, line, colours[i]);
                    ly -= 12;
                }
                x += widths[i];
            }
            y -= height;
            cs.setStrokingColor(LIGHT[0], LIGHT[1], LIGHT[2]);
            cs.setLineWidth(0.5f);
            cs.moveTo(MARGIN, y + 8);
            cs.lineTo(MARGIN + contentWidth(), y + 8);
            cs.stroke();
        }

        void text(float x, float atY, PDFont font, float size, String text, float[] colour) throws IOException {
            String safe = safe(font, text);
            if (safe.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(colour[0], colour[1], colour[2]);
            cs.newLineAtOffset(x, atY);
            cs.showText(safe);
            cs.endText();
        }

        float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(safe(font, text)) / 1000f * size;
        }

        /** The text cut with "…" (or "...") to fit {@code max} points. */
        String fit(String text, PDFont font, float size, float max) throws IOException {
            if (width(font, size, text) <= max) {
                return text;
            }
            String ellipsis = safe(font, "…").equals("…") ? "…" : "...";
            String t = text;
            while (!t.isEmpty() && width(font, size, t + ellipsis) > max) {
                t = t.substring(0, t.length() - 1);
            }
            return t + ellipsis;
        }

        /** Splits into lines no wider than {@code max}, at spaces, or inside a word too long for a line. */
        List<String> wrap(String text, PDFont font, float size, float max) throws IOException {
            List<String> out = new ArrayList<>();
            for (String para : (text == null ? "" : text).split("\\R", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : para.replace('\t', ' ').split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(font, size, candidate) <= max) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (width(font, size, rest) > max && rest.length() > 1) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && width(font, size, rest.substring(0, cut)) > max) {
                            cut--;
                        }
                        out.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                out.add(line.toString());
            }
            return out;
        }

        /** The text with every character the font cannot show replaced by "?" (control characters dropped). */
        String safe(PDFont font, String text) {
            Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    return;
                }
                boolean ok = known.computeIfAbsent(cp, k -> {
                    try {
                        font.encode(new String(Character.toChars(k)));
                        return true;
                    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                        return false;
                    }
                });
                if (ok) {
                    b.appendCodePoint(cp);
                } else if (cp == '\u2014' || cp == '\u2013') {
                    b.append('-');
                } else {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }
}
