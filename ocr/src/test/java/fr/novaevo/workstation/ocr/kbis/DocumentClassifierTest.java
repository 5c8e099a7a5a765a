package fr.novaevo.workstation.ocr.kbis;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.ocr.document.DocumentContent;
import fr.novaevo.workstation.ocr.document.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentClassifierTest {

    private final DocumentClassifier classifier = new DocumentClassifier();

    private static DocumentContent pdf(PageBuilder page) {
        return new DocumentContent(MediaType.PDF, List.of(page.build()));
    }

    private static PageBuilder extract(String title, String personne) {
        return new PageBuilder(1)
                .line("Greffe du Tribunal de Commerce de Lyon")
                .line("Code de vérification : 0i0TPDmpn6")
                .line(title)
                .line("EXTRAIT D’IMMATRICULATION PRINCIPALE AU REGISTRE DU COMMERCE ET DES SOCIETES")
                .line("IDENTIFICATION DE LA PERSONNE " + personne)
                .row("Immatriculation au RCS, numéro", "851 921 262 R.C.S. Lyon")
                .line("FIN DE L'EXTRAIT");
    }

    @Test
    void recognisesACompanysKbis() {
        Classification c = classifier.classify(pdf(extract("Extrait Kbis", "MORALE")));
        assertThat(c.type()).isEqualTo(DocumentType.KBIS);
        assertThat(c.personne()).contains("morale");
    }

    @Test
    void recognisesASoleTradersExtraitK() {
        Classification c = classifier.classify(pdf(extract("Extrait K", "PHYSIQUE")));
        assertThat(c.type()).isEqualTo(DocumentType.KBIS);
        assertThat(c.personne()).contains("physique");
    }

    @Test
    void anInvoiceWithSirenRcsAndVatIsNotAKbis() {
        PageBuilder invoice = new PageBuilder(1)
                .line("GARAGE DU PORT - SAS au capital de 10 000 EUR")
                .line("R.C.S. Nantes 518 452 750 - TVA FR12518452750")
                .line("FACTURE N° 2024-118 du 12/03/2024")
                .line("Vidange moteur et remplacement du filtre à huile 89,00")
                .line("Plaquettes de frein avant 120,00")
                .line("Total HT 209,00 TVA 20 % 41,80 Total TTC 250,80");
        Classification c = classifier.classify(pdf(invoice));
        assertThat(c.type()).isEqualTo(DocumentType.OTHER);
        assertThat(c.personne()).isEmpty();
    }

    @Test
    void aNearlyEmptyDocumentIsUnknown() {
        assertThat(classifier.classify(pdf(new PageBuilder(1).line("Hello world"))).type())
                .isEqualTo(DocumentType.UNKNOWN);
    }
}
