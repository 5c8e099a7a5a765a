package fr.novaevo.workstation.ocr.kbis;

import java.util.Arrays;
import java.util.List;

/** The row labels of an extract's label / value tables, folded (no accents, straight apostrophes). */
enum KbisLabel implements LabelMatcher.Label {
    RCS_NUMBER("immatriculation au rcs, numero", "immatriculation au rcs numero", "immatriculation au r.c.s., numero"),
    DATE_IMMATRICULATION("date d'immatriculation"),
    DATE_IMMATRICULATION_ORIGINE("date d'immatriculation d'origine"),
    TRANSFERT("transfert du"),
    DENOMINATION_SOCIALE("denomination ou raison sociale"),
    FORME_JURIDIQUE("forme juridique"),
    CAPITAL("capital social"),
    CAPITAL_VARIABLE("capital variable"),
    ADRESSE_SIEGE("adresse du siege"),
    DOMICILIATAIRE("nom ou denomination du domiciliataire"),
    ACTIVITES_PRINCIPALES("activites principales"),
    CODE_NAF("nomenclature d'activites francaise (code naf)", "nomenclature d'activites francaise (code",
            "nomenclature d'activites francaise"),
    DUREE("duree de la personne morale"),
    CLOTURE("date de cloture de l'exercice social"),
    CLOTURE_PREMIER("date de cloture du 1er exercice social"),
    NOM_PRENOMS("nom, prenoms", "nom prenoms"),
    NOM_USAGE("nom d'usage"),
    PSEUDONYME("pseudonyme"),
    NAISSANCE("date et lieu de naissance"),
    NATIONALITE("nationalite"),
    DOMICILE("domicile personnel"),
    DENOMINATION("denomination"),
    ADRESSE("adresse"),
    ADRESSE_ETABLISSEMENT("adresse de l'etablissement"),
    NOM_COMMERCIAL("nom commercial"),
    ENSEIGNE("enseigne"),
    ACTIVITE_EXERCEE("activite(s) exercee(s)", "activites exercees", "activite exercee"),
    COMMENCEMENT("date de commencement d'activite"),
    ORIGINE("origine du fonds ou de l'activite"),
    MODE_EXPLOITATION("mode d'exploitation"),
    MENTION("mention n");

    static final List<KbisLabel> ALL = List.of(values());

    private final List<String> variants;

    KbisLabel(String... variants) {
        this.variants = Arrays.asList(variants);
    }

    @Override
    public List<String> variants() {
        return variants;
    }

    /** Values that may wrap onto the following lines. */
    boolean wraps() {
        return switch (this) {
            case DENOMINATION_SOCIALE, FORME_JURIDIQUE, ADRESSE_SIEGE, DOMICILIATAIRE, ACTIVITES_PRINCIPALES, DOMICILE,
                 DENOMINATION, ADRESSE, ADRESSE_ETABLISSEMENT, NOM_COMMERCIAL, ENSEIGNE, ACTIVITE_EXERCEE, ORIGINE,
                 NAISSANCE, NOM_PRENOMS, MENTION -> true;
            default -> false;
        };
    }
}
