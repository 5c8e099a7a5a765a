package fr.novaevo.workstation.ocr.export;

import fr.novaevo.workstation.ocr.result.Issue;
import java.util.Map;

/**
 * The reasons of the workbook's "Erreurs" sheet in French (the {@link Issue} messages are English, for logs and
 * the command line). A message that names fields keeps their names ({@code {detail}}: what follows the English
 * message's colon); a code not known here keeps its English message.
 */
public final class FrenchReasons {

    private static final String DETAIL = "{detail}";

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("OCR-EMPTY-FILE", "Le fichier est vide."),
            Map.entry("OCR-NOT-READABLE", "Le fichier ne peut pas être lu (droits d'accès, fichier déplacé ou illisible)."),
            Map.entry("OCR-UNSUPPORTED-TYPE", "Type de fichier non pris en charge (PDF, PNG, JPEG ou TIFF attendu)."),
            Map.entry("OCR-ENCRYPTED", "Le PDF est protégé par un mot de passe."),
            Map.entry("OCR-DAMAGED", "Le fichier est endommagé ou incomplet."),
            Map.entry("OCR-FILE-TOO-LARGE", "Le fichier dépasse la taille maximale acceptée."),
            Map.entry("OCR-TOO-MANY-PAGES", "Le document dépasse le nombre maximal de pages."),
            Map.entry("OCR-IMAGE-TOO-LARGE", "Une image du document dépasse la taille maximale acceptée."),
            Map.entry("OCR-TIMEOUT", "La lecture du document a dépassé le temps imparti."),
            Map.entry("OCR-CANCELLED", "Lecture annulée avant la fin."),
            Map.entry("OCR-NO-TEXT", "Trop peu de texte pour reconnaître le document."),
            Map.entry("OCR-NOT-A-KBIS", "Le document n'est pas un extrait Kbis."),
            Map.entry("OCR-ENGINE-UNAVAILABLE", "Le moteur de reconnaissance de texte (Tesseract) n'est pas disponible."),
            Map.entry("OCR-ENGINE-FAILED", "Le moteur de reconnaissance de texte a échoué sur ce document."),
            Map.entry("OCR-INTERNAL", "Erreur interne pendant la lecture de ce document."),
            Map.entry("KBIS-FIELD-MISSING", "Champs non trouvés : " + DETAIL),
            Map.entry("KBIS-SIREN-INVALID", "Le SIREN ne respecte pas sa clé de contrôle."),
            Map.entry("KBIS-RCS-MISMATCH", "Le numéro RCS ne correspond pas au SIREN, à la ville du greffe ou au type de personne."),
            Map.entry("KBIS-DATE-IMPLAUSIBLE", "Dates invraisemblables : " + DETAIL),
            Map.entry("KBIS-OUTDATED", "L'extrait date de plus de 3 mois."),
            Map.entry("KBIS-STRUCK-OFF", "L'entreprise est radiée."),
            Map.entry("KBIS-CAPITAL-INVALID", "Le capital social n'est pas un montant valable."),
            Map.entry("KBIS-OFFICERS-INCONSISTENT",
                    "Les dirigeants ne correspondent pas à la forme juridique (une SAS a un président, une SARL un gérant)."),
            Map.entry("KBIS-CODE-AMBIGUOUS", "Le code de vérification contient des caractères ambigus (l/I, O/0) : à vérifier."),
            Map.entry("KBIS-LOW-CONFIDENCE", "Champs lus avec une confiance faible : " + DETAIL),
            Map.entry("BATCH-FILE-MISSING", "Le fichier n'existe pas (ou plus)."),
            Map.entry("BATCH-TIMEOUT", "Le lot a atteint sa durée maximale avant la lecture de ce document."));

    private FrenchReasons() {
    }

    public static String message(Issue issue) {
        String text = TEXTS.get(issue.code());
        if (text == null) {
            return issue.message();
        }
        if (!text.endsWith(DETAIL)) {
            return text;
        }
        int colon = issue.message().indexOf(": ");
        String detail = colon < 0 ? "" : issue.message().substring(colon + 2);
        String base = text.substring(0, text.length() - DETAIL.length());
        return detail.isEmpty() ? base.substring(0, base.length() - 3) + "." : base + detail + ".";
    }

    /** Whether a French text exists for this code. */
    public static boolean knows(String code) {
        return TEXTS.containsKey(code);
    }
}
