package fr.novaevo.workstation.obd.service;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fault code such as {@code P0301}: a system letter (P powertrain, C chassis, B body, U network), then four
 * hex digits. Its two bytes on the wire hold the letter in the top two bits.
 */
public record DiagnosticTroubleCode(String code) implements Comparable<DiagnosticTroubleCode> {

    private static final Pattern FORMAT = Pattern.compile("[PCBU][0-3][0-9A-F]{3}");
    private static final char[] SYSTEMS = {'P', 'C', 'B', 'U'};

    public DiagnosticTroubleCode {
        code = code.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("not a fault code: " + code);
        }
    }

    public static DiagnosticTroubleCode parse(String text) {
        return new DiagnosticTroubleCode(text);
    }

    /** From the two bytes of a mode 03/07/0A answer. */
    public static DiagnosticTroubleCode decode(int a, int b) {
        return new DiagnosticTroubleCode(String.format("%c%d%X%02X", SYSTEMS[(a >> 6) & 3], (a >> 4) & 3, a & 0x0F,
                b & 0xFF));
    }

    public int[] encode() {
        int system = new String(SYSTEMS).indexOf(code.charAt(0));
        int digit = code.charAt(1) - '0';
        int rest = Integer.parseInt(code.substring(2), 16);
        return new int[] {(system << 6) | (digit << 4) | (rest >> 8), rest & 0xFF};
    }

    public char system() {
        return code.charAt(0);
    }

    /**
     * True when the meaning is set by the manufacturer, not by SAE J2012 / ISO 15031-6: P1xxx, P30xx-P33xx,
     * B1/B2, C1/C2, U1/U2.
     */
    public boolean isManufacturerSpecific() {
        char digit = code.charAt(1);
        if (digit == '1' || (code.charAt(0) != 'P' && digit == '2')) {
            return true;
        }
        return code.charAt(0) == 'P' && digit == '3' && code.charAt(2) <= '3';
    }

    @Override
    public int compareTo(DiagnosticTroubleCode o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
