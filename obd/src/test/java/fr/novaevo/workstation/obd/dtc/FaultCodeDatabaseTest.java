package fr.novaevo.workstation.obd.dtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.service.DiagnosticTroubleCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultCodeDatabaseTest {

    private final FaultCodeDatabase db = new FaultCodeDatabase();

    @Test
    void holdsAtLeast1500GenericCodesOfEveryFamily() {
        assertThat(db.size()).isGreaterThanOrEqualTo(1500);
        Set<String> families = db.all().stream().map(e -> e.code().substring(0, 2)).collect(Collectors.toSet());
        assertThat(families).contains("P0", "P2", "P3", "U0", "B0", "C0");
    }

    @Test
    void theFileHasEachCodeOnceAndEveryCodeInBothLanguages() throws Exception {
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FaultCodeDatabase.class.getResourceAsStream(FaultCodeDatabase.RESOURCE), StandardCharsets.UTF_8))) {
            lines = r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1).toList();
        }
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            assertThat(f).as(line).hasSize(3);
            assertThat(seen.add(f[0])).as("duplicate " + f[0]).isTrue();
            assertThat(f[1]).as("English of " + f[0]).isNotBlank();
            assertThat(f[2]).as("French of " + f[0]).isNotBlank().isNotEqualTo(f[1]);
        }
        assertThat(seen).hasSize(db.size());
    }

    @Test
    void noGenericEntryLiesInAManufacturerRange() {
        assertThat(db.all()).noneMatch(e -> DiagnosticTroubleCode.parse(e.code()).isManufacturerSpecific());
    }

    @Test
    void knownCodesCarryTheJ2012Wording() {
        assertThat(db.find("P0300")).hasValueSatisfying(e -> {
            assertThat(e.english()).isEqualTo("Random/Multiple Cylinder Misfire Detected");
            assertThat(e.french()).contains("Ratés d'allumage");
        });
        assertThat(db.find("p0420").orElseThrow().english())
                .isEqualTo("Catalyst System Efficiency Below Threshold (Bank 1)");
        assertThat(db.find("P0171").orElseThrow().english()).isEqualTo("System Too Lean (Bank 1)");
        assertThat(db.find("P0304").orElseThrow().english()).isEqualTo("Cylinder 4 Misfire Detected");
        assertThat(db.find("P0113").orElseThrow().english()).isEqualTo("Intake Air Temperature Sensor 1 Circuit High");
        assertThat(db.find("P0335").orElseThrow().english()).isEqualTo("Crankshaft Position Sensor \"A\" Circuit");
        assertThat(db.find("P0401").orElseThrow().english()).isEqualTo("Exhaust Gas Recirculation Flow Insufficient Detected");
        assertThat(db.find("P0455").orElseThrow().english()).contains("Large Leak");
        assertThat(db.find("P0500").orElseThrow().english()).isEqualTo("Vehicle Speed Sensor \"A\"");
        assertThat(db.find("P2002").orElseThrow().english()).contains("Diesel Particulate Filter");
        assertThat(db.find("P3400").orElseThrow().english()).isEqualTo("Cylinder Deactivation System Bank 1");
        assertThat(db.find("U0100").orElseThrow().english()).isEqualTo("Lost Communication With ECM/PCM \"A\"");
        assertThat(db.find("U0121").orElseThrow().french()).contains("ABS");
        assertThat(db.find("P1234")).isEmpty();
    }

    @Test
    void manufacturerCodesAreReportedAsSuchNotAsUnknown() {
        for (String code : List.of("P1234", "P3000", "P33FF", "B1001", "C1100", "U1000", "U2100")) {
            FaultCodeDescription d = db.describe(DiagnosticTroubleCode.parse(code));
            assertThat(d.status()).as(code).isEqualTo(CodeStatus.MANUFACTURER_SPECIFIC);
            assertThat(d.french()).contains("spécifique au constructeur");
            assertThat(d.description(Locale.ENGLISH)).contains("Manufacturer-specific");
        }
        FaultCodeDescription unknown = db.describe(DiagnosticTroubleCode.parse("P3FFE"));
        assertThat(unknown.status()).isEqualTo(CodeStatus.UNKNOWN);
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0420")).status()).isEqualTo(CodeStatus.GENERIC);
    }

    @Test
    void misfireIsCriticalOnlyWhenActiveWithTheLampOnOrFlashing() {
        DiagnosticTroubleCode p0302 = DiagnosticTroubleCode.parse("P0302");
        assertThat(db.describe(p0302).severity()).isEqualTo(Severity.HIGH);
        assertThat(db.describe(p0302, new CodeContext(false, true, false)).severity()).isEqualTo(Severity.HIGH);
        FaultCodeDescription active = db.describe(p0302, new CodeContext(true, true, false));
        assertThat(active.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(active.severity().french()).isEqualTo("critique");
        assertThat(active.rule(Locale.FRENCH)).contains("catalyseur");
        assertThat(db.describe(p0302, new CodeContext(false, false, true)).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0420"), new CodeContext(true, true, true)).severity())
                .as("only misfires escalate").isEqualTo(Severity.MODERATE);
    }

    @Test
    void severityFollowsTheReadableRuleTable() {
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0524")).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0217")).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0335")).severity()).isEqualTo(Severity.HIGH);
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0442")).severity()).isEqualTo(Severity.LOW);
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0133")).severity()).isEqualTo(Severity.MODERATE);
        assertThat(db.describe(DiagnosticTroubleCode.parse("B0001")).severity()).isEqualTo(Severity.HIGH);
        assertThat(db.describe(DiagnosticTroubleCode.parse("C0031")).severity()).isEqualTo(Severity.HIGH);
        assertThat(db.describe(DiagnosticTroubleCode.parse("U0164")).severity()).isEqualTo(Severity.MODERATE);
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0AA6")).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0A80")).severity()).isEqualTo(Severity.HIGH);
        assertThat(db.find("P0A80").orElseThrow().english()).isEqualTo("Replace Hybrid Battery Pack");
        assertThat(db.describe(DiagnosticTroubleCode.parse("P0442")).ruleFr()).contains("bouchon");
        assertThat(SeverityRules.standard().rules()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.from()).isLessThanOrEqualTo(r.to()));
    }

    @Test
    void anotherTableAndRuleCanBeGiven() throws Exception {
        FaultCodeDatabase custom = new FaultCodeDatabase(FaultCodeDatabase.parse(new StringReader(
                "code\tdescription_en\tdescription_fr\nP0001\tEnglish\tFrançais\n"), "custom"),
                SeverityRules.parse(new StringReader("from\tto\tlevel\trule_fr\trule_en\nP0000\tP0FFF\tfaible\tx\ty\n"),
                        "rules"));
        assertThat(custom.size()).isEqualTo(1);
        FaultCodeDescription d = custom.describe(DiagnosticTroubleCode.parse("P0001"));
        assertThat(d.description(Locale.FRENCH)).isEqualTo("Français");
        assertThat(d.severity()).isEqualTo(Severity.LOW);
        assertThat(custom.describe(DiagnosticTroubleCode.parse("P0420")).status()).isEqualTo(CodeStatus.UNKNOWN);
    }

    @Test
    void aBrokenTableIsRefusedWhole() {
        String dup = "code\tdescription_en\tdescription_fr\nP0300\tA\tB\nP0300\tC\tD\n";
        assertThatThrownBy(() -> FaultCodeDatabase.parse(new StringReader(dup), "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        String noFrench = "code\tdescription_en\tdescription_fr\nP0300\tA\t \n";
        assertThatThrownBy(() -> FaultCodeDatabase.parse(new StringReader(noFrench), "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks");
        String badRule = "from\tto\tlevel\trule_fr\trule_en\nP0300\tC0000\tcritique\tx\ty\n";
        assertThatThrownBy(() -> SeverityRules.parse(new StringReader(badRule), "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
