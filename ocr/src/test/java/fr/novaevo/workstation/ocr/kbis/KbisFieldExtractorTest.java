package fr.novaevo.workstation.ocr.kbis;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.ocr.document.PageContent;
import fr.novaevo.workstation.ocr.document.TextSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KbisFieldExtractorTest {

    private final KbisFieldExtractor extractor = new KbisFieldExtractor();

    /** A two-page company extract with every trap of the corpus: domiciliataire, auditor, transfer, wraps. */
    private static List<PageContent> companyExtract() {
        PageContent page1 = new PageBuilder(1)
                .text(50, "Greffe du Tribunal de Commerce de Saint-Nazaire")
                .text(50, "Palais de Justice - 77 rue Albert de Mun")
                .text(50, "N° de gestion 2004B27646")
                .text(400, "Code de vérification : 8BY6JAlgsc")
                .text(400, "https://controle.infogreffe.fr/controle")
                .text(250, "Extrait Kbis")
                .text(60, "EXTRAIT D’IMMATRICULATION PRINCIPALE AU REGISTRE DU COMMERCE ET DES SOCIÉTÉS")
                .text(230, "à jour au 31 décembre 2024")
                .text(230, "Immatriculation radiée le 21/05/2024")
                .text(50, "IDENTIFICATION DE LA PERSONNE MORALE")
                .row("Immatriculation au RCS, numéro", "466 897 030 R.C.S. Saint-Nazaire")
                .row("Date d’immatriculation", "19/01/2004")
                .row("Transfert du", "R.C.S. Bayonne")
                .row("Date d’immatriculation d’origine", "16/10/2002")
                .row("Dénomination ou raison sociale", "CARROSSERIE REY")
                .row("Forme juridique", "Société à responsabilité limitée (Société à", "associé unique)")
                .row("Capital social", "1 000,00 Euros")
                .row("Adresse du siège", "Zone Artisanale Les Forges 21 Rue Jules Ferry 44500 LA", "BAULE-ESCOUBLAC")
                .row("Nom ou dénomination du domiciliataire", "BUREAUX ET SERVICES DU VELAY")
                .row("Immatriculation au RCS, numéro", "888 045 473 R.C.S. Dijon")
                .row("Activités principales", "Commerce de voitures et de véhicules automobiles légers,",
                        "achat, vente et location de véhicules")
                .row("Nomenclature d’activités française (code", "4520A")
                .line("NAF)")
                .row("Durée de la personne morale", "Jusqu’au 18/01/2103")
                .row("Date de clôture de l’exercice social", "31 décembre")
                .row("Date de clôture du 1er exercice social", "31/12/2004")
                .gap()
                .text(50, "GESTION, DIRECTION, ADMINISTRATION, CONTRÔLE, ASSOCIÉS OU MEMBRES")
                .line("Gérant - Associé unique")
                .row("Nom, prénoms", "FOURNIER Gilles")
                .row("Nom d'usage", "MARTIN")
                .row("Date et lieu de naissance", "Le 12/09/1975 à PORTO (PORTUGAL)")
                .row("Nationalité", "Portugaise")
                .row("Domicile personnel", "5 Boulevard de la Liberté", "44600 Saint-Nazaire")
                .gap()
                .line("Commissaire aux comptes titulaire")
                .row("Dénomination", "DUFOUR EXPERTISE COMPTABLE ET AUDIT")
                .row("Adresse", "4 Boulevard Gambetta", "11000 Carcassonne")
                .row("Immatriculation au RCS, numéro", "713 404 689 R.C.S. Carcassonne")
                .gap()
                .text(50, "RENSEIGNEMENTS RELATIFS A L'ACTIVITE ET A L'ETABLISSEMENT PRINCIPAL")
                .row("Adresse de l'établissement", "1 Rue du 11 Novembre", "44500 LA BAULE-ESCOUBLAC")
                .row("Nom commercial", "GARAGE MISTRAL")
                .row("Enseigne", "LE MISTRAL")
                .row("Activité(s) exercée(s)", "Commerce de voitures")
                .gap()
                .text(50, "R.C.S. Saint-Nazaire - 31/12/2024 - 19:48:00")
                .text(500, "page 1/2")
                .build();
        PageContent page2 = new PageBuilder(2)
                .text(50, "Greffe du Tribunal de Commerce de Saint-Nazaire")
                .text(400, "Code de vérification : 8BY6JAlgsc")
                .row("Date de commencement d'activité", "28/12/2003")
                .row("Origine du fonds ou de l'activité", "Création")
                .gap()
                .text(50, "RENSEIGNEMENTS RELATIFS AUX AUTRES ETABLISSEMENTS DANS LE RESSORT")
                .row("Adresse de l'établissement", "11 Rue de la Paix", "44600 Saint-Nazaire")
                .row("Nom commercial", "CARROSSERIE DES VIGNES")
                .row("Date de commencement d'activité", "26/09/2015")
                .gap()
                .text(50, "OBSERVATIONS ET RENSEIGNEMENTS COMPLEMENTAIRES")
                .text(50, "Mention n° 86408 du 11/01/2009 : Ancien capital : 10 000,00 Euros")
                .text(300, "Le Greffier")
                .text(250, "FIN DE L'EXTRAIT")
                .text(50, "R.C.S. Saint-Nazaire - 31/12/2024 - 19:48:00")
                .build();
        return List.of(page1, page2);
    }

    @Test
    void readsTheCompanyFieldsFromTheirLabels() {
        KbisExtraction x = extractor.extract(companyExtract());

        assertThat(x.value(FieldKey.DOCUMENT_TYPE)).contains("kbis");
        assertThat(x.value(FieldKey.PERSONNE)).contains("morale");
        assertThat(x.value(FieldKey.GREFFE)).contains("Saint-Nazaire");
        assertThat(x.value(FieldKey.NUMERO_GESTION)).contains("2004B27646");
        assertThat(x.value(FieldKey.CODE_VERIFICATION)).contains("8BY6JAlgsc");
        assertThat(x.value(FieldKey.DATE_A_JOUR)).contains("2024-12-31");
        assertThat(x.value(FieldKey.RADIEE_LE)).contains("2024-05-21");
        assertThat(x.value(FieldKey.DENOMINATION)).contains("CARROSSERIE REY");
        assertThat(x.value(FieldKey.CAPITAL_SOCIAL)).contains("1000.00");
        assertThat(x.value(FieldKey.DEVISE)).contains("EUR");
        assertThat(x.value(FieldKey.CODE_NAF)).contains("4520A");
        assertThat(x.value(FieldKey.DUREE_JUSQUAU)).contains("2103-01-18");
        assertThat(x.value(FieldKey.DATE_CLOTURE_EXERCICE)).contains("31 décembre");
        assertThat(x.value(FieldKey.DATE_EXTRAIT)).contains("2024-12-31");
        assertThat(x.value(FieldKey.TVA_INTRACOM)).contains("FR44466897030");
        assertThat(x.value(FieldKey.NOM_COMMERCIAL)).as("an Enseigne is not a nom commercial").contains("GARAGE MISTRAL");
    }

    @Test
    void theDomiciliatairesRegistrationIsNotTheCompanys() {
        KbisExtraction x = extractor.extract(companyExtract());

        assertThat(x.value(FieldKey.SIREN)).contains("466897030");
        assertThat(x.value(FieldKey.RCS_VILLE)).contains("Saint-Nazaire");
    }

    @Test
    void neverTakesTheDomiciliatairesNumberWhenTheCompanysIsUnreadable() {
        PageContent page = new PageBuilder(1)
                .text(50, "IDENTIFICATION DE LA PERSONNE MORALE")
                .row("Immatriculation au RCS, numéro", "illisible")
                .row("Dénomination ou raison sociale", "CARROSSERIE REY")
                .row("Nom ou dénomination du domiciliataire", "BUREAUX ET SERVICES DU VELAY")
                .row("Immatriculation au RCS, numéro", "888 045 473 R.C.S. Dijon")
                .build();

        KbisExtraction x = extractor.extract(List.of(page));

        assertThat(x.value(FieldKey.SIREN)).isEmpty();
        assertThat(x.value(FieldKey.RCS_VILLE)).isEmpty();
    }

    @Test
    void keepsTheCurrentRegistrationDateOfATransferredCompany() {
        assertThat(extractor.extract(companyExtract()).value(FieldKey.DATE_IMMATRICULATION)).contains("2004-01-19");
    }

    @Test
    void joinsValuesWrappedOverSeveralLines() {
        KbisExtraction x = extractor.extract(companyExtract());

        assertThat(x.value(FieldKey.FORME_JURIDIQUE)).contains("Société à responsabilité limitée (Société à associé unique)");
        assertThat(x.value(FieldKey.ADRESSE_SIEGE)).contains("Zone Artisanale Les Forges 21 Rue Jules Ferry 44500 LA BAULE-ESCOUBLAC");
        assertThat(x.value(FieldKey.ACTIVITE_PRINCIPALE))
                .contains("Commerce de voitures et de véhicules automobiles légers, achat, vente et location de véhicules");
        assertThat(x.value(FieldKey.ADRESSE_ETABLISSEMENT)).contains("1 Rue du 11 Novembre 44500 LA BAULE-ESCOUBLAC");
    }

    @Test
    void readsThePrincipalEstablishmentAcrossThePageBreakAndSkipsTheOthers() {
        KbisExtraction x = extractor.extract(companyExtract());

        assertThat(x.value(FieldKey.DATE_COMMENCEMENT_ACTIVITE)).contains("2003-12-28");
        assertThat(x.value(FieldKey.NOM_COMMERCIAL)).contains("GARAGE MISTRAL");
    }

    @Test
    void readsPeopleAndTheAuditorCompanyWithItsOwnRegistration() {
        KbisExtraction x = extractor.extract(companyExtract());

        assertThat(x.officers()).hasSize(2);
        Officer.Person gerant = (Officer.Person) x.officers().get(0);
        assertThat(gerant.role()).contains("Gérant - Associé unique");
        assertThat(gerant.nom()).as("the usage name is not the surname").isEqualTo("FOURNIER");
        assertThat(gerant.prenoms()).isEqualTo("Gilles");
        assertThat(gerant.dateNaissance()).contains(LocalDate.of(1975, 9, 12));
        assertThat(gerant.lieuNaissance()).contains("PORTO (PORTUGAL)");
        Officer.Company auditor = (Officer.Company) x.officers().get(1);
        assertThat(auditor.role()).contains("Commissaire aux comptes titulaire");
        assertThat(auditor.denomination()).isEqualTo("DUFOUR EXPERTISE COMPTABLE ET AUDIT");
        assertThat(auditor.siren()).contains("713404689");
    }

    @Test
    void recordsWhereEachValueWasRead() {
        ExtractedField denomination = extractor.extract(companyExtract()).field(FieldKey.DENOMINATION).orElseThrow();

        Location where = denomination.location().orElseThrow();
        assertThat(where.page()).isEqualTo(1);
        assertThat(where.x0()).isEqualTo(PageBuilder.VALUE_X);
        assertThat(denomination.confidence()).isEqualTo(1.0);
    }

    @Test
    void readsASoleTradersExtraitK() {
        PageContent page = new PageBuilder(1)
                .text(50, "Greffe du Tribunal de Commerce de Lyon")
                .text(50, "N° de gestion 2020A21325")
                .text(250, "Extrait K")
                .text(50, "IDENTIFICATION DE LA PERSONNE PHYSIQUE")
                .row("Immatriculation au RCS, numéro", "851 921 262 R.C.S. Lyon")
                .row("Date d'immatriculation", "24/08/2020")
                .row("Nom, prénoms", "GRONDIN-PAYET Ghislaine Patricia")
                .row("Date et lieu de naissance", "Le 18/08/1954 à CHÂTEAUROUX (36)")
                .row("Domicile personnel", "80 Allée des Tilleuls 69500 Bron")
                .text(50, "RENSEIGNEMENTS RELATIFS A L'ACTIVITE ET A L'ETABLISSEMENT PRINCIPAL")
                .row("Adresse de l'établissement", "CENTRE COMMERCIAL LES HALLES")
                .row("Activité(s) exercée(s)", "Commerce de voitures et de véhicules automobiles légers,",
                        "préparation esthétique de véhicules")
                .build();

        KbisExtraction x = extractor.extract(List.of(page));

        assertThat(x.value(FieldKey.PERSONNE)).contains("physique");
        assertThat(x.value(FieldKey.DENOMINATION)).isEmpty();
        assertThat(x.value(FieldKey.CAPITAL_SOCIAL)).isEmpty();
        assertThat(x.value(FieldKey.ACTIVITE_PRINCIPALE)).as("taken from the establishment")
                .contains("Commerce de voitures et de véhicules automobiles légers, préparation esthétique de véhicules");
        assertThat(x.officers()).singleElement().satisfies(o -> {
            Officer.Person p = (Officer.Person) o;
            assertThat(p.role()).isEmpty();
            assertThat(p.nom()).isEqualTo("GRONDIN-PAYET");
            assertThat(p.prenoms()).isEqualTo("Ghislaine Patricia");
            assertThat(p.lieuNaissance()).contains("CHÂTEAUROUX (36)");
        });
    }

    @Test
    void toleratesOcrSlipsInLabelsAndPutsKnownWordsRight() {
        PageContent page = new PageBuilder(1, TextSource.OCR).confidence(0.9)
                .text(50, "Greffe du Tribunal de Commerce de Niort")
                .text(50, "IDENTIFICATION DE LA PERSONNE MORALE")
                .row("Immatriculation au RCS, numero", ".869 067 249 R.C.S. Niort")
                .row("Date d'immatriculatlon", "24/03/2018")
                .row("Forme juridiqne", "Societe a responsabilite limitee")
                .row("Activités principales", "Commerce de gros d' équipements automobiles")
                .row("Adresse du siége", "52 Rue du Moulin .79180 Chauray")
                .row("Nomenclature d'activités française (code NAF)", "45.317")
                .row("Date de clôture de l'exercice social", "31 decembre")
                .text(50, "GESTION, DIRECTION, ADMINISTRATION, CONTROLE, ASSOCIES OU MEMBRES")
                .line("Presldent")
                .row("Nom, prénoms", "DUPUIS Jean-Pierre")
                .build();

        KbisExtraction x = extractor.extract(List.of(page));

        assertThat(x.value(FieldKey.SIREN)).contains("869067249");
        assertThat(x.value(FieldKey.DATE_IMMATRICULATION)).contains("2018-03-24");
        assertThat(x.value(FieldKey.FORME_JURIDIQUE)).contains("Société à responsabilité limitée");
        assertThat(x.value(FieldKey.ADRESSE_SIEGE)).contains("52 Rue du Moulin 79180 Chauray");
        assertThat(x.value(FieldKey.ACTIVITE_PRINCIPALE)).contains("Commerce de gros d'équipements automobiles");
        assertThat(x.value(FieldKey.CODE_NAF)).contains("4531Z");
        assertThat(x.value(FieldKey.DATE_CLOTURE_EXERCICE)).contains("31 décembre");
        assertThat(x.officers()).singleElement().extracting(Officer::role).isEqualTo(Optional.of("Président"));
        assertThat(x.field(FieldKey.SIREN).orElseThrow().confidence()).isLessThan(1.0).isGreaterThan(0.5);
    }

    @Test
    void readsNothingFromAPageWithoutAnExtract() {
        PageContent page = new PageBuilder(1).line("Facture n° 2024-118").line("Total TTC 1 200,00 EUR").build();

        KbisExtraction x = extractor.extract(List.of(page));

        assertThat(x.value(FieldKey.SIREN)).isEmpty();
        assertThat(x.officers()).isEmpty();
    }
}
