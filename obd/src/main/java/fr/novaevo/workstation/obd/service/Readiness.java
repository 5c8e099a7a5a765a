package fr.novaevo.workstation.obd.service;

import java.util.List;

/**
 * Mode 01 PID 01 of one ECU: the MIL, the number of stored codes, and each emission monitor's state.
 *
 * @param ecu         the ECU
 * @param milOn       whether the malfunction indicator lamp is commanded on
 * @param dtcCount    how many confirmed codes the ECU holds
 * @param compression true for a diesel (compression ignition) monitor set, false for petrol (spark)
 * @param monitors    every monitor with whether it is supported and complete
 */
public record Readiness(String ecu, boolean milOn, int dtcCount, boolean compression, List<Monitor> monitors) {

    public Readiness {
        monitors = List.copyOf(monitors);
    }

    /**
     * @param name      English name ("Catalyst", "EGR/VVT system")
     * @param supported whether this vehicle has the monitor
     * @param complete  whether its test has run to completion since the codes were cleared
     */
    public record Monitor(String name, boolean supported, boolean complete) {
    }

    private static final String[] CONTINUOUS = {"Misfire", "Fuel system", "Comprehensive components"};
    private static final String[] SPARK = {"Catalyst", "Heated catalyst", "Evaporative system",
        "Secondary air system", "A/C refrigerant", "Oxygen sensor", "Oxygen sensor heater", "EGR system"};
    private static final String[] COMPRESSION = {"NMHC catalyst", "NOx/SCR aftertreatment", null,
        "Boost pressure", null, "Exhaust gas sensor", "PM filter", "EGR/VVT system"};

    /** Decodes the four data bytes A B C D of PID 01 (SAE J1979 table "PID 01"). */
    public static Readiness decode(String ecu, int a, int b, int c, int d) {
        boolean compression = (b & 0x08) != 0;
        List<Monitor> monitors = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            monitors.add(new Monitor(CONTINUOUS[i], (b & (1 << i)) != 0, (b & (1 << (i + 4))) == 0));
        }
        String[] names = compression ? COMPRESSION : SPARK;
        for (int i = 0; i < 8; i++) {
            if (names[i] != null) {
                monitors.add(new Monitor(names[i], (c & (1 << i)) != 0, (d & (1 << i)) == 0));
            }
        }
        return new Readiness(ecu, (a & 0x80) != 0, a & 0x7F, compression, monitors);
    }

    /** Supported monitors that have not completed: what keeps a vehicle from passing an inspection. */
    public List<Monitor> incomplete() {
        return monitors.stream().filter(m -> m.supported() && !m.complete()).toList();
    }

    public boolean ready() {
        return incomplete().isEmpty();
    }
}
