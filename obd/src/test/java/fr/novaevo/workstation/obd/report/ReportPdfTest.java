package fr.novaevo.workstation.obd.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.core.settings.GarageIdentity;
import fr.novaevo.workstation.obd.history.DiagnosticSession;
import fr.novaevo.workstation.obd.history.KeyValue;
import fr.novaevo.workstation.obd.testing.ObdFixtures;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPdfTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:15:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private GarageIdentity garage(Optional<Path> logo) {
        return new GarageIdentity("Garage Élan Mécanique", "12 rue des Forges\n69003 Lyon", "732 829 320 00074",
                "04 78 00 00 00", logo);
    }

    private ReportContent content(Locale locale, DiagnosticSession session, Optional<Path> logo) {
        return new ReportContent(garage(logo), session,
                Optional.of(new VinDecoder(Clock.systemUTC()).decode(session.vin())), "Camille Durand", locale,
                PARIS, AT.plusSeconds(600));
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private Path logo() throws IOException {
        BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 60; y++) {
                image.setRGB(x, y, x < 60 ? 0x0D4C8C : 0xE8A317);
            }
        }
        Path file = dir.resolve("logo.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void frenchReportPrintsGarageVehicleCodesBeforeAndAfterReadinessValuesNotesAndPages() throws IOException {
        ObdFixtures.Diagnosis d = ObdFixtures.misfireDiagnosis(Locale.FRENCH, AT);
        Path pdf = dir.resolve("out/rapport.pdf");
        int pages = new PdfReportWriter().write(content(Locale.FRENCH, d.session(), Optional.of(logo())), pdf);

        assertThat(pdf).isRegularFile();
        try (Stream<Path> files = Files.list(pdf.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(pdf);
        }
        String text = text(pdf);
        assertThat(text).contains("Garage Élan Mécanique", "69003 Lyon", "SIRET 732 829 320 00074",
                "Rapport de diagnostic", "Camille Durand");
        assertThat(text).contains("VF1RJA00XKB123456", "Renault", "2019");
        assertThat(text).contains("Codes défaut relevés", "P0302", "Ratés d'allumage détectés sur le cylindre 2",
                "critique", "P0300", "élevée");
        assertThat(text).contains("Codes défaut après effacement");
        assertThat(text).contains("Moniteurs de préparation", "Catalyseur");
        assertThat(text).contains("Valeurs relevées", "rpm");
        assertThat(text).as("numbers in the French format").containsPattern("\\d+,\\d+ V");
        assertThat(text).contains("Bougie du cylindre 2 remplacée");
        assertThat(text).contains("02/03/2026 à 09:25", "Page 1 / " + pages);
        int afterHeading = text.indexOf("Codes défaut après effacement");
        assertThat(text.substring(afterHeading, text.indexOf("Moniteurs de préparation")))
                .as("only the permanent code is left after clearing").contains("P0302", "permanent")
                .doesNotContain("P0300");

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pages);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("the logo").isNotEmpty();
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "report-page-1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertThat(png).isRegularFile();
        }
    }

    @Test
    void englishReportSaysSoAndNumbersEveryPage() throws IOException {
        ObdFixtures.Diagnosis d = ObdFixtures.misfireDiagnosis(Locale.ENGLISH, AT);
        List<KeyValue> many = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            many.add(new KeyValue("Value " + i, i, "rpm", i + " rpm"));
        }
        DiagnosticSession long1 = d.session().withKeyValues(many).withNotes("Spark plug replaced.");
        Path pdf = dir.resolve("report.pdf");
        int pages = new PdfReportWriter().write(content(Locale.ENGLISH, long1, Optional.empty()), pdf);

        assertThat(pages).isGreaterThan(1);
        String text = text(pdf);
        assertThat(text).contains("Diagnostic report", "Fault codes found", "Misfire detected in cylinder 2"
                .substring(0, 7), "critical", "Fault codes after clearing", "Readiness monitors", "Key live values",
                "Technician's notes", "Spark plug replaced.", "Value 89");
        for (int p = 1; p <= pages; p++) {
            assertThat(text).contains("Page " + p + " of " + pages);
        }
    }

    @Test
    void withoutTheTrueTypeFileHelveticaStillPrintsTheReport() throws IOException {
        ObdFixtures.Diagnosis d = ObdFixtures.misfireDiagnosis(Locale.FRENCH, AT);
        Path pdf = dir.resolve("helvetica.pdf");
        DiagnosticSession s = d.session().withNotes("Contrôle OK — œuvre ≥ 2 h ✓");
        new PdfReportWriter(dir.resolve("missing.ttf"), dir.resolve("missing-bold.ttf"))
                .write(content(Locale.FRENCH, s, Optional.empty()), pdf);
        String text = text(pdf);
        assertThat(text).contains("VF1RJA00XKB123456", "P0302", "Contrôle OK — œuvre ? 2 h ?");
    }

    @Test
    void aSessionWithoutVinOrCodesSaysSo() throws IOException {
        DiagnosticSession empty = new DiagnosticSession(0, "", AT, "sim", "ELM327 v1.5", "ISO 9141-2", false,
                new fr.novaevo.workstation.obd.session.ScanResult.Dtcs(List.of(), List.of(), List.of()),
                Optional.empty(), Optional.empty(), List.of(), List.of(), "");
        Path pdf = dir.resolve("empty.pdf");
        new PdfReportWriter().write(new ReportContent(garage(Optional.empty()), empty, Optional.empty(), "",
                Locale.FRENCH, PARIS, AT), pdf);
        assertThat(text(pdf)).contains("non communiqué par le véhicule", "Aucun code défaut.",
                "Les codes n'ont pas été effacés", "Aucune observation.");
        assertThat(PdfReportWriter.fileName(new ReportContent(garage(Optional.empty()), empty, Optional.empty(), "",
                Locale.FRENCH, PARIS, AT))).isEqualTo("diagnostic-sansvin-20260302-091500.pdf");
    }

    @Test
    void keyValuesFollowTheReportsNumberFormat() {
        KeyValue volts = new KeyValue("Control module voltage", 14.2, "V", "14.20 V");
        KeyValue odometer = new KeyValue("Odometer", 87_412.3, "km", "87412.30 km");
        KeyValue state = new KeyValue("Fuel system status", Double.NaN, "", "Closed loop");
        assertThat(PdfReportWriter.valueText(volts, Locale.FRENCH)).isEqualTo("14,2 V");
        assertThat(PdfReportWriter.valueText(volts, Locale.UK)).isEqualTo("14.2 V");
        assertThat(PdfReportWriter.valueText(odometer, Locale.FRENCH)).isEqualTo("87412 km");
        assertThat(PdfReportWriter.valueText(state, Locale.FRENCH)).isEqualTo("Closed loop");
        KeyValue two = new KeyValue("O2 sensor 1", 0.45, "V", "0.45 V, 3.1 %");
        assertThat(PdfReportWriter.valueText(two, Locale.FRENCH)).as("two values: the text").isEqualTo("0.45 V, 3.1 %");
    }
}
