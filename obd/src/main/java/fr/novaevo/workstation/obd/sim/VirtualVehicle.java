package fr.novaevo.workstation.obd.sim;

import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.service.DiagnosticTroubleCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The car behind the virtual adapter: its ECUs answer SAE J1979 requests (modes 01 to 0A) and UDS
 * ReadDataByIdentifier from their state and from a {@link DriveCycle} that runs from the moment the engine
 * starts. Thread-safe: the adapter thread asks, a test or the demo changes the state meanwhile.
 */
public final class VirtualVehicle {

    private static final byte[] NONE = new byte[0];

    private final Clock clock;
    private final ObdProtocol protocol;
    private final String vin;
    private final List<SimEcu> ecus;
    private final DriveCycle cycle = new DriveCycle();
    private boolean ignitionOn = true;
    private boolean engineRunning = true;
    private Instant engineStart;
    private int clearCount;
    private int warmUpsSinceClear = 12;
    private int distanceSinceClearKm = 2350;
    private int distanceWithMilKm;
    /** The odometer when the engine last started; the drive cycle's distance adds to it while it runs. */
    private double odometerAtStartKm = 87_412.3;

    VirtualVehicle(Clock clock, ObdProtocol protocol, String vin, List<SimEcu> ecus) {
        if (!protocol.isCan() && protocol.family() != ObdProtocol.Family.LEGACY) {
            throw new IllegalArgumentException("protocol " + protocol);
        }
        if (vin.length() != 17) {
            throw new IllegalArgumentException("a VIN has 17 characters: " + vin);
        }
        this.clock = clock;
        this.protocol = protocol;
        this.vin = vin;
        this.ecus = List.copyOf(ecus);
        this.engineStart = clock.instant();
    }

    /** One ECU's answer: one message on CAN (ISO-TP reassembles it), one or several on K-line. */
    public record Answer(SimEcu ecu, List<byte[]> messages) {
    }

    public ObdProtocol protocol() {
        return protocol;
    }

    public String vin() {
        return vin;
    }

    public List<SimEcu> ecus() {
        return ecus;
    }

