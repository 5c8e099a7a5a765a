package fr.novaevo.workstation.ocr.kbis;

import java.util.List;
import java.util.Optional;

/**
 * Words the register prints from closed lists (roles, legal forms, months): an OCR reading close to one of
 * them is taken to be it.
 */
final class Vocabulary {

    static final List<String> ROLES = List.of(
            "Président", "Directeur général", "Directeur général délégué", "Directeur général unique",
            "Gérant", "Gérant - Associé unique", "Cogérant", "Associé unique", "Associé",
            "Associé indéfiniment et solidairement responsable", "Associé indéfiniment responsable",
            "Commissaire aux comptes titulaire", "Commissaire aux comptes suppléant", "Administrateur",
            "Président du conseil d'administration", "Président du conseil de surveillance",
            "Membre du conseil de surveillance", "Président du directoire", "Membre du directoire",
            "Liquidateur", "Liquidateur amiable", "Représentant permanent");

    static final List<String> LEGAL_FORMS = List.of(
            "Société par actions simplifiée", "Société par actions simplifiée à associé unique",
            "Société à responsabilité limitée", "Société à responsabilité limitée (Société à associé unique)",
            "Société à responsabilité limitée à associé unique", "Société anonyme",
            "Société anonyme à conseil d'administration", "Société anonyme à directoire et conseil de surveillance",
            "Société en nom collectif", "Société en commandite simple", "Société en commandite par actions",
            "Société civile", "Société civile immobilière", "Société d'exercice libéral à responsabilité limitée",
            "Entreprise unipersonnelle à responsabilité limitée");

    private Vocabulary() {
    }

    /**
     * The entry of {@code list} closest to {@code text}, when within a small edit distance. Accents and
     * apostrophe style of the printed text are kept when the printed text is already an exact match.
     */
    static Optional<String> closest(String text, List<String> list, double tolerance) {
        String folded = Folding.fold(text);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String entry : list) {
            int d = Folding.distance(folded, Folding.fold(entry));
            if (d < bestDistance) {
                bestDistance = d;
                best = entry;
            }
        }
        if (best == null || bestDistance > Math.max(1, Math.round(Folding.fold(best).length() * tolerance))) {
            return Optional.empty();
        }
        return Optional.of(best);
    }
}
