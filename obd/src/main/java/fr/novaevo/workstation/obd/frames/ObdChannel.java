package fr.novaevo.workstation.obd.frames;

import java.util.List;

/**
 * What the services need of an adapter: send a request, get complete messages per ECU. Implemented by the
 * ELM327 driver; a future driver (J2534, a native CAN interface) implements it too.
 */
public interface ObdChannel {

    /**
     * @param requestHex    e.g. "010C", "0902", "22F190"
     * @param responseCount frames to wait for before returning, or 0 to wait for every ECU
     * @throws fr.novaevo.workstation.obd.ObdException with a typed reason ({@code OBD-NO-DATA}...)
     */
    List<EcuMessage> query(String requestHex, int responseCount);

    /** The protocol the vehicle answered on. */
    ObdProtocol protocol();

    /** Addresses the next requests: "7DF" for every ECU, "7E0" for the engine. */
    void setHeader(String hexHeader);
}
