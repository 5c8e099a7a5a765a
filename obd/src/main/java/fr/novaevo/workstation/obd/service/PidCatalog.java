package fr.novaevo.workstation.obd.service;

import static fr.novaevo.workstation.obd.service.PidDefinition.number;

import fr.novaevo.workstation.obd.service.PidDefinition.Decoded;
import fr.novaevo.workstation.obd.service.PidDefinition.Decoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The standard mode 01 PIDs of SAE J1979 with their byte length, formula and unit. Formulas name the data
 * bytes A, B, C, D as the standard does: {@code d[0]} is A.
 */
public final class PidCatalog {

    private final Map<Integer, PidDefinition> byPid = new TreeMap<>();

    public PidCatalog() {
        for (int p : new int[] {0x00, 0x20, 0x40, 0x60, 0x80, 0xA0, 0xC0}) {
            add(p, 4, String.format("PIDs supported [%02X-%02X]", p + 1, p + 0x20),
                    d -> new Decoded(List.of(), String.format("%02X%02X%02X%02X", d[0], d[1], d[2], d[3])));
        }
        add(0x01, 4, "Monitor status since DTCs cleared", d -> new Decoded(
                List.of(new Quantity("DTC count", d[0] & 0x7F, "")),
                ((d[0] & 0x80) != 0 ? "MIL on, " : "MIL off, ") + (d[0] & 0x7F) + " DTC"));
        add(0x02, 2, "DTC that caused freeze frame", d -> new Decoded(List.of(),
                DiagnosticTroubleCode.decode(d[0], d[1]).code()));
        add(0x03, 2, "Fuel system status", d -> new Decoded(List.of(), fuelSystem(d[0])
                + (d[1] != 0 ? " / " + fuelSystem(d[1]) : "")));
        add(0x04, 1, "Calculated engine load", number("Engine load", "%", d -> d[0] * 100.0 / 255));
        add(0x05, 1, "Engine coolant temperature", number("Coolant temperature", "°C", d -> d[0] - 40));
        add(0x06, 1, "Short term fuel trim, bank 1", number("STFT B1", "%", d -> d[0] * 100.0 / 128 - 100));
        add(0x07, 1, "Long term fuel trim, bank 1", number("LTFT B1", "%", d -> d[0] * 100.0 / 128 - 100));
        add(0x08, 1, "Short term fuel trim, bank 2", number("STFT B2", "%", d -> d[0] * 100.0 / 128 - 100));
        add(0x09, 1, "Long term fuel trim, bank 2", number("LTFT B2", "%", d -> d[0] * 100.0 / 128 - 100));
        add(0x0A, 1, "Fuel pressure", number("Fuel pressure", "kPa", d -> d[0] * 3));
        add(0x0B, 1, "Intake manifold absolute pressure", number("MAP", "kPa", d -> d[0]));
        add(0x0C, 2, "Engine speed", number("Engine speed", "rpm", d -> (d[0] * 256 + d[1]) / 4.0));
        add(0x0D, 1, "Vehicle speed", number("Vehicle speed", "km/h", d -> d[0]));
        add(0x0E, 1, "Timing advance", number("Timing advance", "°", d -> d[0] / 2.0 - 64));
        add(0x0F, 1, "Intake air temperature", number("Intake air temperature", "°C", d -> d[0] - 40));
        add(0x10, 2, "Mass air flow rate", number("MAF", "g/s", d -> (d[0] * 256 + d[1]) / 100.0));
        add(0x11, 1, "Throttle position", number("Throttle", "%", d -> d[0] * 100.0 / 255));
        add(0x12, 1, "Commanded secondary air status", d -> new Decoded(List.of(), secondaryAir(d[0])));
        add(0x13, 1, "Oxygen sensors present (2 banks)", d -> new Decoded(
                List.of(new Quantity("Sensors", Integer.bitCount(d[0]), "")), String.format("%8s",
                        Integer.toBinaryString(d[0])).replace(' ', '0')));
        for (int i = 0; i < 8; i++) {
            int sensor = i;
            add(0x14 + i, 2, "Oxygen sensor " + (i + 1) + " voltage and short term fuel trim", d -> {
                List<Quantity> q = new ArrayList<>();
                q.add(new Quantity("O2 sensor " + (sensor + 1) + " voltage", d[0] / 200.0, "V"));
                if (d[1] != 0xFF) {
                    q.add(new Quantity("O2 sensor " + (sensor + 1) + " STFT", d[1] * 100.0 / 128 - 100, "%"));
                }
                return new Decoded(q, PidDefinition.format(d[0] / 200.0, "V"));
            });
        }
        add(0x1C, 1, "OBD standard", d -> new Decoded(List.of(), obdStandard(d[0])));
        add(0x1D, 1, "Oxygen sensors present (4 banks)", d -> new Decoded(
                List.of(new Quantity("Sensors", Integer.bitCount(d[0]), "")), Integer.toBinaryString(d[0])));
        add(0x1E, 1, "Auxiliary input status", d -> new Decoded(List.of(),
                AUXILIARY_INPUT.get(d[0] & 1)));
        add(0x1F, 2, "Run time since engine start", number("Run time", "s", d -> d[0] * 256 + d[1]));
        add(0x21, 2, "Distance travelled with MIL on", number("Distance with MIL", "km", d -> d[0] * 256 + d[1]));
        add(0x22, 2, "Fuel rail pressure (relative to manifold)",
                number("Fuel rail pressure", "kPa", d -> (d[0] * 256 + d[1]) * 0.079));
        add(0x23, 2, "Fuel rail gauge pressure", number("Fuel rail pressure", "kPa", d -> (d[0] * 256 + d[1]) * 10));
        for (int i = 0; i < 8; i++) {
            int s = i + 1;
            add(0x24 + i, 4, "Oxygen sensor " + s + " lambda and voltage", d -> new Decoded(List.of(
                    new Quantity("O2 sensor " + s + " lambda", (d[0] * 256 + d[1]) * 2.0 / 65536, ""),
                    new Quantity("O2 sensor " + s + " voltage", (d[2] * 256 + d[3]) * 8.0 / 65536, "V")),
                    PidDefinition.format((d[0] * 256 + d[1]) * 2.0 / 65536, "λ")));
        }
        add(0x2C, 1, "Commanded EGR", number("Commanded EGR", "%", d -> d[0] * 100.0 / 255));
        add(0x2D, 1, "EGR error", number("EGR error", "%", d -> d[0] * 100.0 / 128 - 100));
        add(0x2E, 1, "Commanded evaporative purge", number("Evap purge", "%", d -> d[0] * 100.0 / 255));
        add(0x2F, 1, "Fuel tank level input", number("Fuel level", "%", d -> d[0] * 100.0 / 255));
        add(0x30, 1, "Warm-ups since codes cleared", number("Warm-ups", "", d -> d[0]));
        add(0x31, 2, "Distance travelled since codes cleared", number("Distance since clear", "km",
                d -> d[0] * 256 + d[1]));
        add(0x32, 2, "Evap system vapour pressure", number("Evap vapour pressure", "Pa",
                d -> (short) (d[0] << 8 | d[1]) / 4.0));
        add(0x33, 1, "Absolute barometric pressure", number("Barometric pressure", "kPa", d -> d[0]));
        for (int i = 0; i < 8; i++) {
            int s = i + 1;
            add(0x34 + i, 4, "Oxygen sensor " + s + " lambda and current", d -> new Decoded(List.of(
                    new Quantity("O2 sensor " + s + " lambda", (d[0] * 256 + d[1]) * 2.0 / 65536, ""),
                    new Quantity("O2 sensor " + s + " current", (d[2] * 256 + d[3]) / 256.0 - 128, "mA")),
                    PidDefinition.format((d[0] * 256 + d[1]) * 2.0 / 65536, "λ")));
        }
        String[] cats = {"bank 1 sensor 1", "bank 2 sensor 1", "bank 1 sensor 2", "bank 2 sensor 2"};
        for (int i = 0; i < 4; i++) {
            add(0x3C + i, 2, "Catalyst temperature, " + cats[i], number("Catalyst temperature " + cats[i], "°C",
                    d -> (d[0] * 256 + d[1]) / 10.0 - 40));
        }
        add(0x41, 4, "Monitor status this drive cycle", d -> new Decoded(List.of(),
                String.format("%02X%02X%02X%02X", d[0], d[1], d[2], d[3])));
        add(0x42, 2, "Control module voltage", number("Module voltage", "V", d -> (d[0] * 256 + d[1]) / 1000.0));
        add(0x43, 2, "Absolute load value", number("Absolute load", "%", d -> (d[0] * 256 + d[1]) * 100.0 / 255));
        add(0x44, 2, "Commanded air-fuel equivalence ratio", number("Commanded lambda", "",
                d -> (d[0] * 256 + d[1]) * 2.0 / 65536));
        add(0x45, 1, "Relative throttle position", number("Relative throttle", "%", d -> d[0] * 100.0 / 255));
        add(0x46, 1, "Ambient air temperature", number("Ambient temperature", "°C", d -> d[0] - 40));
        String[] pedals = {"Absolute throttle position B", "Absolute throttle position C",
            "Accelerator pedal position D", "Accelerator pedal position E", "Accelerator pedal position F"};
        for (int i = 0; i < pedals.length; i++) {
            String label = pedals[i];
            add(0x47 + i, 1, label, number(label, "%", d -> d[0] * 100.0 / 255));
        }
        add(0x4C, 1, "Commanded throttle actuator", number("Commanded throttle", "%", d -> d[0] * 100.0 / 255));
        add(0x4D, 2, "Time run with MIL on", number("Time with MIL", "min", d -> d[0] * 256 + d[1]));
        add(0x4E, 2, "Time since trouble codes cleared", number("Time since clear", "min", d -> d[0] * 256 + d[1]));
        add(0x4F, 4, "Maximum values for lambda, O2 voltage, O2 current, MAP", d -> new Decoded(List.of(
                new Quantity("Max lambda", d[0], ""), new Quantity("Max O2 voltage", d[1], "V"),
                new Quantity("Max O2 current", d[2], "mA"), new Quantity("Max MAP", d[3] * 10, "kPa")),
                d[0] + " / " + d[1] + " V / " + d[2] + " mA / " + d[3] * 10 + " kPa"));
        add(0x50, 4, "Maximum value for air flow rate", number("Max MAF", "g/s", d -> d[0] * 10));
        add(0x51, 1, "Fuel type", d -> new Decoded(List.of(), fuelType(d[0])));
        add(0x52, 1, "Ethanol fuel percentage", number("Ethanol", "%", d -> d[0] * 100.0 / 255));
        add(0x53, 2, "Absolute evap system vapour pressure", number("Evap pressure", "kPa",
                d -> (d[0] * 256 + d[1]) / 200.0));
        add(0x54, 2, "Evap system vapour pressure", number("Evap pressure", "Pa", d -> (short) (d[0] << 8 | d[1])));
        String[] secondary = {"Short term secondary O2 trim, banks 1 and 3", "Long term secondary O2 trim, banks 1 and 3",
            "Short term secondary O2 trim, banks 2 and 4", "Long term secondary O2 trim, banks 2 and 4"};
        for (int i = 0; i < secondary.length; i++) {
            String label = secondary[i];
            add(0x55 + i, 2, label, d -> new Decoded(List.of(
                    new Quantity(label + " (A)", d[0] * 100.0 / 128 - 100, "%"),
                    new Quantity(label + " (B)", d[1] * 100.0 / 128 - 100, "%")),
                    PidDefinition.format(d[0] * 100.0 / 128 - 100, "%")));
        }
        add(0x59, 2, "Fuel rail absolute pressure", number("Fuel rail pressure", "kPa", d -> (d[0] * 256 + d[1]) * 10));
        add(0x5A, 1, "Relative accelerator pedal position", number("Relative pedal", "%", d -> d[0] * 100.0 / 255));
        add(0x5B, 1, "Hybrid battery pack remaining life", number("Hybrid battery", "%", d -> d[0] * 100.0 / 255));
        add(0x5C, 1, "Engine oil temperature", number("Oil temperature", "°C", d -> d[0] - 40));
        add(0x5D, 2, "Fuel injection timing", number("Injection timing", "°", d -> (d[0] * 256 + d[1]) / 128.0 - 210));
        add(0x5E, 2, "Engine fuel rate", number("Fuel rate", "L/h", d -> (d[0] * 256 + d[1]) / 20.0));
        add(0x5F, 1, "Emission requirements", d -> new Decoded(List.of(), String.format("%02X", d[0])));
        add(0x61, 1, "Driver's demand engine torque", number("Demanded torque", "%", d -> d[0] - 125));
        add(0x62, 1, "Actual engine torque", number("Actual torque", "%", d -> d[0] - 125));
        add(0x63, 2, "Engine reference torque", number("Reference torque", "N·m", d -> d[0] * 256 + d[1]));
        add(0x64, 5, "Engine percent torque data", d -> new Decoded(List.of(
                new Quantity("Idle torque", d[0] - 125, "%"), new Quantity("Point 1 torque", d[1] - 125, "%"),
                new Quantity("Point 2 torque", d[2] - 125, "%"), new Quantity("Point 3 torque", d[3] - 125, "%"),
                new Quantity("Point 4 torque", d[4] - 125, "%")), PidDefinition.format(d[0] - 125, "%")));
        add(0xA6, 4, "Odometer", number("Odometer", "km",
                d -> (((long) d[0] << 24) | ((long) d[1] << 16) | ((long) d[2] << 8) | d[3]) / 10.0));
    }

