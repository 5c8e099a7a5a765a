package fr.novaevo.workstation.ocr.kbis;

import fr.novaevo.workstation.ocr.document.DocumentContent;
import fr.novaevo.workstation.ocr.document.PageContent;
import fr.novaevo.workstation.ocr.document.Word;
import java.util.List;
import java.util.Optional;

/**
 * Tells a Kbis (company) or extrait K (sole trader) from any other document by the fixed wording of the
 * register's extracts. An invoice may well print "R.C.S." and a SIREN: it lacks the extract's structure.
 */
public final class DocumentClassifier {

    private static final List<String> MARKERS = List.of(
            "greffe du tribunal de commerce", "extrait d'immatriculation principale", "registre du commerce et des societes",
            "immatriculation au rcs", "identification de la personne", "code de verification", "fin de l'extrait",
            "date d'immatriculation", "renseignements relatifs");
    private static final int KBIS_MIN_MARKERS = 4;
    private static final int MIN_WORDS_TO_TELL = 15;

    public Classification classify(DocumentContent content) {
        StringBuilder all = new StringBuilder();
        int words = 0;
        for (PageContent page : content.pages()) {
            for (TextLine line : LineBuilder.lines(page)) {
                all.append(Folding.fold(line.text())).append('\n');
            }
            words += (int) page.words().stream().map(Word::text).filter(Folding::hasContent).count();
        }
        String text = all.toString();
        int markers = 0;
        for (String marker : MARKERS) {
            if (text.contains(marker)) {
                markers++;
            }
        }
        if (markers >= KBIS_MIN_MARKERS) {
            return new Classification(DocumentType.KBIS, personne(text), markers);
        }
        return new Classification(words >= MIN_WORDS_TO_TELL ? DocumentType.OTHER : DocumentType.UNKNOWN,
                Optional.empty(), markers);
    }

    private static Optional<String> personne(String text) {
        if (text.contains("personne physique") || text.matches("(?s).*(^|\\n)\\W{0,3}extrait k\\W{0,3}\\n.*")) {
            return Optional.of("physique");
        }
        if (text.contains("personne morale") || text.contains("extrait kbis")) {
            return Optional.of("morale");
        }
        return Optional.empty();
    }
}
