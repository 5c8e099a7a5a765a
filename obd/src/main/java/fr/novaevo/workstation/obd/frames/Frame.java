package fr.novaevo.workstation.obd.frames;

import java.util.HexFormat;

/**
 * One line of adapter output as bytes: a CAN frame (its data field, PCI included when headers are on) or a
 * K-line/J1850 message (its data bytes, header and checksum removed).
 *
 * @param source the sender's address in hex ("7E8", "18DAF110", "11"), or {@link #UNKNOWN_SOURCE} with headers off
 * @param data   the bytes after the header
 */
public record Frame(String source, byte[] data) {

    public static final String UNKNOWN_SOURCE = "";

    public Frame {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    public int at(int index) {
        return data[index] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.source.equals(source) && java.util.Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return (source.isEmpty() ? "?" : source) + " " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data);
    }
}
