package fr.novaevo.workstation.obd.dtc;

/**
 * What the scan saw around a code, for the severity rule.
 *
 * @param activeNow   the code is in the pending list (mode 07): its fault was seen during the current or last
 *                    drive cycle, so it is active, not only remembered
 * @param milOn       the malfunction indicator lamp is commanded on (mode 01 PID 01)
 * @param milFlashing the mechanic saw the lamp flash (OBD-II does not report flashing, so this comes from the user)
 */
public record CodeContext(boolean activeNow, boolean milOn, boolean milFlashing) {

    /** No context: a code looked up on its own. */
    public static final CodeContext NONE = new CodeContext(false, false, false);
}
