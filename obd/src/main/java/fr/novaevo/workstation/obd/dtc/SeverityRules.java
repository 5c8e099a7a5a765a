package fr.novaevo.workstation.obd.dtc;

import fr.novaevo.workstation.obd.TsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The readable rule that gives a fault code its {@link Severity}: a table of code ranges read top to bottom
 * ({@code severity-rules.tsv}, first match wins), preceded by one rule that depends on what the scan saw: a
 * misfire code is critical when the MIL flashes, or when the misfire is active (pending) while the MIL is on.
 */
public final class SeverityRules {

    /** The rule file shipped with the module. */
    public static final String RESOURCE = "/fr/novaevo/workstation/obd/dtc/severity-rules.tsv";

    static final String MISFIRE_FROM = "P0300";
    static final String MISFIRE_TO = "P0316";
    private static final Pattern CODE = Pattern.compile("[PCBU][0-3][0-9A-F]{3}");

    /** One line of the table. */
    public record Rule(String from, String to, Severity severity, String ruleFr, String ruleEn) {

        public boolean holds(String code) {
            return code.charAt(0) == from.charAt(0) && code.compareTo(from) >= 0 && code.compareTo(to) <= 0;
        }
    }

    /** The level and the rule that gave it. */
    public record Verdict(Severity severity, String ruleFr, String ruleEn) {
    }

    private final List<Rule> rules;

    public SeverityRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of the module's resource file. */
    public static SeverityRules standard() {
        InputStream in = SeverityRules.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a rule table: {@code from to level rule_fr rule_en}, tab-separated, '#' comments, one header line. */
    static SeverityRules parse(Reader reader, String source) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (TsvTable.Row row : TsvTable.read(reader)) {
            int number = row.line();
            String[] f = row.fields();
            if (f.length != 5 || !CODE.matcher(f[0]).matches() || !CODE.matcher(f[1]).matches()
                    || f[0].charAt(0) != f[1].charAt(0) || f[0].compareTo(f[1]) > 0 || f[3].isBlank() || f[4].isBlank()) {
                throw new IllegalArgumentException(source + ":" + number + ": not a rule: " + String.join("\t", f));
            }
            rules.add(new Rule(f[0], f[1], Severity.parse(f[2]), f[3], f[4]));
        }
        return new SeverityRules(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The level of {@code code} ("P0301") in {@code context}. */
    public Verdict judge(String code, CodeContext context) {
        boolean misfire = code.compareTo(MISFIRE_FROM) >= 0 && code.compareTo(MISFIRE_TO) <= 0;
        if (misfire && (context.milFlashing() || (context.activeNow() && context.milOn()))) {
            return new Verdict(Severity.CRITICAL,
                    "Ratés d'allumage actifs avec voyant moteur clignotant ou allumé : arrêter de rouler, "
                            + "le catalyseur est en train d'être détruit.",
                    "Active misfire with the MIL flashing or on: stop driving, the catalyst is being destroyed.");
        }
        for (Rule r : rules) {
            if (r.holds(code)) {
                return new Verdict(r.severity(), r.ruleFr(), r.ruleEn());
            }
        }
        return new Verdict(Severity.MODERATE, "Code sans règle particulière : à contrôler à la prochaine intervention.",
                "No specific rule for this code: check it at the next visit.");
    }
}
