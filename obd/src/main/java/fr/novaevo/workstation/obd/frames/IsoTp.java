package fr.novaevo.workstation.obd.frames;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ISO 15765-2 transport on classic CAN (8-byte frames): reassembly of the frames several ECUs send, and
 * segmentation of a request into a first frame and consecutive frames. Pure functions.
 */
public final class IsoTp {

    public static final int MAX_PAYLOAD = 4095;

    private IsoTp() {
    }

    /**
     * Reassembles frames (data fields with their PCI byte) into one message per completed transfer,
     * keeping the order in which the messages completed. Flow-control frames are skipped.
     *
     * @throws ObdException {@code OBD-MALFORMED-RESPONSE} on a bad PCI, a sequence gap or a missing frame
     */
    public static List<EcuMessage> reassemble(List<Frame> frames) {
        Map<String, Transfer> open = new LinkedHashMap<>();
        List<EcuMessage> done = new ArrayList<>();
        for (Frame f : frames) {
            if (f.length() == 0) {
                throw malformed("empty CAN frame from " + f.source());
            }
            int pci = f.at(0);
            switch (pci >> 4) {
                case 0 -> {
                    int len = pci & 0x0F;
                    if (len == 0 || len > f.length() - 1) {
                        throw malformed("single frame length " + len + " in " + f);
                    }
                    done.add(new EcuMessage(f.source(), Arrays.copyOfRange(f.data(), 1, 1 + len)));
                }
                case 1 -> {
                    if (f.length() < 3) {
                        throw malformed("short first frame " + f);
                    }
                    int len = ((pci & 0x0F) << 8) | f.at(1);
                    if (len < 7) {
                        throw malformed("first frame announces only " + len + " bytes in " + f);
                    }
                    Transfer t = new Transfer(len);
                    t.append(f.data(), 2);
                    open.put(f.source(), t);
                }
                case 2 -> {
                    Transfer t = open.get(f.source());
                    if (t == null) {
                        throw malformed("consecutive frame without a first frame: " + f);
                    }
                    if ((pci & 0x0F) != t.nextSequence) {
                        throw malformed("sequence " + (pci & 0x0F) + " where " + t.nextSequence
                                + " was expected from " + f.source());
                    }
                    t.nextSequence = (t.nextSequence + 1) & 0x0F;
                    t.append(f.data(), 1);
                    if (t.complete()) {
                        done.add(new EcuMessage(f.source(), t.bytes()));
                        open.remove(f.source());
                    }
                }
                case 3 -> {
                    // Flow control: the adapter's or a gateway's, not a payload.
                }
                default -> throw malformed("unknown PCI " + Integer.toHexString(pci) + " in " + f);
            }
        }
        if (!open.isEmpty()) {
            throw malformed("incomplete multi-frame answer from " + String.join(", ", open.keySet()));
        }
        return done;
    }

    /**
     * Cuts a payload into the frames a tester sends: one single frame up to 7 bytes, else a first frame then
     * consecutive frames with sequence numbers 1..F,0,1... Frames are padded to 8 bytes with {@code padding}.
     */
    public static List<byte[]> segment(byte[] payload, byte padding) {
        if (payload.length == 0 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("ISO-TP payload of " + payload.length + " bytes");
        }
        List<byte[]> frames = new ArrayList<>();
        if (payload.length <= 7) {
            byte[] f = padded(padding);
            f[0] = (byte) payload.length;
            System.arraycopy(payload, 0, f, 1, payload.length);
            frames.add(f);
            return frames;
        }
        byte[] first = padded(padding);
        first[0] = (byte) (0x10 | (payload.length >> 8));
        first[1] = (byte) payload.length;
        System.arraycopy(payload, 0, first, 2, 6);
        frames.add(first);
        int offset = 6;
        int seq = 1;
        while (offset < payload.length) {
            byte[] f = padded(padding);
            f[0] = (byte) (0x20 | seq);
            int n = Math.min(7, payload.length - offset);
            System.arraycopy(payload, offset, f, 1, n);
            frames.add(f);
            offset += n;
            seq = (seq + 1) & 0x0F;
        }
        return frames;
    }

    private static byte[] padded(byte padding) {
        byte[] f = new byte[8];
        Arrays.fill(f, padding);
        return f;
    }

    private static ObdException malformed(String why) {
        return new ObdException(ObdErrorCode.MALFORMED_RESPONSE, "ISO-TP: " + why);
    }

    private static final class Transfer {
        final int length;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        int nextSequence = 1;

        Transfer(int length) {
            this.length = length;
        }

        void append(byte[] frame, int from) {
            int n = Math.min(frame.length - from, length - data.size());
            data.write(frame, from, n);
        }

        boolean complete() {
            return data.size() >= length;
        }

        byte[] bytes() {
            return data.toByteArray();
        }
    }
}
