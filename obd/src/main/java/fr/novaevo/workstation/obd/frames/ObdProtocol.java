package fr.novaevo.workstation.obd.frames;

import java.util.Optional;

/** The OBD-II protocols an ELM327 speaks, numbered as in {@code ATSPn} / {@code ATDPN}. */
public enum ObdProtocol {
    AUTO('0', "Automatic", Family.UNKNOWN),
    J1850_PWM('1', "SAE J1850 PWM (41.6 kbaud)", Family.LEGACY),
    J1850_VPW('2', "SAE J1850 VPW (10.4 kbaud)", Family.LEGACY),
    ISO_9141_2('3', "ISO 9141-2 (5 baud init)", Family.LEGACY),
    ISO_14230_4_KWP_5BAUD('4', "ISO 14230-4 KWP (5 baud init)", Family.LEGACY),
    ISO_14230_4_KWP_FAST('5', "ISO 14230-4 KWP (fast init)", Family.LEGACY),
    ISO_15765_4_CAN_11_500('6', "ISO 15765-4 CAN (11 bit ID, 500 kbaud)", Family.CAN_11),
    ISO_15765_4_CAN_29_500('7', "ISO 15765-4 CAN (29 bit ID, 500 kbaud)", Family.CAN_29),
    ISO_15765_4_CAN_11_250('8', "ISO 15765-4 CAN (11 bit ID, 250 kbaud)", Family.CAN_11),
    ISO_15765_4_CAN_29_250('9', "ISO 15765-4 CAN (29 bit ID, 250 kbaud)", Family.CAN_29),
    SAE_J1939('A', "SAE J1939 CAN (29 bit ID, 250 kbaud)", Family.CAN_29),
    USER1_CAN('B', "User1 CAN (11 bit ID, 125 kbaud)", Family.CAN_11),
    USER2_CAN('C', "User2 CAN (11 bit ID, 50 kbaud)", Family.CAN_11);

    /** How the frames of a protocol look on the adapter's output. */
    public enum Family { CAN_11, CAN_29, LEGACY, UNKNOWN }

    private final char number;
    private final String description;
    private final Family family;

    ObdProtocol(char number, String description, Family family) {
        this.number = number;
        this.description = description;
        this.family = family;
    }

    public char number() {
        return number;
    }

    public String description() {
        return description;
    }

    public Family family() {
        return family;
    }

    public boolean isCan() {
        return family == Family.CAN_11 || family == Family.CAN_29;
    }

    /**
     * Reads an {@code ATDPN} answer: {@code "6"}, or {@code "A6"} when the protocol was found automatically.
     */
    public static Optional<ObdProtocol> fromDpn(String answer) {
        String s = answer.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.length() == 2 && s.charAt(0) == 'A') {
            s = s.substring(1);
        }
        if (s.length() != 1) {
            return Optional.empty();
        }
        for (ObdProtocol p : values()) {
            if (p.number == s.charAt(0)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
