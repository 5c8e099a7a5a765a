package fr.novaevo.workstation.obd.service;

/** The three lists of fault codes and the service that reads each. */
public enum CodeKind {
    /** Confirmed codes, those that light the MIL (mode 03). */
    STORED(0x03),
    /** Codes detected during the current or last drive cycle, not yet confirmed (mode 07). */
    PENDING(0x07),
    /** Codes that only the ECU itself can erase once the fault is repaired (mode 0A). */
    PERMANENT(0x0A);

    private final int mode;

    CodeKind(int mode) {
        this.mode = mode;
    }

    public int mode() {
        return mode;
    }
}
