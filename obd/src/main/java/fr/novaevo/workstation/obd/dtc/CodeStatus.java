package fr.novaevo.workstation.obd.dtc;

/** What the database knows about a code. */
public enum CodeStatus {
    /** A generic (SAE J2012 / ISO 15031-6) code with its description. */
    GENERIC,
    /** A code in a range whose meaning the manufacturer sets (P1xxx, P30xx-P33xx, B1/B2, C1/C2, U1/U2). */
    MANUFACTURER_SPECIFIC,
    /** A code in a generic range that this database does not describe (reserved or very rare). */
    UNKNOWN
}
