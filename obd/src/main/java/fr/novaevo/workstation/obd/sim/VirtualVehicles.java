package fr.novaevo.workstation.obd.sim;

import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.service.DiagnosticTroubleCode;
import fr.novaevo.workstation.obd.transport.PortName;
import fr.novaevo.workstation.obd.transport.SimulatedDevice;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The ready-made virtual vehicles, by scenario name ({@code sim}, {@code sim:misfire}...): what demo mode
 * offers and what tests connect to.
 *
 * <ul>
 *   <li>{@code demo} (also the empty name): a 2019 Renault on CAN, catalyst code P0420 stored and permanent,
 *       P0171 pending, the evaporative monitor incomplete;</li>
 *   <li>{@code misfire}: the same car misfiring on cylinder 2 (P0300, P0302 stored, pending and permanent,
 *       MIL on, mode 06 misfire counts over the limit);</li>
 *   <li>{@code clean}: no code, every monitor complete;</li>
 *   <li>{@code can29}: a 2021 Volvo on ISO 15765-4 CAN with 29-bit ids at 500 kbaud (engine 18DAF110, gearbox
 *       18DAF118, functional requests to 18DB33F1), P0128 stored and pending, the EGR monitor incomplete;</li>
 *   <li>{@code can250}: a 2012 Iveco van on ISO 15765-4 CAN with 11-bit ids at 250 kbaud, P0401 (EGR flow
 *       insufficient) stored;</li>
 *   <li>{@code kline}: a 2004 Peugeot on ISO 14230-4 (KWP2000 fast init) with P0133 stored, its mode 06
 *       rich-to-lean switch time of the upstream oxygen sensor over the limit;</li>
 *   <li>{@code j1850}: a 2003 Ford on SAE J1850 PWM (engine 10, gearbox 18, headers {@code 41 6B 10}, CRC
 *       bytes) with P0171 and P0174 stored, P0442 pending, every mode 06 test passed;</li>
 *   <li>{@code j1850vpw}: a 2002 Chevrolet on SAE J1850 VPW (headers {@code 48 6B 10}) with P0420 stored and
 *       pending, its mode 06 catalyst test (a manufacturer test id) under the minimum;</li>
 *   <li>{@code ignition-off}: the adapter is powered but the ignition is off.</li>
 * </ul>
 *
 * <p>Mode 06 has the CAN layout (monitor ids) on the CAN cars and the legacy layout (test and component ids,
 * one limit) on the K-line and J1850 cars. The CAN vehicles (demo, misfire, clean, can29, can250) report their odometer (PID A6), which advances with the
 * drive cycle; the older K-line and J1850 cars do not have it.
 */
public final class VirtualVehicles {

    public static final List<String> SCENARIOS = List.of("demo", "misfire", "clean", "can29", "can250", "kline",
            "j1850", "j1850vpw", "ignition-off");

    private static final Set<Integer> ENGINE_PIDS = Set.of(0x01, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0B, 0x0C, 0x0D,
            0x0E, 0x0F, 0x10, 0x11, 0x13, 0x14, 0x15, 0x1C, 0x1F, 0x20, 0x21, 0x2F, 0x30, 0x31, 0x33, 0x40, 0x42,
            0x46, 0x49, 0x5C);
    private static final Set<Integer> GEARBOX_PIDS = Set.of(0x01, 0x0D);
    /** Catalyst, evaporative system, oxygen sensor, oxygen sensor heater, EGR. */
    private static final int SPARK_MONITORS = 0x01 | 0x04 | 0x20 | 0x40 | 0x80;

    private final Clock clock;

    public VirtualVehicles(Clock clock) {
        this.clock = clock;
    }

