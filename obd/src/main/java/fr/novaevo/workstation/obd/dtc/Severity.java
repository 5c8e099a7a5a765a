package fr.novaevo.workstation.obd.dtc;

/**
 * How urgent a fault code is for the mechanic, in four levels. The level comes from the rules in
 * {@code severity-rules.tsv} (see the module's README), never from a guess per code.
 */
public enum Severity {
    /** Stop driving: engine or catalyst damage, or a safety risk, within minutes. */
    CRITICAL("critique", "critical"),
    /** Repair soon: breakdown, limp mode, no start, or a disabled safety system is likely. */
    HIGH("élevée", "high"),
    /** Repair at the next visit: emissions, consumption or comfort suffer. */
    MODERATE("modérée", "moderate"),
    /** Can wait: no effect on driving or safety (evaporative system, lamps, comfort options). */
    LOW("faible", "low");

    private final String french;
    private final String english;

    Severity(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public String french() {
        return french;
    }

    public String english() {
        return english;
    }

    /** Reads the level as written in the rules file: its French or English name, or its constant name. */
    public static Severity parse(String text) {
        String t = text.strip();
        for (Severity s : values()) {
            if (s.french.equalsIgnoreCase(t) || s.english.equalsIgnoreCase(t) || s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'");
    }
}
