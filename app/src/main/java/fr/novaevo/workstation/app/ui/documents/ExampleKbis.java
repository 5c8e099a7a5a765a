package fr.novaevo.workstation.app.ui.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import fr.novaevo.workstation.ocr.kbis.Siren;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A born-digital Kbis extract of a made-up company, for trying the area without a file of one's own. It says
 * on its first line, in a red frame, that it is an example; its extract is four months old, so it comes out
 * "à vérifier" (KBIS-OUTDATED) and shows the review as well.
 */
final class ExampleKbis {

    static final String COMPANY = "GARAGE EXEMPLE NOVAEVO";
    private static final float MARGIN = 61;
    private static final float VALUE_X = 266;
    private static final float SIZE = 10;
    private static final float LEADING = 11.5f;
    private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** A valid SIREN (Luhn key) that belongs to the example alone. */
    static String siren() {
        for (int key = 0; key <= 9; key++) {
            String candidate = "91234567" + key;
            if (Siren.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Luhn key for the example SIREN");
    }

    /** Writes the example into {@code folder} (created when needed) and returns its path. */
    Path write(Path folder, LocalDate today) throws IOException {
        Files.createDirectories(folder);
        LocalDate issued = today.minusMonths(4);
        Path file = folder.resolve("exemple-kbis-" + issued.format(DateTimeFormatter.BASIC_ISO_DATE) + ".pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                draw(out, page.getMediaBox().getHeight(), issued);
            }
            document.getDocumentInformation().setTitle("Exemple de Kbis (démonstration NovaEvo, entreprise fictive)");
            Path temp = Files.createTempFile(folder, ".exemple", ".pdf");
            document.save(temp.toFile());
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private void draw(PDPageContentStream out, float height, LocalDate issued) throws IOException {
        String siren = siren();
        String spaced = siren.substring(0, 3) + " " + siren.substring(3, 6) + " " + siren.substring(6);
        String inWords = issued.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        float y = height - 40;

        out.setStrokingColor(0.8f, 0.1f, 0.1f);
        out.addRect(MARGIN - 6, y - 6, 480, 18);
        out.stroke();
        out.setNonStrokingColor(0.8f, 0.1f, 0.1f);
        text(out, bold, 9, MARGIN, y, "EXEMPLE - document de démonstration NovaEvo, entreprise fictive");
        out.setNonStrokingColor(0f, 0f, 0f);

        y -= 34;
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Greffe du Tribunal de Commerce de Lyon", null, false));
        lines.add(new Line("44 rue de Bonnel", null, false));
        lines.add(new Line("69003 LYON", null, false));
        lines.add(Line.GAP);
        lines.add(new Line("N° de gestion 2019B04521", null, false));
        for (Line line : lines) {
            y = line.draw(this, out, y);
        }
        text(out, regular, SIZE, 330, height - 120, "Code de vérification : Ex4mPl3dM0");
        text(out, regular, SIZE, 330, height - 120 - LEADING, "https://controle.infogreffe.fr/controle");

        y -= 40;
        text(out, bold, 18, 250, y, "Extrait Kbis");
        y -= 18;
        text(out, regular, SIZE, MARGIN + 10, y, "EXTRAIT D'IMMATRICULATION PRINCIPALE AU REGISTRE DU COMMERCE ET DES SOCIETES");
        y -= LEADING;
        text(out, regular, SIZE, 235, y, "à jour au " + inWords);
        y -= 2 * LEADING;

        lines.clear();
        lines.add(new Line("IDENTIFICATION DE LA PERSONNE MORALE", null, true));
        lines.add(new Line("Immatriculation au RCS, numéro", spaced + " R.C.S. Lyon", false));
        lines.add(new Line("Date d'immatriculation", "02/09/2019", false));
        lines.add(new Line("Dénomination ou raison sociale", COMPANY, false));
        lines.add(new Line("Forme juridique", "Société par actions simplifiée", false));
        lines.add(new Line("Capital social", "10 000,00 Euros", false));
        lines.add(new Line("Adresse du siège", "12 Rue de l'Exemple 69007 Lyon", false));
        lines.add(new Line("Activités principales", "Entretien et réparation de véhicules automobiles légers", false));
        lines.add(new Line("Nomenclature d'activités française (code", "4520A", false));
        lines.add(new Line("NAF)", null, false));
        lines.add(new Line("Durée de la personne morale", "Jusqu'au 01/09/2118", false));
        lines.add(new Line("Date de clôture de l'exercice social", "31 décembre", false));
        lines.add(Line.GAP);
        lines.add(new Line("GESTION, DIRECTION, ADMINISTRATION, CONTROLE, ASSOCIES OU MEMBRES", null, true));
        lines.add(new Line("Président", null, false));
        lines.add(new Line("Nom, prénoms", "DUPONT Camille", false));
        lines.add(new Line("Date et lieu de naissance", "Le 14/03/1980 à LYON (69)", false));
        lines.add(new Line("Nationalité", "Française", false));
        lines.add(new Line("Domicile personnel", "3 Place Bellecour 69002 LYON", false));
        lines.add(Line.GAP);
        lines.add(new Line("RENSEIGNEMENTS RELATIFS A L'ACTIVITE ET A L'ETABLISSEMENT PRINCIPAL", null, true));
        lines.add(new Line("Adresse de l'établissement", "12 Rue de l'Exemple 69007 LYON", false));
        lines.add(new Line("Activité(s) exercée(s)", "Entretien et réparation de véhicules automobiles légers", false));
        lines.add(new Line("Date de commencement d'activité", "02/09/2019", false));
        lines.add(new Line("Origine du fonds ou de l'activité", "Création", false));
        lines.add(new Line("Mode d'exploitation", "Exploitation directe", false));
        for (Line line : lines) {
            y = line.draw(this, out, y);
        }
        y -= 2 * LEADING;
        text(out, regular, SIZE, 400, y, "Le Greffier");
        y -= 3 * LEADING;
        text(out, bold, SIZE, 250, y, "FIN DE L'EXTRAIT");
        text(out, regular, SIZE, 170, 40, "R.C.S. Lyon - " + issued.format(NUMERIC) + " - 10:00:00 page 1/1");
    }

    private static void text(PDPageContentStream out, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** A label and its value on one line, a section heading (bold, centred), or an empty line. */
    private record Line(String label, String value, boolean heading) {
        static final Line GAP = new Line("", null, false);

        float draw(ExampleKbis kbis, PDPageContentStream out, float y) throws IOException {
            if (heading) {
                float width = kbis.bold.getStringWidth(label) / 1000 * SIZE;
                text(out, kbis.bold, SIZE, (595 - width) / 2, y, label);
            } else if (!label.isEmpty()) {
                text(out, value == null && label.equals("Président") ? kbis.bold : kbis.regular, SIZE, MARGIN, y, label);
                if (value != null) {
                    text(out, kbis.regular, SIZE, VALUE_X, y, value);
                }
            }
            return y - LEADING;
        }
    }
}
