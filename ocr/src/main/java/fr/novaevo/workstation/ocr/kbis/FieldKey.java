package fr.novaevo.workstation.ocr.kbis;

/** The fields of a Kbis, in the order and with the names of the corpus ground truth and the JSON Lines export. */
public enum FieldKey {
    DOCUMENT_TYPE("document_type", Kind.TEXT),
    PERSONNE("personne", Kind.TEXT),
    SIREN("siren", Kind.IDENTIFIER),
    RCS_VILLE("rcs_ville", Kind.TEXT),
    NUMERO_GESTION("numero_gestion", Kind.IDENTIFIER),
    DATE_IMMATRICULATION("date_immatriculation", Kind.DATE),
    DENOMINATION("denomination", Kind.TEXT),
    NOM_COMMERCIAL("nom_commercial", Kind.TEXT),
    FORME_JURIDIQUE("forme_juridique", Kind.TEXT),
    CAPITAL_SOCIAL("capital_social", Kind.DECIMAL),
    DEVISE("devise", Kind.TEXT),
    ADRESSE_SIEGE("adresse_siege", Kind.TEXT),
    ACTIVITE_PRINCIPALE("activite_principale", Kind.TEXT),
    CODE_NAF("code_naf", Kind.IDENTIFIER),
    DUREE_JUSQUAU("duree_jusquau", Kind.DATE),
    DATE_CLOTURE_EXERCICE("date_cloture_exercice", Kind.TEXT),
    DIRIGEANTS("dirigeants", Kind.OFFICERS),
    ADRESSE_ETABLISSEMENT("adresse_etablissement", Kind.TEXT),
    DATE_COMMENCEMENT_ACTIVITE("date_commencement_activite", Kind.DATE),
    GREFFE("greffe", Kind.TEXT),
    DATE_A_JOUR("date_a_jour", Kind.DATE),
    DATE_EXTRAIT("date_extrait", Kind.DATE),
    CODE_VERIFICATION("code_verification", Kind.IDENTIFIER),
    RADIEE_LE("radiee_le", Kind.DATE),
    TVA_INTRACOM("tva_intracom", Kind.IDENTIFIER);

    /** How a value is written: dates as ISO {@code yyyy-MM-dd}, decimals with a dot and two decimals. */
    public enum Kind { TEXT, IDENTIFIER, DATE, DECIMAL, OFFICERS }

    private final String jsonName;
    private final Kind kind;

    FieldKey(String jsonName, Kind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }
}
