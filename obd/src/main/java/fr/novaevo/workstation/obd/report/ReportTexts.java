package fr.novaevo.workstation.obd.report;

import java.util.Map;

/** The report's wording in French and English (plain Java: the obd module has no UI bundles). */
final class ReportTexts {

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("title", new String[] {"Rapport de diagnostic", "Diagnostic report"}),
            Map.entry("siret", new String[] {"SIRET", "SIRET"}),
            Map.entry("phone", new String[] {"Tél.", "Phone"}),
            Map.entry("generated", new String[] {"Établi le", "Issued on"}),
            Map.entry("technician", new String[] {"Technicien", "Technician"}),
            Map.entry("vehicle", new String[] {"Véhicule", "Vehicle"}),
            Map.entry("vin", new String[] {"VIN", "VIN"}),
            Map.entry("noVin", new String[] {"non communiqué par le véhicule", "not given by the vehicle"}),
            Map.entry("manufacturer", new String[] {"Constructeur", "Manufacturer"}),
            Map.entry("country", new String[] {"Pays de fabrication", "Country of manufacture"}),
            Map.entry("modelYear", new String[] {"Année modèle", "Model year"}),
            Map.entry("vinCheck", new String[] {"Contrôle du VIN", "VIN check"}),
            Map.entry("vinValid", new String[] {"valide", "valid"}),
            Map.entry("vinInvalid", new String[] {"invalide", "invalid"}),
            Map.entry("unknown", new String[] {"inconnu", "unknown"}),
            Map.entry("protocol", new String[] {"Protocole", "Protocol"}),
            Map.entry("adapter", new String[] {"Interface", "Adapter"}),
            Map.entry("diagnosedAt", new String[] {"Diagnostic du", "Diagnosis of"}),
            Map.entry("mil", new String[] {"Voyant moteur (MIL)", "Check-engine lamp (MIL)"}),
            Map.entry("on", new String[] {"allumé", "on"}),
            Map.entry("off", new String[] {"éteint", "off"}),
            Map.entry("codesBefore", new String[] {"Codes défaut relevés", "Fault codes found"}),
            Map.entry("codesAfter", new String[] {"Codes défaut après effacement", "Fault codes after clearing"}),
            Map.entry("clearedAt", new String[] {"Codes effacés le", "Codes cleared on"}),
            Map.entry("notCleared", new String[] {"Les codes n'ont pas été effacés pendant ce diagnostic.",
                "The codes were not cleared during this diagnosis."}),
            Map.entry("noCodes", new String[] {"Aucun code défaut.", "No fault code."}),
            Map.entry("colCode", new String[] {"Code", "Code"}),
            Map.entry("colKind", new String[] {"Type", "Type"}),
            Map.entry("colDescription", new String[] {"Description", "Description"}),
            Map.entry("colEcu", new String[] {"Calculateur", "ECU"}),
            Map.entry("colSeverity", new String[] {"Gravité", "Severity"}),
            Map.entry("STORED", new String[] {"mémorisé", "stored"}),
            Map.entry("PENDING", new String[] {"en attente", "pending"}),
            Map.entry("PERMANENT", new String[] {"permanent", "permanent"}),
            Map.entry("manufacturerSpecific", new String[] {"code constructeur", "manufacturer code"}),
            Map.entry("readiness", new String[] {"Moniteurs de préparation (readiness)", "Readiness monitors"}),
            Map.entry("noReadiness", new String[] {"Non lus.", "Not read."}),
            Map.entry("colMonitor", new String[] {"Moniteur", "Monitor"}),
            Map.entry("colState", new String[] {"État", "State"}),
            Map.entry("complete", new String[] {"terminé", "complete"}),
            Map.entry("incomplete", new String[] {"non terminé", "incomplete"}),
            Map.entry("notSupported", new String[] {"non équipé", "not supported"}),
            Map.entry("ready", new String[] {"prêt pour le contrôle technique", "ready for inspection"}),
            Map.entry("notReady", new String[] {"moniteurs non terminés", "monitors not complete"}),
            Map.entry("keyValues", new String[] {"Valeurs relevées", "Key live values"}),
            Map.entry("noValues", new String[] {"Aucune valeur relevée.", "No value recorded."}),
            Map.entry("colValue", new String[] {"Valeur", "Value"}),
            Map.entry("notes", new String[] {"Observations du technicien", "Technician's notes"}),
            Map.entry("noNotes", new String[] {"Aucune observation.", "No notes."}),
            Map.entry("page", new String[] {"Page %d / %d", "Page %d of %d"}),
            Map.entry("Misfire", new String[] {"Ratés d'allumage", "Misfire"}),
            Map.entry("Fuel system", new String[] {"Système d'alimentation", "Fuel system"}),
            Map.entry("Comprehensive components", new String[] {"Composants généraux", "Comprehensive components"}),
            Map.entry("Catalyst", new String[] {"Catalyseur", "Catalyst"}),
            Map.entry("Heated catalyst", new String[] {"Catalyseur chauffé", "Heated catalyst"}),
            Map.entry("Evaporative system", new String[] {"Système d'évaporation (EVAP)", "Evaporative system"}),
            Map.entry("Secondary air system", new String[] {"Air secondaire", "Secondary air system"}),
            Map.entry("A/C refrigerant", new String[] {"Réfrigérant de climatisation", "A/C refrigerant"}),
            Map.entry("Oxygen sensor", new String[] {"Sonde lambda", "Oxygen sensor"}),
            Map.entry("Oxygen sensor heater", new String[] {"Chauffage de sonde lambda", "Oxygen sensor heater"}),
            Map.entry("EGR system", new String[] {"Recirculation des gaz (EGR)", "EGR system"}),
            Map.entry("NMHC catalyst", new String[] {"Catalyseur NMHC", "NMHC catalyst"}),
            Map.entry("NOx/SCR aftertreatment", new String[] {"Post-traitement NOx/SCR", "NOx/SCR aftertreatment"}),
            Map.entry("Boost pressure", new String[] {"Pression de suralimentation", "Boost pressure"}),
            Map.entry("Exhaust gas sensor", new String[] {"Capteur de gaz d'échappement", "Exhaust gas sensor"}),
            Map.entry("PM filter", new String[] {"Filtre à particules", "PM filter"}),
            Map.entry("EGR/VVT system", new String[] {"Système EGR/VVT", "EGR/VVT system"}));

    private final int index;

    ReportTexts(boolean french) {
        this.index = french ? 0 : 1;
    }

    /** The text for {@code key}; a key with no text (a monitor name we do not translate) is itself. */
    String get(String key) {
        String[] t = TEXTS.get(key);
        return t == null ? key : t[index];
    }
}