    public synchronized SimEcu ecu(SimEcu.Role role) {
        return ecus.stream().filter(e -> e.role == role).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + role + " ECU"));
    }

    public synchronized boolean ignitionOn() {
        return ignitionOn;
    }

    /** Ignition off: no ECU answers any more (the adapter still does, on the battery). */
    public synchronized void setIgnition(boolean on) {
        ignitionOn = on;
        if (!on) {
            setEngineRunning(false);
        }
    }

    public synchronized boolean engineRunning() {
        return engineRunning;
    }

    /** Starting the engine restarts the drive cycle at 0 s. */
    public synchronized void setEngineRunning(boolean running) {
        if (running && !engineRunning) {
            engineStart = clock.instant();
            ignitionOn = true;
        } else if (!running && engineRunning) {
            odometerAtStartKm = odometerKm();
        }
        engineRunning = running;
    }

    /** The odometer now (PID A6): what it showed at the last engine start plus the distance driven since. */
    public synchronized double odometerKm() {
        return engineRunning ? odometerAt(snapshot()) : odometerAtStartKm;
    }

    /** Sets the odometer as it reads now. */
    public synchronized void setOdometerKm(double km) {
        if (!(km >= 0 && km < 429_496_729)) {
            throw new IllegalArgumentException("odometer " + km);
        }
        odometerAtStartKm = engineRunning ? km - odometerAt(snapshot()) + odometerAtStartKm : km;
    }

    private double odometerAt(DriveCycle.Snapshot s) {
        return odometerAtStartKm + cycle.distanceKm(Duration.ofNanos((long) (s.seconds() * 1e9)));
    }

    /** How many times a clear-codes request (mode 04) reached the vehicle. */
    public synchronized int clearCount() {
        return clearCount;
    }

    /** Adds a confirmed code (and a freeze frame for the first one, taken now), as an ECU does. */
    public synchronized void storeCode(SimEcu.Role role, DiagnosticTroubleCode code) {
        SimEcu e = ecu(role);
        if (!e.stored.contains(code)) {
            e.stored.add(code);
        }
        if (e.freezeFrame == null) {
            e.freezeFrame = new SimEcu.Frozen(code, snapshot());
        }
    }

    public synchronized void pendingCode(SimEcu.Role role, DiagnosticTroubleCode code) {
        SimEcu e = ecu(role);
        if (!e.pending.contains(code)) {
            e.pending.add(code);
        }
    }

    public synchronized void permanentCode(SimEcu.Role role, DiagnosticTroubleCode code) {
        SimEcu e = ecu(role);
        if (!e.permanent.contains(code)) {
            e.permanent.add(code);
        }
    }

    public synchronized List<DiagnosticTroubleCode> storedCodes(SimEcu.Role role) {
        return List.copyOf(ecu(role).stored);
    }

    public synchronized List<DiagnosticTroubleCode> permanentCodes(SimEcu.Role role) {
        return List.copyOf(ecu(role).permanent);
    }

    /** The car's state now: the drive cycle while the engine runs, a cold stopped engine otherwise. */
    public synchronized DriveCycle.Snapshot snapshot() {
        if (!engineRunning) {
            return new DriveCycle.Snapshot(0, 0, 0, 0, 0, 0, 20, 20, 0, 101, 0, 0, 2.3, 0.45, 62, 12.4, false);
        }
        return cycle.at(Duration.between(engineStart, clock.instant()));
    }

    /** The supply voltage the adapter reads at the socket. */
    public synchronized double batteryVolts() {
        return engineRunning ? snapshot().moduleVolts() : 12.4;
    }

    /**
     * Delivers one request to the ECUs that {@code addressed} selects and collects their answers. Units that
     * stay silent (unsupported PID, ignition off) are absent from the list.
     */
    public synchronized List<Answer> request(Predicate<SimEcu> addressed, byte[] request) {
        List<Answer> out = new ArrayList<>();
        if (!ignitionOn || request.length == 0) {
            return out;
        }
        DriveCycle.Snapshot now = snapshot();
        for (SimEcu e : ecus) {
            if (!addressed.test(e)) {
                continue;
            }
            List<byte[]> messages = answer(e, request, now);
            if (!messages.isEmpty()) {
                out.add(new Answer(e, messages));
            }
        }
        if ((request[0] & 0xFF) == 0x04 && !out.isEmpty()) {
            clearCount++;
        }
        return out;
    }

    private List<byte[]> answer(SimEcu e, byte[] r, DriveCycle.Snapshot now) {
        int service = r[0] & 0xFF;
        boolean can = protocol.isCan();
        return switch (service) {
            case 0x01 -> one(mode01(e, r, now));
            case 0x02 -> one(mode02(e, r));
            case 0x03 -> codes(0x43, e.stored, can);
            case 0x04 -> one(clear(e));
            case 0x06 -> can ? one(mode06(e, r)) : legacyMode06(e, r);
            case 0x07 -> codes(0x47, e.pending, can);
            case 0x09 -> mode09(e, r, can);
            case 0x0A -> can ? codes(0x4A, e.permanent, true) : List.of();
            case 0x22 -> can ? one(readDataByIdentifier(e, r)) : List.of();
            default -> can ? one(new byte[] {0x7F, (byte) service, 0x11}) : List.of();
        };
    }

    private static List<byte[]> one(byte[] message) {
        return message.length == 0 ? List.of() : List.of(message);
    }

    // Mode 01.

    private byte[] mode01(SimEcu e, byte[] r, DriveCycle.Snapshot now) {
        if (r.length < 2 || r.length > 7 || (!protocol.isCan() && r.length > 2)) {
            return NONE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x41);
        for (int i = 1; i < r.length; i++) {
            int pid = r[i] & 0xFF;
            int[] data = pid % 0x20 == 0 ? bitmap(e.pids, pid) : e.pids.contains(pid) ? pidData(e, pid, now) : null;
            if (data != null) {
                out.write(pid);
                for (int d : data) {
                    out.write(d);
                }
            }
        }
        return out.size() > 1 ? out.toByteArray() : NONE;
    }

    /** The support bitmap of the block starting at {@code base}; null when the unit has nothing from there. */
    static int[] bitmap(Set<Integer> supported, int base) {
        if (base > 0 && supported.stream().noneMatch(p -> p > base)) {
            return null;
        }
        long bits = 0;
        for (int p : supported) {
            if (p > base && p <= base + 0x20) {
                bits |= 1L << (31 - (p - base - 1));
            }
        }
        if (supported.stream().anyMatch(p -> p > base + 0x20)) {
            bits |= 1;
        }
        return new int[] {(int) (bits >> 24) & 0xFF, (int) (bits >> 16) & 0xFF, (int) (bits >> 8) & 0xFF,
            (int) bits & 0xFF};
    }

    private int[] pidData(SimEcu e, int pid, DriveCycle.Snapshot s) {
        return switch (pid) {
            case 0x01 -> new int[] {(e.stored.isEmpty() ? 0 : 0x80) | Math.min(0x7F, e.stored.size()),
                e.role == SimEcu.Role.ENGINE ? 0x07 : 0x04, e.supportedMonitors, e.incompleteMonitors};
            case 0x03 -> new int[] {s.closedLoop() ? 0x02 : 0x01, 0x00};
            case 0x04 -> new int[] {byteOf(s.loadPercent() * 255 / 100)};
            case 0x05 -> new int[] {byteOf(s.coolantC() + 40)};
            case 0x06 -> new int[] {byteOf((s.shortTrimPercent() + 100) * 128 / 100)};
            case 0x07 -> new int[] {byteOf((s.longTrimPercent() + 100) * 128 / 100)};
            case 0x0B -> new int[] {byteOf(s.mapKpa())};
            case 0x0C -> word(s.rpm() * 4);
            case 0x0D -> new int[] {byteOf(s.speedKmh())};
            case 0x0E -> new int[] {byteOf((s.timingDeg() + 64) * 2)};
            case 0x0F -> new int[] {byteOf(s.intakeC() + 40)};
            case 0x10 -> word(s.mafGs() * 100);
            case 0x11 -> new int[] {byteOf(s.throttlePercent() * 255 / 100)};
            case 0x13 -> new int[] {0x03};
            case 0x14 -> new int[] {byteOf(s.o2Volts() * 200), byteOf((s.shortTrimPercent() + 100) * 1.28)};
            case 0x15 -> new int[] {byteOf(0.7 * 200), 0xFF};
            case 0x1C -> new int[] {0x06};
            case 0x1F -> word(s.seconds());
            case 0x21 -> word(e.stored.isEmpty() ? 0 : distanceWithMilKm);
            case 0x2F -> new int[] {byteOf(s.fuelLevelPercent() * 255 / 100)};
            case 0x30 -> new int[] {Math.min(255, warmUpsSinceClear)};
            case 0x31 -> word(distanceSinceClearKm);
            case 0x33 -> new int[] {101};
            case 0x42 -> word(s.moduleVolts() * 1000);
            case 0x46 -> new int[] {18 + 40};
            case 0x49 -> new int[] {byteOf(Math.max(0, s.throttlePercent() - 12) * 255 / 100 + 36)};
            case 0x5C -> new int[] {byteOf(s.coolantC() + 3 + 40)};
            case 0xA6 -> {
                long tenths = Math.round(odometerAt(s) * 10);
                yield new int[] {(int) (tenths >> 24) & 0xFF, (int) (tenths >> 16) & 0xFF, (int) (tenths >> 8) & 0xFF,
                    (int) tenths & 0xFF};
            }
            default -> null;
        };
    }

    private static int byteOf(double v) {
        return (int) Math.clamp(Math.round(v), 0, 255);
    }

    private static int[] word(double v) {
        int w = (int) Math.clamp(Math.round(v), 0, 65535);
        return new int[] {w >> 8, w & 0xFF};
    }

    // Mode 02: freeze frame 0 only, as most ECUs.

    private byte[] mode02(SimEcu e, byte[] r) {
        if (r.length != 3 || (r[2] & 0xFF) != 0) {
            return NONE;
        }
        int pid = r[1] & 0xFF;
        if (pid == 0x02) {
            int[] code = e.freezeFrame == null ? new int[] {0, 0} : e.freezeFrame.trigger().encode();
            return new byte[] {0x42, 0x02, 0x00, (byte) code[0], (byte) code[1]};
        }
        if (e.freezeFrame == null || !e.pids.contains(pid) || pid == 0x01 || pid % 0x20 == 0) {
            return NONE;
        }
        int[] data = pidData(e, pid, e.freezeFrame.state());
        if (data == null) {
            return NONE;
        }
        byte[] out = new byte[3 + data.length];
        out[0] = 0x42;
        out[1] = (byte) pid;
        for (int i = 0; i < data.length; i++) {
            out[3 + i] = (byte) data[i];
        }
        return out;
    }

    // Modes 03, 07, 0A.

    private static List<byte[]> codes(int answer, List<DiagnosticTroubleCode> list, boolean can) {
        if (can) {
            byte[] out = new byte[2 + 2 * list.size()];
            out[0] = (byte) answer;
            out[1] = (byte) list.size();
            for (int i = 0; i < list.size(); i++) {
                int[] c = list.get(i).encode();
                out[2 + 2 * i] = (byte) c[0];
                out[3 + 2 * i] = (byte) c[1];
            }
            return List.of(out);
        }
        // K-line: three codes per message, the last message padded with 0000; an empty list is one zero message.
        List<byte[]> messages = new ArrayList<>();
        int i = 0;
        do {
            byte[] m = new byte[7];
            m[0] = (byte) answer;
            for (int k = 0; k < 3 && i < list.size(); k++, i++) {
                int[] c = list.get(i).encode();
                m[1 + 2 * k] = (byte) c[0];
                m[2 + 2 * k] = (byte) c[1];
            }
            messages.add(m);
        } while (i < list.size());
        return messages;
    }

    private byte[] clear(SimEcu e) {
        e.stored.clear();
        e.pending.clear();
        e.freezeFrame = null;
        e.incompleteMonitors = e.supportedMonitors;
        warmUpsSinceClear = 0;
        distanceSinceClearKm = 0;
        distanceWithMilKm = 0;
        return new byte[] {0x44};
    }

    // Mode 06.

    private static byte[] mode06(SimEcu e, byte[] r) {
        if (r.length != 2 || e.monitors.isEmpty()) {
            return NONE;
        }
        int mid = r[1] & 0xFF;
        if (mid % 0x20 == 0) {
            int[] bits = bitmap(e.monitors.stream().map(SimEcu.MonitorRecord::mid).collect(
                    java.util.stream.Collectors.toSet()), mid);
            return bits == null ? NONE : new byte[] {0x46, (byte) mid, (byte) bits[0], (byte) bits[1], (byte) bits[2],
                (byte) bits[3]};
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x46);
        for (SimEcu.MonitorRecord m : e.monitors) {
            if (m.mid() == mid) {
                out.write(mid);
                out.write(m.tid());
                out.write(m.uas());
                for (int v : new int[] {m.value(), m.min(), m.max()}) {
                    out.write(v >> 8 & 0xFF);
                    out.write(v & 0xFF);
                }
            }
        }
        return out.size() > 1 ? out.toByteArray() : NONE;
    }

    /** Mode 06 on K-line and J1850: TID 00, 20... give the supported test ids, a TID one message per component. */
    private static List<byte[]> legacyMode06(SimEcu e, byte[] r) {
        if (r.length != 2 || e.legacyTests.isEmpty()) {
            return List.of();
        }
        int tid = r[1] & 0xFF;
        if (tid % 0x20 == 0) {
            int[] bits = bitmap(e.legacyTests.stream().map(SimEcu.LegacyTestRecord::tid).collect(
                    java.util.stream.Collectors.toSet()), tid);
            return bits == null ? List.of() : List.of(new byte[] {0x46, (byte) tid, (byte) bits[0], (byte) bits[1],
                (byte) bits[2], (byte) bits[3]});
        }
        List<byte[]> out = new ArrayList<>();
        for (SimEcu.LegacyTestRecord t : e.legacyTests) {
            if (t.tid() == tid) {
                out.add(new byte[] {0x46, (byte) tid, (byte) t.cid(), (byte) (t.value() >> 8), (byte) t.value(),
                    (byte) (t.limit() >> 8), (byte) t.limit()});
            }
        }
        return out;
    }

    // Mode 09.

    private List<byte[]> mode09(SimEcu e, byte[] r, boolean can) {
        if (r.length != 2) {
            return List.of();
        }
        int pid = r[1] & 0xFF;
        boolean engine = e.role == SimEcu.Role.ENGINE;
        Set<Integer> supported = new java.util.TreeSet<>(List.of(0x04, 0x06));
        if (engine) {
            supported.add(0x02);
        }
        if (can) {
            supported.add(0x0A);
        }
        if (pid == 0x00) {
            int[] b = bitmap(supported, 0);
            return List.of(new byte[] {0x49, 0x00, (byte) b[0], (byte) b[1], (byte) b[2], (byte) b[3]});
        }
        if (!supported.contains(pid)) {
            return List.of();
        }
        byte[] item = switch (pid) {
            case 0x02 -> vin.getBytes(StandardCharsets.US_ASCII);
            case 0x04 -> padded(e.calibrationId, 16);
            case 0x06 -> HexFormat.of().parseHex(e.cvn);
            default -> padded(e.ecuName, 20);
        };
        if (can) {
            byte[] out = new byte[3 + item.length];
            out[0] = 0x49;
            out[1] = (byte) pid;
            out[2] = 0x01;
            System.arraycopy(item, 0, out, 3, item.length);
            return List.of(out);
        }
        // K-line: numbered messages of 4 data bytes; the 17-byte VIN is preceded by three zero bytes.
        byte[] all = item;
        if (pid == 0x02) {
            all = new byte[20];
            System.arraycopy(item, 0, all, 3, 17);
        }
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < all.length; i += 4) {
            byte[] m = new byte[7];
            m[0] = 0x49;
            m[1] = (byte) pid;
            m[2] = (byte) (i / 4 + 1);
            System.arraycopy(all, i, m, 3, Math.min(4, all.length - i));
            messages.add(m);
        }
        return messages;
    }

    private static byte[] padded(String text, int size) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), size);
    }

    // UDS 0x22.

    private byte[] readDataByIdentifier(SimEcu e, byte[] r) {
        if (r.length != 3) {
            return new byte[] {0x7F, 0x22, 0x13};
        }
        int did = (r[1] & 0xFF) << 8 | (r[2] & 0xFF);
        String value = did == 0xF190 && e.role == SimEcu.Role.ENGINE ? vin : e.dataIdentifiers.get(did);
        if (value == null) {
            return new byte[] {0x7F, 0x22, 0x31};
        }
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[3 + text.length];
        out[0] = 0x62;
        out[1] = r[1];
        out[2] = r[2];
        System.arraycopy(text, 0, out, 3, text.length);
        return out;
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "VirtualVehicle[%s, %s, %d ECUs, ignition %s]", vin, protocol, ecus.size(),
                ignitionOn ? "on" : "off");
    }
}
