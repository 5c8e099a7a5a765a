package fr.novaevo.workstation.obd.frames;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One complete message from one ECU: an ISO-TP payload reassembled from CAN frames, or one K-line/J1850
 * message. {@code payload[0]} is the service byte (0x41 for a mode 01 answer, 0x7F for a negative answer).
 *
 * @param ecu the sender's address ("7E8"), or "" when headers were off
 */
public record EcuMessage(String ecu, byte[] payload) {

    public EcuMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int length() {
        return payload.length;
    }

    public int at(int index) {
        return payload[index] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcuMessage m && m.ecu.equals(ecu) && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return ecu.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return (ecu.isEmpty() ? "?" : ecu) + ": " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(payload);
    }
}
