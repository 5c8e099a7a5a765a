package fr.novaevo.workstation.obd.service;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mode 09: VIN, calibration ids, calibration verification numbers, ECU name. On CAN an item comes whole in
 * one ISO-TP message behind a count byte; on K-line and J1850 it comes as numbered 4-byte messages.
 */
public final class VehicleInfoService {

    private static final int VIN = 0x02;
    private static final int CALID = 0x04;
    private static final int CVN = 0x06;
    private static final int ECU_NAME = 0x0A;

    private final ObdChannel channel;

    public VehicleInfoService(ObdChannel channel) {
        this.channel = channel;
    }

    /** The VIN as the first ECU that knows it reports it; empty if no ECU supports PID 02. */
    public Optional<String> vin() {
        for (List<byte[]> items : items(VIN, 17).values()) {
            for (byte[] item : items) {
                String text = ascii(item);
                if (!text.isEmpty()) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    /** Calibration ids (software identification) per ECU. */
    public Map<String, List<String>> calibrationIds() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        items(CALID, 16).forEach((ecu, items) -> out.put(ecu, items.stream().map(VehicleInfoService::ascii).toList()));
        return out;
    }

    /** Calibration verification numbers (checksums of the software) per ECU, in hex. */
    public Map<String, List<String>> calibrationVerificationNumbers() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        items(CVN, 4).forEach((ecu, items) -> out.put(ecu,
                items.stream().map(b -> HexFormat.of().withUpperCase().formatHex(b)).toList()));
        return out;
    }

    /** ECU names ("ECM-EngineControl") per ECU. */
    public Map<String, String> ecuNames() {
        Map<String, String> out = new LinkedHashMap<>();
        items(ECU_NAME, 20).forEach((ecu, items) -> {
            if (!items.isEmpty()) {
                out.put(ecu, ascii(items.getFirst()));
            }
        });
        return out;
    }

    private Map<String, List<byte[]>> items(int pid, int itemSize) {
        List<EcuMessage> answers;
        try {
            answers = ObdResponses.positive(channel.query(String.format("09%02X", pid), 0), 0x09);
        } catch (ObdException e) {
            if (e.reason() == ObdErrorCode.NO_DATA || e.reason() == ObdErrorCode.NEGATIVE_RESPONSE) {
                return Map.of();
            }
            throw e;
        }
        Map<String, ByteArrayOutputStream> data = new LinkedHashMap<>();
        boolean can = channel.protocol().isCan();
        for (EcuMessage m : answers) {
            if (m.length() < 3 || m.at(1) != pid) {
                continue;
            }
            ByteArrayOutputStream buf = data.computeIfAbsent(m.ecu(), k -> new ByteArrayOutputStream());
            byte[] p = m.payload();
            // Some CAN ECUs leave out the count byte: a 17-byte VIN right after "49 02".
            int skip = can && p.length - 2 == itemSize ? 2 : 3;
            buf.write(p, skip, p.length - skip);
        }
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        data.forEach((ecu, buf) -> {
            byte[] all = buf.toByteArray();
            if (pid == VIN && !can && all.length == 20) {
                // Legacy VIN: five 4-byte messages, the first padded with three zero bytes.
                all = java.util.Arrays.copyOfRange(all, 3, 20);
            }
            List<byte[]> items = new ArrayList<>();
            for (int i = 0; i + itemSize <= all.length; i += itemSize) {
                items.add(java.util.Arrays.copyOfRange(all, i, i + itemSize));
            }
            out.put(ecu, items);
        });
        return out;
    }

    /** Printable ASCII only, padding (NUL, spaces, 0xFF) trimmed. */
    static String ascii(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            }
        }
        return sb.toString().strip();
    }
}
