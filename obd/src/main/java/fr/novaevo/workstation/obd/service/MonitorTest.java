package fr.novaevo.workstation.obd.service;

/**
 * One mode 06 on-board monitor test result: a value with the limits it must stay within.
 *
 * @param ecu     the ECU
 * @param mid     the monitor id (0x21 catalyst bank 1, 0xA2 misfire cylinder 1...)
 * @param monitor the monitor's English name
 * @param tid     the test id within the monitor
 * @param value   the measured value in {@code unit}
 * @param min     the lower limit
 * @param max     the upper limit
 * @param unit    the unit
 */
public record MonitorTest(String ecu, int mid, String monitor, int tid, double value, double min, double max,
        String unit) {

    /** J1979: a test passes when min <= value <= max. */
    public boolean passed() {
        return value >= min && value <= max;
    }
}
