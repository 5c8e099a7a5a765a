package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** The emulator's company register and the contract's Kbis verification rules. */
final class KbisRegistry {

    private record Company(String denomination, String rcsVille, String code, boolean active, boolean pending) {
    }

    private static final Map<String, Company> REGISTER = Map.of(
            "518452750", new Company("GARAGE DU CENTRE", "Nantes", "kG3KOoLOE7", true, false),
            "732829320", new Company("AUTO SERVICES DE L'OUEST", "Rennes", null, true, false),
            "443061841", new Company("MÉCANIQUE MOREAU ET FILS", "Angers", "Zr8TqP2mWx", false, false),
            "552100554", new Company("CARROSSERIE DES LILAS", "Bobigny", "Pa5Lm9Qe2R", true, true));

    private final ObjectMapper json;
    private final InstantSource clock;

    KbisRegistry(ObjectMapper json, InstantSource clock) {
        this.json = json;
        this.clock = clock;
    }

    ObjectNode verify(JsonNode body) {
        String siren = body.path("siren").asText("");
        if (!siren.matches("\\d{9}")) {
            throw new ApiProblem(400, "invalid_field", "siren");
        }
        String denomination = body.path("denomination").asText("");
        String ville = body.hasNonNull("rcsVille") ? body.get("rcsVille").asText() : null;
        String code = body.hasNonNull("codeVerification") ? body.get("codeVerification").asText() : null;
        LocalDate extract;
        try {
            extract = LocalDate.parse(body.path("dateExtrait").asText());
        } catch (DateTimeParseException e) {
            throw new ApiProblem(400, "invalid_field", "dateExtrait");
        }
        Company company = REGISTER.get(siren);
        ObjectNode answer = json.createObjectNode();
        ArrayNode checks = json.createArrayNode();
        check(checks, "siren_checksum", luhn(siren));
        check(checks, "siren_registered", company != null);
        if (company == null) {
            return answer.put("status", "not_found").put("trustLevel", 0).set("checks", checks);
        }
        boolean nameOk = normalize(company.denomination()).equals(normalize(denomination));
        check(checks, "denomination_match", nameOk);
        boolean villeOk = ville == null || normalize(company.rcsVille()).equals(normalize(ville));
        if (ville != null) {
            check(checks, "rcs_ville_match", villeOk);
        }
        boolean codeKnown = company.code() != null && code != null;
        boolean codeOk = !codeKnown || company.code().equals(code);
        if (codeKnown) {
            check(checks, "verification_code_valid", codeOk);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris"));
        boolean recent = !extract.isBefore(today.minusMonths(3)) && !extract.isAfter(today);
        check(checks, "extract_recent", recent);
        check(checks, "company_active", company.active());
        answer.set("checks", checks);
        if (company.pending()) {
            return answer.put("status", "pending").put("trustLevel", 0);
        }
        if (!nameOk || !villeOk || !codeOk || !company.active()) {
            return answer.put("status", "mismatch").put("trustLevel", company.active() ? 1 : 0);
        }
        int trust = 3 - (codeKnown ? 0 : 1) - (recent ? 0 : 1);
        return answer.put("status", "verified").put("trustLevel", Math.max(1, trust));
    }

    private static void check(ArrayNode checks, String name, boolean ok) {
        checks.addObject().put("name", name).put("ok", ok);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static String normalize(String s) {
        String noAccents = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim();
    }
}