    /** The vehicle of a scenario; an unknown name is refused. */
    public VirtualVehicle create(String scenario) {
        String s = scenario == null || scenario.isEmpty() ? "demo" : scenario.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "demo" -> demo();
            case "misfire" -> misfire();
            case "clean" -> clean();
            case "can29" -> can29();
            case "can250" -> can250();
            case "kline" -> kline();
            case "j1850" -> j1850();
            case "j1850vpw" -> j1850Vpw();
            case "ignition-off" -> {
                VirtualVehicle v = clean();
                v.setIgnition(false);
                yield v;
            }
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario + "', expected one of "
                    + SCENARIOS);
        };
    }

    /**
     * What {@link fr.novaevo.workstation.obd.transport.TransportFactory} needs for {@code sim} ports: a fresh
     * vehicle and adapter per connection; an unknown scenario gives null (the factory reports it).
     */
    public Function<PortName.Sim, SimulatedDevice> devices(SimulatorSettings settings) {
        return sim -> {
            String s = sim.scenario().isEmpty() ? "demo" : sim.scenario().toLowerCase(Locale.ROOT);
            if (!SCENARIOS.contains(s)) {
                return null;
            }
            return new Elm327Emulator(create(s), settings, new FaultInjector());
        };
    }

    public VirtualVehicle demo() {
        VirtualVehicle v = can("VF1RJA00XKB123456");
        v.storeCode(SimEcu.Role.ENGINE, code("P0420"));
        v.permanentCode(SimEcu.Role.ENGINE, code("P0420"));
        v.pendingCode(SimEcu.Role.ENGINE, code("P0171"));
        monitorsIncomplete(v, 0x04);
        catalystResult(v, 0x00C8);
        return v;
    }

    public VirtualVehicle misfire() {
        VirtualVehicle v = can("VF1RJA00XKB123456");
        v.storeCode(SimEcu.Role.ENGINE, code("P0302"));
        v.storeCode(SimEcu.Role.ENGINE, code("P0300"));
        v.pendingCode(SimEcu.Role.ENGINE, code("P0302"));
        v.permanentCode(SimEcu.Role.ENGINE, code("P0302"));
        monitorsIncomplete(v, 0x04 | 0x01);
        catalystResult(v, 0x0050);
        synchronized (v) {
            SimEcu engine = v.ecu(SimEcu.Role.ENGINE);
            engine.monitors.replaceAll(m -> m.mid() == 0xA3 ? new SimEcu.MonitorRecord(0xA3, 0x0B, 0x24, 0x0142,
                    0x0000, 0x0064) : m);
        }
        return v;
    }

    public VirtualVehicle clean() {
        VirtualVehicle v = can("VF1RJA00XKB123456");
        monitorsIncomplete(v, 0);
        catalystResult(v, 0x0050);
        return v;
    }

    /** A 29-bit CAN car: the same ECUs at 18DA10F1/18DAF110 and 18DA18F1/18DAF118. */
    public VirtualVehicle can29() {
        SimEcu engine = withOdometer(engine("18DA10F1", "18DAF110"));
        VirtualVehicle v = new VirtualVehicle(clock, ObdProtocol.ISO_15765_4_CAN_29_500, "YV1XZ16K3M2456789",
                List.of(engine, gearbox("18DA18F1", "18DAF118")));
        v.storeCode(SimEcu.Role.ENGINE, code("P0128"));
        v.pendingCode(SimEcu.Role.ENGINE, code("P0128"));
        monitorsIncomplete(v, 0x80);
        catalystResult(v, 0x0050);
        v.setOdometerKm(41_206.8);
        return v;
    }

    /** An 11-bit CAN car at 250 kbaud (ATSP8), as some light commercial vehicles. */
    public VirtualVehicle can250() {
        VirtualVehicle v = new VirtualVehicle(clock, ObdProtocol.ISO_15765_4_CAN_11_250, "ZCFC35A00C5123456",
                List.of(withOdometer(engine("7E0", "7E8")), gearbox("7E1", "7E9")));
        v.storeCode(SimEcu.Role.ENGINE, code("P0401"));
        monitorsIncomplete(v, 0x80);
        catalystResult(v, 0x0050);
        v.setOdometerKm(163_540.2);
        return v;
    }

    /** P0133 (slow upstream oxygen sensor): its rich-to-lean switch time, 0.26 s, is over the 0.20 s limit. */
    public VirtualVehicle kline() {
        VirtualVehicle v = new VirtualVehicle(clock, ObdProtocol.ISO_14230_4_KWP_FAST, "VF32AKFWF44123456",
                List.of(legacyTests(engine("7E0", "7E8")), gearbox("7E1", "7E9")));
        v.storeCode(SimEcu.Role.ENGINE, code("P0133"));
        monitorsIncomplete(v, 0);
        legacyResult(v, new SimEcu.LegacyTestRecord(0x05, 0x01, 65, 50));
        return v;
    }

    /** A J1850 PWM car (Ford): legacy frames with a CRC, codes three per message, the VIN in five messages. */
    public VirtualVehicle j1850() {
        VirtualVehicle v = new VirtualVehicle(clock, ObdProtocol.J1850_PWM, J1850_VIN,
                List.of(legacyTests(engine("7E0", "7E8")), gearbox("7E1", "7E9")));
        v.storeCode(SimEcu.Role.ENGINE, code("P0171"));
        v.storeCode(SimEcu.Role.ENGINE, code("P0174"));
        v.pendingCode(SimEcu.Role.ENGINE, code("P0442"));
        monitorsIncomplete(v, 0x04);
        return v;
    }

    /**
     * A J1850 VPW car (GM): {@code 48 6B 10} headers at 10.4 kbaud. P0420: the catalyst test (manufacturer
     * test id 81, a minimum oxygen storage figure) reads 0x0120 against a minimum of 0x0180.
     */
    public VirtualVehicle j1850Vpw() {
        VirtualVehicle v = new VirtualVehicle(clock, ObdProtocol.J1850_VPW, J1850_VPW_VIN,
                List.of(legacyTests(engine("7E0", "7E8")), gearbox("7E1", "7E9")));
        v.storeCode(SimEcu.Role.ENGINE, code("P0420"));
        v.pendingCode(SimEcu.Role.ENGINE, code("P0420"));
        monitorsIncomplete(v, 0x04); // the catalyst monitor completed: that is how it found P0420
        legacyResult(v, new SimEcu.LegacyTestRecord(0x81, 0x81, 0x0120, 0x0180));
        return v;
    }

    /** A North-American VIN (Chevrolet Cavalier, 2002) with its check digit right. */
    static final String J1850_VPW_VIN = "1G1JC524427123456";

    /** A North-American VIN (Ford Mustang, 2003) with its check digit right, as the decoder demands there. */
    static final String J1850_VIN = "1FAFP404X3F123456";

    private VirtualVehicle can(String vin) {
        return new VirtualVehicle(clock, ObdProtocol.ISO_15765_4_CAN_11_500, vin,
                List.of(withOdometer(engine("7E0", "7E8")), gearbox("7E1", "7E9")));
    }

    private static SimEcu withOdometer(SimEcu engine) {
        engine.pids.add(0xA6);
        return engine;
    }

    private static SimEcu engine(String requestId, String responseId) {
        SimEcu e = new SimEcu(SimEcu.Role.ENGINE, requestId, responseId, 0x10, "ECM-EngineControl",
                "NOVAEVO-ECM-0142", "1A2B3C4D", ENGINE_PIDS);
        e.supportedMonitors = SPARK_MONITORS;
        e.dataIdentifiers.put(0xF187, "8201 123 456");
        e.dataIdentifiers.put(0xF189, "SW 4.2.1");
        e.dataIdentifiers.put(0xF18C, "ECM0012345678");
        e.monitors.add(new SimEcu.MonitorRecord(0x01, 0x01, 0x0A, 3689, 3000, 4200));
        e.monitors.add(new SimEcu.MonitorRecord(0x21, 0x80, 0x20, 0x0050, 0x0000, 0x00B3));
        for (int cylinder = 1; cylinder <= 4; cylinder++) {
            e.monitors.add(new SimEcu.MonitorRecord(0xA1 + cylinder, 0x0B, 0x24, 0x0000, 0x0000, 0x0064));
        }
        return e;
    }

    /**
     * The legacy-layout mode 06 results of an engine ECU, all passing: the upstream sensor's (component 01)
     * voltage and switch-time tests (the standard test ids 01 to 0A, 5 mV and 4 ms per bit) and a catalyst
     * test under manufacturer test id 81 (bit 7 of the component id: the limit is a minimum).
     */
    private static SimEcu legacyTests(SimEcu engine) {
        engine.legacyTests.add(new SimEcu.LegacyTestRecord(0x01, 0x01, 90, 90));
        engine.legacyTests.add(new SimEcu.LegacyTestRecord(0x05, 0x01, 30, 50));
        engine.legacyTests.add(new SimEcu.LegacyTestRecord(0x06, 0x01, 28, 50));
        engine.legacyTests.add(new SimEcu.LegacyTestRecord(0x07, 0x01, 20, 30));
        engine.legacyTests.add(new SimEcu.LegacyTestRecord(0x08, 0x81, 160, 150));
        engine.legacyTests.add(new SimEcu.LegacyTestRecord(0x07, 0x02, 24, 40));
        engine.legacyTests.add(new SimEcu.LegacyTestRecord(0x81, 0x81, 0x0260, 0x0180));
        return engine;
    }

    /** Replaces the engine's legacy result with the same test and component ids. */
    private static void legacyResult(VirtualVehicle v, SimEcu.LegacyTestRecord result) {
        synchronized (v) {
            v.ecu(SimEcu.Role.ENGINE).legacyTests.replaceAll(t -> t.tid() == result.tid() && t.cid() == result.cid()
                    ? result : t);
        }
    }

    private static SimEcu gearbox(String requestId, String responseId) {
        SimEcu e = new SimEcu(SimEcu.Role.TRANSMISSION, requestId, responseId, 0x18, "TCM-TransmissionCtl",
                "NOVAEVO-TCM-0027", "0BADF00D", GEARBOX_PIDS);
        e.dataIdentifiers.put(0xF187, "3100 987 654");
        e.dataIdentifiers.put(0xF189, "TCM 1.8");
        return e;
    }

    private static void monitorsIncomplete(VirtualVehicle v, int bits) {
        synchronized (v) {
            v.ecu(SimEcu.Role.ENGINE).incompleteMonitors = bits & SPARK_MONITORS;
        }
    }

    /** Catalyst bank 1 oxygen storage ratio (unit 0x20, 1/256): above 0xB3 fails. */
    private static void catalystResult(VirtualVehicle v, int value) {
        synchronized (v) {
            SimEcu engine = v.ecu(SimEcu.Role.ENGINE);
            engine.monitors.replaceAll(m -> m.mid() == 0x21 ? new SimEcu.MonitorRecord(0x21, 0x80, 0x20, value,
                    0x0000, 0x00B3) : m);
        }
    }

    private static DiagnosticTroubleCode code(String text) {
        return DiagnosticTroubleCode.parse(text);
    }
}
