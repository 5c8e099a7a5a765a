package fr.novaevo.workstation.obd.frames;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the clean lines of an answer into complete messages per ECU, for every output format of the ELM327:
 * CAN with headers (11-bit {@code 7E8 06 41 ...}, 29-bit {@code 18 DA F1 10 06 41 ...}), CAN without headers
 * (single lines, or the {@code 014 / 0: / 1:} multi-frame layout), K-line and J1850 with headers
 * ({@code 48 6B 11 41 00 ... CS}) or without, and all of these with or without spaces (ATS0).
 */
public final class ResponseDecoder {

    private static final Pattern SEGMENT = Pattern.compile("([0-9A-F]):\\s*(.*)");
    private static final Pattern LENGTH_LINE = Pattern.compile("[0-9A-F]{3}");
    private static final HexFormat HEX = HexFormat.of();

    public List<EcuMessage> decode(List<String> lines, FrameFormat format) {
        List<String> upper = lines.stream().map(l -> l.strip().toUpperCase(Locale.ROOT)).toList();
        if (!format.headers()) {
            return format.family() == ObdProtocol.Family.LEGACY ? plainLines(upper) : canWithoutHeaders(upper);
        }
        List<Frame> frames = new ArrayList<>();
        ObdProtocol.Family family = format.family();
        for (String line : upper) {
            String compact = line.replace(" ", "");
            ObdProtocol.Family f = family == ObdProtocol.Family.UNKNOWN ? guessFamily(compact) : family;
            frames.add(switch (f) {
                case CAN_11 -> canFrame(compact, 3, line);
                case CAN_29 -> canFrame(compact, 8, line);
                default -> legacyFrame(compact, line);
            });
        }
        boolean can = frames.stream().allMatch(fr -> fr.source().length() == 3 || fr.source().length() == 8);
        if (can) {
            return IsoTp.reassemble(frames);
        }
        return frames.stream().map(fr -> new EcuMessage(fr.source(), fr.data())).toList();
    }

    /** Before the protocol is known: an odd number of digits means an 11-bit id, 18DA/18DB a 29-bit one. */
    private static ObdProtocol.Family guessFamily(String compact) {
        if (compact.length() % 2 == 1) {
            return ObdProtocol.Family.CAN_11;
        }
        if (compact.length() >= 10 && (compact.startsWith("18DA") || compact.startsWith("18DB"))) {
            return ObdProtocol.Family.CAN_29;
        }
        return ObdProtocol.Family.LEGACY;
    }

    private static Frame canFrame(String compact, int idDigits, String line) {
        if (compact.length() < idDigits + 2 || (compact.length() - idDigits) % 2 != 0) {
            throw malformed("not a CAN frame with a " + (idDigits == 3 ? "11" : "29") + "-bit id: " + line);
        }
        String id = compact.substring(0, idDigits);
        requireHex(id, line);
        byte[] data = hex(compact.substring(idDigits), line);
        if (data.length > 8) {
            throw malformed("CAN frame longer than 8 bytes: " + line);
        }
        return new Frame(id, data);
    }

    /** Three header bytes (priority/format, target, source), the data, then one checksum or CRC byte. */
    private static Frame legacyFrame(String compact, String line) {
        byte[] all = hex(compact, line);
        if (all.length < 5) {
            throw malformed("too short for a header, data and checksum: " + line);
        }
        String source = String.format("%02X", all[2] & 0xFF);
        byte[] data = new byte[all.length - 4];
        System.arraycopy(all, 3, data, 0, data.length);
        return new Frame(source, data);
    }

    private static List<EcuMessage> plainLines(List<String> lines) {
        List<EcuMessage> out = new ArrayList<>();
        for (String line : lines) {
            out.add(new EcuMessage(Frame.UNKNOWN_SOURCE, hex(line.replace(" ", ""), line)));
        }
        return out;
    }

    /**
     * CAN with headers off: the adapter removed the PCI; a multi-frame answer is a length line in 3 hex digits
     * followed by numbered segments ({@code 0:} 6 bytes, then 7 bytes each).
     */
    private static List<EcuMessage> canWithoutHeaders(List<String> lines) {
        List<EcuMessage> out = new ArrayList<>();
        ByteArrayOutputStream multi = null;
        int expected = 0;
        int nextSegment = 0;
        for (String line : lines) {
            String compact = line.replace(" ", "");
            Matcher seg = SEGMENT.matcher(line);
            if (LENGTH_LINE.matcher(compact).matches() && !line.contains(":")) {
                if (multi != null) {
                    throw malformed("multi-frame answer cut short before " + line);
                }
                expected = Integer.parseInt(compact, 16);
                if (expected == 0) {
                    // An ECU always says something (the service byte): an empty message is no answer.
                    throw malformed("multi-frame answer announcing 0 bytes: " + line);
                }
                multi = new ByteArrayOutputStream();
                nextSegment = 0;
            } else if (seg.matches()) {
                if (multi == null) {
                    throw malformed("segment without a length line: " + line);
                }
                int index = Integer.parseInt(seg.group(1), 16);
                if (index != nextSegment) {
                    throw malformed("segment " + index + " where " + nextSegment + " was expected");
                }
                nextSegment = (nextSegment + 1) & 0x0F;
                byte[] bytes = hex(seg.group(2).replace(" ", ""), line);
                multi.write(bytes, 0, Math.min(bytes.length, expected - multi.size()));
                if (multi.size() >= expected) {
                    out.add(new EcuMessage(Frame.UNKNOWN_SOURCE, multi.toByteArray()));
                    multi = null;
                }
            } else {
                if (multi != null) {
                    throw malformed("multi-frame answer cut short before " + line);
                }
                out.add(new EcuMessage(Frame.UNKNOWN_SOURCE, hex(compact, line)));
            }
        }
        if (multi != null) {
            throw malformed("multi-frame answer has " + multi.size() + " of " + expected + " bytes");
        }
        return out;
    }

    private static byte[] hex(String compact, String line) {
        if (compact.isEmpty() || compact.length() % 2 != 0) {
            throw malformed("odd number of hex digits: " + line);
        }
        requireHex(compact, line);
        return HEX.parseHex(compact);
    }

    private static void requireHex(String s, String line) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                throw malformed("not hexadecimal: " + line);
            }
        }
    }

    private static ObdException malformed(String why) {
        return new ObdException(ObdErrorCode.MALFORMED_RESPONSE, "Adapter answer: " + why);
    }
}
