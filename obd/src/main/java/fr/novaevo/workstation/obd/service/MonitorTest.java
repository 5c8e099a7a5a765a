package fr.novaevo.workstation.obd.service;

import java.util.OptionalInt;

/**
 * One mode 06 on-board monitor test result: a value with the limits it must stay within.
 *
 * <p>Two layouts exist (SAE J1979). On CAN a test belongs to a monitor ({@code mid}) and carries both limits.
 * On K-line and J1850 there is no monitor id ({@code mid} is 0) and a test is a test id with a component id
 * ({@code component}) and one limit, a maximum or a minimum; the absent side is 0 (values are unsigned) or
 * positive infinity.
 *
 * @param ecu       the ECU
 * @param mid       the monitor id (0x21 catalyst bank 1, 0xA2 misfire cylinder 1...), 0 on the legacy layout
 * @param monitor   the monitor's English name (on the legacy layout, the test's)
 * @param tid       the test id within the monitor
 * @param value     the measured value in {@code unit}
 * @param min       the lower limit
 * @param max       the upper limit
 * @param unit      the unit
 * @param component the component id of the legacy layout (limit-type bit removed), empty on CAN
 */
public record MonitorTest(String ecu, int mid, String monitor, int tid, double value, double min, double max,
        String unit, OptionalInt component) {

    /** A CAN-layout result. */
    public MonitorTest(String ecu, int mid, String monitor, int tid, double value, double min, double max,
            String unit) {
        this(ecu, mid, monitor, tid, value, min, max, unit, OptionalInt.empty());
    }

    /** J1979: a test passes when min <= value <= max. */
    public boolean passed() {
        return value >= min && value <= max;
    }

    /** Whether this result comes from the K-line / J1850 layout (test and component ids, one limit). */
    public boolean legacy() {
        return component.isPresent();
    }
}
