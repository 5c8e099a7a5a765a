package fr.novaevo.workstation.obd.vin;

import fr.novaevo.workstation.obd.TsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks and decodes a vehicle identification number (ISO 3779 / ISO 3780, and the North-American rules of
 * 49 CFR 565): 17 characters without I, O and Q; a check digit at position 9 that North-American VINs must
 * have and European ones often do not (so for them a mismatch is information, not an error); the maker and
 * country from the WMI; the model year from position 10.
 */
public final class VinDecoder {

    /** The WMI table shipped with the module. */
    public static final String WMI_RESOURCE = "/fr/novaevo/workstation/obd/vin/wmi.tsv";

    /** Weights of positions 1 to 17 for the check digit (position 9 itself weighs 0). */
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    /** Model year codes of position 10, from 1980 (A) to 2009 (9), then again from 2010. */
    private static final String YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";
    /** The order of the second character in the ISO 3780 region ranges. */
    private static final String ISO_ORDER = "ABCDEFGHJKLMNPRSTUVWXYZ1234567890";

    private static final class Shipped {
        static final Map<String, Maker> WMI = loadWmi();
    }

    /** A maker of the WMI table and the country of its plant. */
    public record Maker(String manufacturer, String country) {
    }

    private final Clock clock;

    /** @param clock gives the current year, to choose the model year among the 30-year repetitions */
    public VinDecoder(Clock clock) {
        this.clock = clock;
    }

    public VinReport decode(String raw) {
        String vin = raw == null ? "" : raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        List<VinIssue> issues = new ArrayList<>();
        if (vin.length() != 17) {
            issues.add(new VinIssue(VinIssue.Level.ERROR, "VIN-LENGTH",
                    "Le VIN doit compter 17 caractères (" + vin.length() + " lus)",
                    "A VIN has 17 characters (" + vin.length() + " read)"));
        }
        StringBuilder bad = new StringBuilder();
        for (char c : vin.toCharArray()) {
            if (!allowed(c) && bad.indexOf(String.valueOf(c)) < 0) {
                bad.append(c);
            }
        }
        if (!bad.isEmpty()) {
            issues.add(new VinIssue(VinIssue.Level.ERROR, "VIN-CHARACTERS",
                    "Caractères interdits dans un VIN : " + bad + " (I, O et Q ne sont jamais utilisés)",
                    "Characters not allowed in a VIN: " + bad + " (I, O and Q are never used)"));
        }
        Optional<String> wmi = vin.length() >= 3 ? Optional.of(vin.substring(0, 3)) : Optional.empty();
        Maker known = wmi.map(w -> Shipped.WMI.get(w)).orElse(null);
        Optional<String> manufacturer = Optional.ofNullable(known).map(Maker::manufacturer);
        Optional<String> country = Optional.ofNullable(known).map(Maker::country)
                .or(() -> vin.length() >= 2 ? region(vin.charAt(0), vin.charAt(1)) : Optional.empty());
        boolean northAmerican = !vin.isEmpty() && "12345".indexOf(vin.charAt(0)) >= 0;

        Optional<Boolean> checkOk = Optional.empty();
        if (vin.length() == 17 && bad.isEmpty()) {
            char expected = checkDigit(vin);
            boolean ok = vin.charAt(8) == expected;
            checkOk = Optional.of(ok);
            if (!ok && northAmerican) {
                issues.add(new VinIssue(VinIssue.Level.ERROR, "VIN-CHECK-DIGIT",
                        "Chiffre de contrôle faux en position 9 : " + vin.charAt(8) + " au lieu de " + expected
                                + " (obligatoire pour un VIN nord-américain) ; VIN mal lu ou falsifié",
                        "Wrong check digit at position 9: " + vin.charAt(8) + " instead of " + expected
                                + " (required in a North-American VIN); misread or forged VIN"));
            } else if (!ok) {
                issues.add(new VinIssue(VinIssue.Level.INFO, "VIN-CHECK-DIGIT-UNUSED",
                        "La position 9 n'est pas un chiffre de contrôle : c'est habituel pour un VIN européen",
                        "Position 9 is not a check digit: usual for a European VIN"));
            }
        }
        if (manufacturer.isEmpty() && wmi.isPresent()) {
            issues.add(new VinIssue(VinIssue.Level.INFO, "VIN-WMI-UNKNOWN",
                    "Constructeur " + wmi.get() + " absent de la table", "Manufacturer " + wmi.get() + " not in the table"));
        }

        List<Integer> years = new ArrayList<>();
        OptionalInt year = OptionalInt.empty();
        if (vin.length() == 17) {
            int index = YEAR_CODES.indexOf(vin.charAt(9));
            if (index >= 0) {
                int current = Year.now(clock).getValue();
                for (int y = 1980 + index; y <= current + 1; y += 30) {
                    years.add(y);
                }
                if (years.isEmpty()) {
                    years.add(1980 + index);
                }
                if (northAmerican && years.size() > 1) {
                    // 49 CFR 565: for cars and light trucks, a digit at position 7 means 1980-2009, a letter 2010-2039.
                    boolean firstCycle = Character.isDigit(vin.charAt(6));
                    year = OptionalInt.of(firstCycle ? years.getFirst() : years.get(1));
                } else {
                    year = OptionalInt.of(years.getLast());
                }
            } else {
                issues.add(new VinIssue(VinIssue.Level.INFO, "VIN-YEAR-UNCODED",
                        "La position 10 (" + vin.charAt(9) + ") ne code pas d'année-modèle : fréquent chez les "
                                + "constructeurs européens",
                        "Position 10 (" + vin.charAt(9) + ") does not code a model year: frequent with European makers"));
            }
        }
        boolean valid = issues.stream().noneMatch(i -> i.level() == VinIssue.Level.ERROR);
        return new VinReport(vin, valid, issues, wmi, manufacturer, country, checkOk, years, year);
    }

