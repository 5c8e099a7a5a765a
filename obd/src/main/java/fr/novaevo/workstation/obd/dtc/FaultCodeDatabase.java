package fr.novaevo.workstation.obd.dtc;

import fr.novaevo.workstation.obd.TsvTable;
import fr.novaevo.workstation.obd.service.DiagnosticTroubleCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generic fault codes with their French and English descriptions ({@code dtc-generic.tsv}, written for
 * the workstation from SAE J2012), and the severity of any code. The table is read once, the first time a
 * code is looked up, and shared: it never changes while the program runs.
 */
public final class FaultCodeDatabase {

    /** The code table shipped with the module. */
    public static final String RESOURCE = "/fr/novaevo/workstation/obd/dtc/dtc-generic.tsv";

    private static final Pattern CODE = Pattern.compile("[PCBU][0-3][0-9A-F]{3}");

    /** Loaded on first use by the class loader, which also makes the load happen once across threads. */
    private static final class Shipped {
        static final Map<String, FaultCodeEntry> TABLE = loadResource();
        static final SeverityRules RULES = SeverityRules.standard();
    }

    /** Null for the shipped table and rules, read on first use. */
    private final Map<String, FaultCodeEntry> table;
    private final SeverityRules rules;

    /** The database shipped with the module. Cheap: the table is shared and loaded on first use. */
    public FaultCodeDatabase() {
        this.table = null;
        this.rules = null;
    }

    /** A database over another table and rules (tests, a garage's additions). */
    public FaultCodeDatabase(Map<String, FaultCodeEntry> table, SeverityRules rules) {
        this.table = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(table, "table")));
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    private Map<String, FaultCodeEntry> table() {
        return table != null ? table : Shipped.TABLE;
    }

    private SeverityRules rules() {
        return rules != null ? rules : Shipped.RULES;
    }

    public int size() {
        return table().size();
    }

    public Collection<FaultCodeEntry> all() {
        return table().values();
    }

    public Optional<FaultCodeEntry> find(String code) {
        return Optional.ofNullable(table().get(DiagnosticTroubleCode.parse(code).code()));
    }

    /** What a code means and how urgent it is, without scan context. */
    public FaultCodeDescription describe(DiagnosticTroubleCode code) {
        return describe(code, CodeContext.NONE);
    }

    /** What a code means and how urgent it is, given what the scan saw (pending list, MIL). */
    public FaultCodeDescription describe(DiagnosticTroubleCode code, CodeContext context) {
        String c = code.code();
        SeverityRules.Verdict v = rules().judge(c, context);
        FaultCodeEntry entry = table().get(c);
        if (entry != null) {
            return new FaultCodeDescription(c, CodeStatus.GENERIC, entry.french(), entry.english(), v.severity(),
                    v.ruleFr(), v.ruleEn());
        }
        if (code.isManufacturerSpecific()) {
            return new FaultCodeDescription(c, CodeStatus.MANUFACTURER_SPECIFIC,
                    "Code spécifique au constructeur (" + systemFr(code.system())
                            + ") : consulter la documentation du constructeur",
                    "Manufacturer-specific code (" + systemEn(code.system())
                            + "): see the manufacturer's documentation",
                    v.severity(), v.ruleFr(), v.ruleEn());
        }
        return new FaultCodeDescription(c, CodeStatus.UNKNOWN,
                "Code générique non décrit (" + systemFr(code.system()) + ")",
                "Generic code not described (" + systemEn(code.system()) + ")", v.severity(), v.ruleFr(), v.ruleEn());
    }

    private static String systemFr(char system) {
        return switch (system) {
            case 'P' -> "groupe motopropulseur";
            case 'C' -> "châssis";
            case 'B' -> "carrosserie";
            default -> "réseau";
        };
    }

    private static String systemEn(char system) {
        return switch (system) {
            case 'P' -> "powertrain";
            case 'C' -> "chassis";
            case 'B' -> "body";
            default -> "network";
        };
    }

    private static Map<String, FaultCodeEntry> loadResource() {
        InputStream in = FaultCodeDatabase.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a code table: {@code code description_en description_fr}, tab-separated, '#' comments, one header
     * line. A malformed line, a code twice or an empty description fails the whole table.
     */
    public static Map<String, FaultCodeEntry> parse(Reader reader, String source) throws IOException {
        Map<String, FaultCodeEntry> out = new LinkedHashMap<>();
        for (TsvTable.Row row : TsvTable.read(reader)) {
            int number = row.line();
            String[] f = row.fields();
            if (f.length != 3 || !CODE.matcher(f[0]).matches()) {
                throw new IllegalArgumentException(source + ":" + number + ": expected code<TAB>english<TAB>french");
            }
            if (f[1].isBlank() || f[2].isBlank()) {
                throw new IllegalArgumentException(source + ":" + number + ": " + f[0] + " lacks a description");
            }
            if (out.put(f[0], new FaultCodeEntry(f[0], f[1].strip(), f[2].strip())) != null) {
                throw new IllegalArgumentException(source + ":" + number + ": " + f[0] + " appears twice");
            }
        }
        return out;
    }
}
