package fr.novaevo.workstation.obd.sim;

import fr.novaevo.workstation.obd.frames.IsoTp;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.transport.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A virtual ELM327 (v1.5 as clones claim, with the v1.4 command set they really have) in front of a
 * {@link VirtualVehicle}: the AT commands the workstation and common tools use, protocol search, CAN frames
 * with 11- or 29-bit ids, with or without headers and spaces, ISO-TP multi-frame answers, K-line messages with
 * their checksum and J1850 messages with their CRC, the response-count suffix, and the repeat-on-empty-line
 * behaviour of the real chip. Answers are delayed like a
 * real car's and can be damaged on demand through a {@link FaultInjector}.
 *
 * <p>Runs on one thread at a time (the transport's device thread or a {@link SerialDeviceServer}).
 */
public final class Elm327Emulator implements SimulatedDevice {

    /** What {@code ATZ} and {@code ATI} answer. */
    public static final String IDENTITY = "ELM327 v1.5";
    private static final int MAX_LINE = 128;
    private static final int KEPT_COMMANDS = 1000;
    private static final byte[] GARBAGE = {(byte) 0xFF, 0x7E, 0x23, (byte) 0xA5, 0x3F, (byte) 0x80};

    private final VirtualVehicle vehicle;
    private final SimulatorSettings settings;
    private final FaultInjector faults;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Deque<String> commands = new ArrayDeque<>();
    private volatile DeviceOutput output;
    private boolean echo;
    private boolean linefeeds;
    private boolean spaces;
    private boolean headers;
    private char protocolNumber;
    private boolean established;
    private String header;
    private String lastCommand = "";

    public Elm327Emulator(VirtualVehicle vehicle, SimulatorSettings settings, FaultInjector faults) {
        this.vehicle = vehicle;
        this.settings = settings;
        this.faults = faults;
        reset();
        protocolNumber = '0';
    }

    public VirtualVehicle vehicle() {
        return vehicle;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** The last command lines received (empty lines included, as ""), oldest first. */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** Pulls the adapter out now: the host's next read or write fails. */
    public void unplugNow() {
        faults.unplug();
        DeviceOutput out = output;
        if (out != null) {
            out.unplug();
        }
    }

    @Override
    public void receive(byte[] data, DeviceOutput out) {
        output = out;
        if (faults.isUnplugged()) {
            out.unplug();
            return;
        }
        if (faults.isMuted()) {
            return;
        }
        for (byte b : data) {
            if (b == '\r') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                process(text, out);
            } else if (b != '\n' && b != 0) {
                if (line.size() < MAX_LINE) {
                    line.write(b);
                }
            }
        }
    }

    private void process(String raw, DeviceOutput out) {
        String cmd = raw.replace(" ", "").toUpperCase(Locale.ROOT);
        synchronized (commands) {
            if (commands.size() == KEPT_COMMANDS) {
                commands.removeFirst();
            }
            commands.addLast(cmd);
        }
        if (cmd.isEmpty()) {
            // The real chip repeats its last command on a bare carriage return.
            cmd = lastCommand;
        } else {
            lastCommand = cmd;
        }
        StringBuilder text = new StringBuilder();
        if (echo) {
            text.append(raw).append('\r');
        }
        List<String> lines = cmd.isEmpty() ? List.of() : execute(cmd);
        if (faults.isUnplugged()) {
            out.unplug();
            return;
        }
        String eol = linefeeds ? "\r\n" : "\r";
        if (faults.takeGarbage()) {
            text.append(new String(GARBAGE, StandardCharsets.ISO_8859_1)).append(eol);
        }
        for (String l : lines) {
            text.append(l).append(eol);
        }
        text.append(eol);
        out.send(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!faults.takeLostPrompt()) {
            out.send(new byte[] {'>'});
        }
    }

    private List<String> execute(String cmd) {
        if (cmd.startsWith("AT")) {
            return at(cmd.substring(2));
        }
        if (cmd.startsWith("ST") || !cmd.matches("[0-9A-F]+")) {
            return List.of("?");
        }
        return request(cmd);
    }

    private void reset() {
        echo = true;
        linefeeds = false;
        spaces = true;
        headers = false;
        header = null;
        established = false;
    }

    private List<String> at(String c) {
        switch (c) {
            case "Z" -> {
                reset();
                protocolNumber = '0';
                sleep(settings.resetDelay());
                return List.of(IDENTITY);
            }
            case "WS" -> {
                reset();
                return List.of(IDENTITY);
            }
            case "D" -> {
                reset();
                return ok();
            }
            case "I" -> {
                return List.of(IDENTITY);
            }
            case "@1" -> {
                return List.of("NovaEvo Virtual Vehicle");
            }
            case "E0", "E1" -> {
                echo = c.endsWith("1");
                return ok();
            }
            case "L0", "L1" -> {
                linefeeds = c.endsWith("1");
                return ok();
            }
            case "S0", "S1" -> {
                spaces = c.endsWith("1");
                return ok();
            }
            case "H0", "H1" -> {
                headers = c.endsWith("1");
                return ok();
            }
            case "RV" -> {
                return List.of(String.format(Locale.ROOT, "%.1fV", vehicle.batteryVolts()));
            }
            case "DP" -> {
                ObdProtocol p = current();
                return List.of(protocolNumber == '0' ? (established ? "AUTO, " + p.description() : "AUTO")
                        : p.description());
            }
            case "DPN" -> {
                if (protocolNumber == '0') {
                    return List.of(established ? "A" + vehicle.protocol().number() : "0");
                }
                return List.of(String.valueOf(protocolNumber));
            }
            case "IGN" -> {
                return List.of(vehicle.ignitionOn() ? "ON" : "OFF");
            }
            case "AT0", "AT1", "AT2", "M0", "M1", "CAF0", "CAF1", "CFC0", "CFC1", "PC", "V0", "V1", "R0", "R1",
                    "AL", "NL" -> {
                return ok();
            }
            default -> {
                return parameterised(c);
            }
        }
    }

    private List<String> parameterised(String c) {
        if ((c.startsWith("SP") || c.startsWith("TP")) && c.length() >= 3) {
            String arg = c.substring(2);
            if (arg.startsWith("A") && arg.length() == 2) {
                arg = "0";
            }
            if (arg.length() == 1 && "0123456789ABC".indexOf(arg.charAt(0)) >= 0) {
                protocolNumber = arg.charAt(0);
                established = false;
                return ok();
            }
            return List.of("?");
        }
        if (c.startsWith("SH") && c.substring(2).matches("[0-9A-F]{3}|[0-9A-F]{6}|[0-9A-F]{8}")) {
            header = c.substring(2);
            return ok();
        }
        if (c.startsWith("ST") && c.substring(2).matches("[0-9A-F]{2}")) {
            return ok();
        }
        return List.of("?");
    }

    private static List<String> ok() {
        return List.of("OK");
    }

    /** The protocol the adapter uses: the one set, else the vehicle's once found. */
    private ObdProtocol current() {
        if (protocolNumber == '0') {
            return vehicle.protocol();
        }
        return ObdProtocol.fromDpn(String.valueOf(protocolNumber)).orElse(vehicle.protocol());
    }

    private List<String> request(String cmd) {
        int count = 0;
        String hex = cmd;
        if (hex.length() % 2 == 1) {
            count = Character.digit(hex.charAt(hex.length() - 1), 16);
            hex = hex.substring(0, hex.length() - 1);
        }
        if (hex.isEmpty() || hex.length() > 14 && !hex.startsWith("22")) {
            return List.of("?");
        }
        byte[] request = HexFormat.of().parseHex(hex);
        if (faults.takeNoData()) {
            return List.of("NO DATA");
        }
        List<String> lines = new ArrayList<>();
        ObdProtocol wanted = current();
        if (wanted != vehicle.protocol()) {
            sleep(settings.ecuLatency());
            return List.of(wanted.isCan() ? "CAN ERROR" : wanted.family() == ObdProtocol.Family.LEGACY
                    && wanted.number() >= '3' ? "BUS INIT: ...ERROR" : "NO DATA");
        }
        boolean searching = protocolNumber == '0' && !established;
        if (searching) {
            lines.add("SEARCHING...");
        }
        if (!vehicle.ignitionOn()) {
            sleep(settings.ecuLatency());
            lines.add(searching ? "UNABLE TO CONNECT" : "NO DATA");
            return lines;
        }
        if (searching && needsBusInit(vehicle.protocol())) {
            lines.add("BUS INIT: ...OK");
        }
        established = true;
        sleep(settings.ecuLatency());
        List<VirtualVehicle.Answer> answers = vehicle.request(addressed(), request);
        if (answers.isEmpty()) {
            lines.add("NO DATA");
            return lines;
        }
        int shown = 0;
        for (VirtualVehicle.Answer a : answers) {
            if (count > 0 && shown >= count) {
                break;
            }
            for (byte[] message : a.messages()) {
                lines.addAll(vehicle.protocol().isCan() ? canLines(a.ecu(), message) : klineLine(a.ecu(), message));
            }
            shown++;
        }
        if (count == 0 || shown < count) {
            // Without the suffix the chip cannot know that no other ECU will answer: it waits.
            sleep(settings.answerWindow());
        }
        return lines;
    }

    /** ISO 9141-2 and ISO 14230-4 wake the bus up first (5-baud or fast init); J1850 and CAN do not. */
    private static boolean needsBusInit(ObdProtocol p) {
        return p == ObdProtocol.ISO_9141_2 || p == ObdProtocol.ISO_14230_4_KWP_5BAUD
                || p == ObdProtocol.ISO_14230_4_KWP_FAST;
    }

    /**
     * Which ECUs the header set by {@code ATSH} reaches. On 11-bit CAN: 7DF every ECU, else the one listening
     * to that id. On 29-bit CAN the chip completes a 3-byte header with the default priority 18: 18DB33F1 is
     * every ECU, 18DA10F1 the engine; an 11-bit header there reaches nobody, as on a real car.
     */
    private Predicate<SimEcu> addressed() {
        ObdProtocol p = vehicle.protocol();
        if (!p.isCan() || header == null) {
            return e -> true;
        }
        String id;
        if (p.family() == ObdProtocol.Family.CAN_29) {
            id = header.length() == 6 ? "18" + header : header.length() == 8 ? header : "";
            if (id.equals("18DB33F1")) {
                return e -> true;
            }
        } else {
            id = String.format("%03X", Integer.parseInt(header.substring(header.length() - 3), 16) & 0x7FF);
            if (id.equals("7DF")) {
                return e -> true;
            }
        }
        return e -> e.requestId().equals(id);
    }

    private List<String> canLines(SimEcu ecu, byte[] payload) {
        List<byte[]> frames = IsoTp.segment(payload, (byte) 0x00);
        List<String> out = new ArrayList<>();
        if (headers) {
            // A 29-bit id shows as four bytes ("18 DA F1 10"), an 11-bit one as three digits ("7E8").
            String id = ecu.responseId().length() == 8 ? hex(HexFormat.of().parseHex(ecu.responseId()), 0, 4)
                    : ecu.responseId();
            for (byte[] f : frames) {
                out.add(id + sep() + hex(f, 0, f.length));
            }
            return out;
        }
        if (frames.size() == 1) {
            out.add(hex(payload, 0, payload.length));
            return out;
        }
        out.add(String.format("%03X", payload.length));
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            int from = i == 0 ? 2 : 1;
            out.add(Integer.toHexString(i & 0x0F).toUpperCase(Locale.ROOT) + ":" + sep() + hex(f, from, f.length));
        }
        return out;
    }

    private List<String> klineLine(SimEcu ecu, byte[] data) {
        if (!headers) {
            return List.of(hex(data, 0, data.length));
        }
        byte[] msg = new byte[data.length + 4];
        ObdProtocol p = vehicle.protocol();
        switch (p) {
            case J1850_PWM -> {
                msg[0] = 0x41;
                msg[1] = 0x6B;
            }
            case J1850_VPW, ISO_9141_2 -> {
                msg[0] = 0x48;
                msg[1] = 0x6B;
            }
            default -> {
                msg[0] = (byte) (0x80 | data.length);
                msg[1] = (byte) 0xF1;
            }
        }
        msg[2] = (byte) ecu.klineAddress();
        System.arraycopy(data, 0, msg, 3, data.length);
        boolean j1850 = p == ObdProtocol.J1850_PWM || p == ObdProtocol.J1850_VPW;
        msg[msg.length - 1] = (byte) (j1850 ? j1850Crc(msg, msg.length - 1) : sum(msg, msg.length - 1));
        return List.of(hex(msg, 0, msg.length));
    }

    /** ISO 9141-2 / ISO 14230-4 checksum: the sum of the bytes, modulo 256. */
    private static int sum(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    /** SAE J1850 CRC-8: polynomial x^8+x^4+x^3+x^2+1 (0x1D), initial value FF, result inverted. */
    static int j1850Crc(byte[] bytes, int length) {
        int crc = 0xFF;
        for (int i = 0; i < length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x1D) & 0xFF : crc << 1 & 0xFF;
            }
        }
        return ~crc & 0xFF;
    }

    private String sep() {
        return spaces ? " " : "";
    }

    private String hex(byte[] bytes, int from, int to) {
        HexFormat f = spaces ? HexFormat.ofDelimiter(" ").withUpperCase() : HexFormat.of().withUpperCase();
        return f.formatHex(bytes, from, to);
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
