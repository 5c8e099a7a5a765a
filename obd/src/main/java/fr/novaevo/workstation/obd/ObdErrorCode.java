package fr.novaevo.workstation.obd;

/**
 * Stable reason codes for everything that can go wrong between the workstation and a vehicle.
 *
 * <p>The code string is what a user quotes and what the UI translates ({@code error.OBD-NO-DATA}); the
 * command line maps {@link #exitCategory()} to its exit codes (3: no adapter, 4: no vehicle, 5: protocol).
 */
public enum ObdErrorCode {
    /** The port name cannot be understood. */
    BAD_PORT_NAME("OBD-BAD-PORT-NAME", Category.USAGE),
    /** The port or socket cannot be opened (missing, busy, no permission, refused). */
    PORT_UNAVAILABLE("OBD-PORT-UNAVAILABLE", Category.ADAPTER),
    /** The link was lost (adapter unplugged, socket closed) while in use. */
    LINK_LOST("OBD-LINK-LOST", Category.ADAPTER),
    /** Nothing complete came back before the deadline. */
    TIMEOUT("OBD-TIMEOUT", Category.ADAPTER),
    /** Something answers, but it is not an ELM327-compatible adapter. */
    NO_ADAPTER("OBD-NO-ADAPTER", Category.ADAPTER),
    /** The adapter did not understand the command ({@code ?}). */
    UNKNOWN_COMMAND("OBD-UNKNOWN-COMMAND", Category.PROTOCOL),
    /** The vehicle did not answer this request ({@code NO DATA}). */
    NO_DATA("OBD-NO-DATA", Category.VEHICLE),
    /** No protocol could be established ({@code UNABLE TO CONNECT}, {@code BUS INIT: ...ERROR}). */
    UNABLE_TO_CONNECT("OBD-UNABLE-TO-CONNECT", Category.VEHICLE),
    /** A bus-level failure: {@code CAN ERROR}, {@code BUS ERROR}, {@code BUS BUSY}, {@code FB ERROR}. */
    BUS_ERROR("OBD-BUS-ERROR", Category.VEHICLE),
    /** The adapter's receive buffer overflowed ({@code BUFFER FULL}). */
    BUFFER_FULL("OBD-BUFFER-FULL", Category.PROTOCOL),
    /** The adapter stopped the request because a byte arrived meanwhile ({@code STOPPED}). */
    STOPPED("OBD-STOPPED", Category.PROTOCOL),
    /** Checksum or framing error in what the vehicle sent ({@code <DATA ERROR}, {@code <RX ERROR}). */
    DATA_ERROR("OBD-DATA-ERROR", Category.PROTOCOL),
    /** The adapter reset itself on low supply voltage ({@code LV RESET}) or reports low power. */
    LOW_VOLTAGE("OBD-LOW-VOLTAGE", Category.ADAPTER),
    /** An internal adapter error ({@code ERRxx}). */
    ADAPTER_ERROR("OBD-ADAPTER-ERROR", Category.PROTOCOL),
    /** The answer is not what the protocol allows (garbage, wrong length, wrong service). */
    MALFORMED_RESPONSE("OBD-MALFORMED-RESPONSE", Category.PROTOCOL),
    /** The ECU answered with a negative response (7F). */
    NEGATIVE_RESPONSE("OBD-NEGATIVE-RESPONSE", Category.PROTOCOL),
    /** The operation was cancelled by the user. */
    CANCELLED("OBD-CANCELLED", Category.PROTOCOL);

    /** How the command line and the UI group the failures. */
    public enum Category { USAGE, ADAPTER, VEHICLE, PROTOCOL }

    private final String code;
    private final Category category;

    ObdErrorCode(String code, Category category) {
        this.code = code;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public Category exitCategory() {
        return category;
    }
}