    private void add(int pid, int length, String name, Decoder decoder) {
        byPid.put(pid, new PidDefinition(pid, length, name, decoder));
    }

    public Optional<PidDefinition> find(int pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    public Collection<PidDefinition> all() {
        return byPid.values();
    }

    /** True for the PIDs 00, 20, 40... that list which PIDs an ECU supports. */
    public static boolean isSupportBitmap(int pid) {
        return pid % 0x20 == 0;
    }

    private static final Map<Integer, String> FUEL_SYSTEM = Map.of(0, "Not present", 1, "Open loop (not warm)",
            2, "Closed loop", 4, "Open loop (load or deceleration)", 8, "Open loop (system failure)",
            16, "Closed loop (feedback fault)");

    private static final Map<Integer, String> SECONDARY_AIR = Map.of(1, "Upstream", 2, "Downstream of catalyst",
            4, "From outside or off", 8, "Pump on for diagnostics");

    private static final Map<Integer, String> OBD_STANDARD = Map.ofEntries(Map.entry(1, "OBD-II (CARB)"),
            Map.entry(2, "OBD (EPA)"), Map.entry(3, "OBD and OBD-II"), Map.entry(4, "OBD-I"),
            Map.entry(5, "Not OBD compliant"), Map.entry(6, "EOBD (Europe)"), Map.entry(7, "EOBD and OBD-II"),
            Map.entry(8, "EOBD and OBD"), Map.entry(9, "EOBD, OBD and OBD-II"), Map.entry(10, "JOBD (Japan)"),
            Map.entry(11, "JOBD and OBD-II"), Map.entry(12, "JOBD and EOBD"), Map.entry(13, "JOBD, EOBD and OBD-II"),
            Map.entry(17, "EMD"), Map.entry(18, "EMD+"), Map.entry(19, "HD OBD-C"), Map.entry(20, "HD OBD"),
            Map.entry(21, "WWH OBD"), Map.entry(23, "HD EOBD-I"), Map.entry(24, "HD EOBD-I N"),
            Map.entry(25, "HD EOBD-II"), Map.entry(26, "HD EOBD-II N"), Map.entry(28, "OBDBr-1"),
            Map.entry(29, "OBDBr-2"), Map.entry(30, "KOBD (Korea)"), Map.entry(31, "IOBD I (India)"),
            Map.entry(32, "IOBD II (India)"), Map.entry(33, "HD EOBD-VI"));

    private static final List<String> FUEL_TYPES = List.of("Not available", "Gasoline", "Methanol", "Ethanol",
            "Diesel", "LPG", "CNG", "Propane", "Electric", "Bifuel gasoline", "Bifuel methanol", "Bifuel ethanol",
            "Bifuel LPG", "Bifuel CNG", "Bifuel propane", "Bifuel electricity", "Bifuel electric and combustion",
            "Hybrid gasoline", "Hybrid ethanol", "Hybrid diesel", "Hybrid electric", "Hybrid electric and combustion",
            "Hybrid regenerative", "Bifuel diesel");

    private static final List<String> AUXILIARY_INPUT = List.of("PTO inactive", "PTO active");

    /**
     * Every fixed state wording the catalogue can show (PIDs 03, 12, 1C, 1E, 51), so that a user interface can
     * prove it translates them all. Besides these, a state can be {@code "Unknown (XX)"} (a code the standard
     * does not define, in hexadecimal) and PID 01 reads {@code "MIL on, 3 DTC"}, two states joined by
     * {@code " / "} (PID 03, two fuel systems).
     */
    public static SortedSet<String> stateTexts() {
        SortedSet<String> all = new TreeSet<>();
        all.addAll(FUEL_SYSTEM.values());
        all.addAll(SECONDARY_AIR.values());
        all.addAll(OBD_STANDARD.values());
        all.addAll(FUEL_TYPES);
        all.addAll(AUXILIARY_INPUT);
        return all;
    }

    private static String fuelSystem(int v) {
        return FUEL_SYSTEM.getOrDefault(v, unknown(v));
    }

    private static String secondaryAir(int v) {
        return SECONDARY_AIR.getOrDefault(v, unknown(v));
    }

    static String obdStandard(int v) {
        return OBD_STANDARD.getOrDefault(v, unknown(v));
    }

    private static String fuelType(int v) {
        return v < FUEL_TYPES.size() ? FUEL_TYPES.get(v) : unknown(v);
    }

    private static String unknown(int v) {
        return String.format("Unknown (%02X)", v);
    }
}