    static boolean allowed(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q');
    }

    /** The check digit ISO 3779 leaves optional and 49 CFR 565 requires: '0'-'9' or 'X'. */
    public static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        // Transliteration of 49 CFR 565.15: A-H = 1-8, J-N = 1-5, P = 7, R = 9, S-Z = 2-9.
        if (c >= 'A' && c <= 'H') {
            return c - 'A' + 1;
        }
        if (c >= 'J' && c <= 'N') {
            return c - 'J' + 1;
        }
        if (c == 'P') {
            return 7;
        }
        if (c == 'R') {
            return 9;
        }
        return c - 'S' + 2;
    }

    /** ISO 3780 regions: the first character, and for most a range of second characters. */
    static Optional<String> region(char first, char second) {
        record Range(char first, char from, char to, String country) {
        }
        List<Range> ranges = List.of(
                new Range('1', 'A', '0', "États-Unis"), new Range('4', 'A', '0', "États-Unis"),
                new Range('5', 'A', '0', "États-Unis"), new Range('2', 'A', '0', "Canada"),
                new Range('3', 'A', 'W', "Mexique"), new Range('J', 'A', '0', "Japon"),
                new Range('K', 'L', 'R', "Corée du Sud"), new Range('L', 'A', '0', "Chine"),
                new Range('M', 'A', 'E', "Inde"), new Range('M', 'F', 'K', "Indonésie"),
                new Range('M', 'L', 'R', "Thaïlande"), new Range('N', 'L', 'R', "Turquie"),
                new Range('S', 'A', 'M', "Royaume-Uni"), new Range('S', 'N', 'T', "Allemagne"),
                new Range('S', 'U', 'Z', "Pologne"), new Range('T', 'A', 'H', "Suisse"),
                new Range('T', 'J', 'P', "République tchèque"), new Range('T', 'R', 'V', "Hongrie"),
                new Range('T', 'W', '1', "Portugal"), new Range('U', 'H', 'M', "Danemark"),
                new Range('U', 'N', 'T', "Irlande"), new Range('U', 'U', 'Z', "Roumanie"),
                new Range('U', '5', '7', "Slovaquie"), new Range('V', 'A', 'E', "Autriche"),
                new Range('V', 'F', 'R', "France"), new Range('V', 'S', 'W', "Espagne"),
                new Range('V', 'X', '2', "Serbie"), new Range('V', '3', '5', "Croatie"),
                new Range('W', 'A', '0', "Allemagne"), new Range('X', 'A', 'E', "Bulgarie"),
                new Range('X', 'F', 'K', "Grèce"), new Range('X', 'L', 'R', "Pays-Bas"),
                new Range('X', 'S', 'W', "Russie"), new Range('X', 'X', '2', "Luxembourg"),
                new Range('X', '3', '0', "Russie"), new Range('Y', 'A', 'E', "Belgique"),
                new Range('Y', 'F', 'K', "Finlande"), new Range('Y', 'S', 'W', "Suède"),
                new Range('Y', 'X', '2', "Norvège"), new Range('Z', 'A', 'R', "Italie"),
                new Range('Z', 'X', '2', "Slovénie"), new Range('9', 'A', 'E', "Brésil"),
                new Range('9', '3', '9', "Brésil"), new Range('8', 'A', 'E', "Argentine"));
        int s = ISO_ORDER.indexOf(second);
        if (s < 0) {
            return Optional.empty();
        }
        for (Range r : ranges) {
            if (r.first() == first && s >= ISO_ORDER.indexOf(r.from()) && s <= ISO_ORDER.indexOf(r.to())) {
                return Optional.of(r.country());
            }
        }
        return Optional.empty();
    }

    /** Makers known to the table, by WMI. */
    public static Map<String, Maker> wmiTable() {
        return Collections.unmodifiableMap(Shipped.WMI);
    }

    private static Map<String, Maker> loadWmi() {
        InputStream in = VinDecoder.class.getResourceAsStream(WMI_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + WMI_RESOURCE);
        }
        Map<String, Maker> out = new LinkedHashMap<>();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (TsvTable.Row row : TsvTable.read(r)) {
                String[] f = row.fields();
                if (f.length != 3 || f[0].length() != 3) {
                    throw new IllegalStateException(WMI_RESOURCE + ":" + row.line() + ": bad line " + String.join("\t", f));
                }
                out.put(f[0], new Maker(f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WMI_RESOURCE, e);
        }
        return out;
    }
}
