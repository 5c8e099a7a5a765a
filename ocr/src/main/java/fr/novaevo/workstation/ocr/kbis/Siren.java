package fr.novaevo.workstation.ocr.kbis;

/** SIREN / SIRET numbers and the French intra-EU VAT number derived from a SIREN. */
public final class Siren {

    /** La Poste's SIREN: its establishments' SIRET numbers do not follow Luhn but a digit-sum rule. */
    public static final String LA_POSTE = "356000000";

    private Siren() {
    }

    /** Nine digits passing the Luhn check. */
    public static boolean isValid(String siren) {
        return siren != null && siren.matches("\\d{9}") && luhn(siren);
    }

    /**
     * Fourteen digits passing the Luhn check, except La Poste's establishments whose digits must add up to a
     * multiple of 5 (their SIRET numbers were allocated before the rule).
     */
    public static boolean isValidSiret(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith(LA_POSTE)) {
            int sum = siret.chars().map(c -> c - '0').sum();
            return sum % 5 == 0 || luhn(siret);
        }
        return luhn(siret);
    }

    /** "FR" + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97 on two digits. */
    public static String vatNumber(String siren) {
        if (!siren.matches("\\d{9}")) {
            throw new IllegalArgumentException("a SIREN has 9 digits");
        }
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return String.format(java.util.Locale.ROOT, "FR%02d%s", key, siren);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
