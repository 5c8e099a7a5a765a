package fr.novaevo.workstation.ocr.kbis;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.ocr.result.Issue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KbisChecksTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);
    private final KbisChecks checks = new KbisChecks(TODAY);

    private static Map<FieldKey, ExtractedField> goodFields() {
        Map<FieldKey, ExtractedField> f = new EnumMap<>(FieldKey.class);
        put(f, FieldKey.PERSONNE, "morale");
        put(f, FieldKey.SIREN, "466897030");
        put(f, FieldKey.RCS_VILLE, "Saint-Nazaire");
        put(f, FieldKey.GREFFE, "Saint-Nazaire");
        put(f, FieldKey.NUMERO_GESTION, "2004B27646");
        put(f, FieldKey.DATE_IMMATRICULATION, "2004-01-19");
        put(f, FieldKey.DENOMINATION, "CARROSSERIE REY");
        put(f, FieldKey.FORME_JURIDIQUE, "Société à responsabilité limitée");
        put(f, FieldKey.CAPITAL_SOCIAL, "1000.00");
        put(f, FieldKey.ADRESSE_SIEGE, "21 Rue Jules Ferry 44500 LA BAULE-ESCOUBLAC");
        put(f, FieldKey.ADRESSE_ETABLISSEMENT, "1 Rue du 11 Novembre 44500 LA BAULE-ESCOUBLAC");
        put(f, FieldKey.DUREE_JUSQUAU, "2103-01-18");
        put(f, FieldKey.DATE_A_JOUR, "2024-12-31");
        put(f, FieldKey.DATE_EXTRAIT, "2024-12-31");
        put(f, FieldKey.CODE_VERIFICATION, "8BY6JAHgsc");
        return f;
    }

    private static void put(Map<FieldKey, ExtractedField> f, FieldKey k, String v) {
        f.put(k, new ExtractedField(k, v, 0.95, Optional.empty()));
    }

    private static Officer.Person person(String role, LocalDate born) {
        return new Officer.Person(Optional.of(role), "FOURNIER", "Gilles", Optional.of(born), Optional.of("PORTO"), 0.95);
    }

    private List<String> codes(Map<FieldKey, ExtractedField> fields, List<Officer> officers) {
        return checks.check(new KbisExtraction(fields, officers)).stream().map(Issue::code).toList();
    }

    private static final List<Officer> GERANT = List.of(person("Gérant", LocalDate.of(1975, 9, 12)));

    @Test
    void aConsistentRecentExtractPassesEveryCheck() {
        assertThat(codes(goodFields(), GERANT)).isEmpty();
    }

    @Test
    void flagsAnExtractOlderThanThreeMonths() {
        Map<FieldKey, ExtractedField> f = goodFields();
        put(f, FieldKey.DATE_A_JOUR, "2024-10-01");
        put(f, FieldKey.DATE_EXTRAIT, "2024-10-14");
        assertThat(codes(f, GERANT)).containsExactly("KBIS-OUTDATED");
    }

    @Test
    void flagsASirenFailingLuhn() {
        Map<FieldKey, ExtractedField> f = goodFields();
        put(f, FieldKey.SIREN, "466897031");
        assertThat(codes(f, GERANT)).containsExactly("KBIS-SIREN-INVALID");
    }

    @Test
    void flagsARegistrationThatDoesNotMatchTheGreffeOrTheKindOfPerson() {
        Map<FieldKey, ExtractedField> f = goodFields();
        put(f, FieldKey.RCS_VILLE, "Dijon");
        assertThat(codes(f, GERANT)).containsExactly("KBIS-RCS-MISMATCH");
        Map<FieldKey, ExtractedField> g = goodFields();
        put(g, FieldKey.NUMERO_GESTION, "2004A27646");
        assertThat(codes(g, GERANT)).containsExactly("KBIS-RCS-MISMATCH");
    }

    @Test
    void flagsImplausibleDates() {
        Map<FieldKey, ExtractedField> f = goodFields();
        put(f, FieldKey.DATE_IMMATRICULATION, "2025-06-01");
        assertThat(codes(f, GERANT)).containsExactly("KBIS-DATE-IMPLAUSIBLE");
        assertThat(codes(goodFields(), List.of(person("Gérant", LocalDate.of(2015, 1, 1)))))
                .containsExactly("KBIS-DATE-IMPLAUSIBLE");
    }

    @Test
    void flagsOfficersThatDoNotFitTheLegalForm() {
        Map<FieldKey, ExtractedField> sas = goodFields();
        put(sas, FieldKey.FORME_JURIDIQUE, "Société par actions simplifiée");
        assertThat(codes(sas, GERANT)).containsExactly("KBIS-OFFICERS-INCONSISTENT");
        assertThat(codes(sas, List.of(person("Président", LocalDate.of(1970, 1, 1))))).isEmpty();
    }

    @Test
    void flagsAnOcrReadCodeWithCharactersOcrConfuses() {
        Map<FieldKey, ExtractedField> f = goodFields();
        put(f, FieldKey.CODE_VERIFICATION, "8BY6JAlgsc");
        assertThat(codes(f, GERANT)).as("read with confidence below 1: OCR").containsExactly("KBIS-CODE-AMBIGUOUS");
        f.put(FieldKey.CODE_VERIFICATION, new ExtractedField(FieldKey.CODE_VERIFICATION, "8BY6JAlgsc", 1.0,
                Optional.empty()));
        assertThat(codes(f, GERANT)).as("from a text layer").isEmpty();
        put(f, FieldKey.CODE_VERIFICATION, "8BY6JAHgsc");
        assertThat(codes(f, GERANT)).isEmpty();
    }

    @Test
    void flagsAMissingOrNonPositiveCapital() {
        Map<FieldKey, ExtractedField> f = goodFields();
        put(f, FieldKey.CAPITAL_SOCIAL, "0.00");
        assertThat(codes(f, GERANT)).containsExactly("KBIS-CAPITAL-INVALID");
    }

    @Test
    void flagsMissingFieldsStruckOffCompaniesAndUnsureReadings() {
        Map<FieldKey, ExtractedField> f = goodFields();
        f.remove(FieldKey.DENOMINATION);
        put(f, FieldKey.RADIEE_LE, "2024-05-21");
        f.put(FieldKey.ADRESSE_SIEGE, new ExtractedField(FieldKey.ADRESSE_SIEGE, "2l Rue", 0.3, Optional.empty()));
        List<String> codes = codes(f, new ArrayList<>());
        assertThat(codes).containsExactlyInAnyOrder("KBIS-FIELD-MISSING", "KBIS-STRUCK-OFF", "KBIS-LOW-CONFIDENCE");
    }
}
