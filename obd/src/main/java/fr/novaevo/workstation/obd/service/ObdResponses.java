package fr.novaevo.workstation.obd.service;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import java.util.ArrayList;
import java.util.List;

/** Checks shared by the services: positive answer to the right service, negative answers typed. */
final class ObdResponses {

    private ObdResponses() {
    }

    /**
     * Keeps the positive answers to {@code service} (0x40 + service); a 7F answer from every ECU becomes a
     * typed {@code OBD-NEGATIVE-RESPONSE}; "response pending" (NRC 78) answers are dropped.
     */
    static List<EcuMessage> positive(List<EcuMessage> messages, int service) {
        List<EcuMessage> out = new ArrayList<>();
        EcuMessage negative = null;
        for (EcuMessage m : messages) {
            if (m.length() >= 1 && m.at(0) == service + 0x40) {
                out.add(m);
            } else if (m.length() >= 3 && m.at(0) == 0x7F && m.at(1) == service) {
                if (m.at(2) != 0x78) {
                    negative = m;
                }
            }
        }
        if (out.isEmpty()) {
            if (negative != null) {
                int nrc = negative.at(2);
                throw new ObdException(ObdErrorCode.NEGATIVE_RESPONSE, String.format(
                        "ECU %s refused service %02X: %s (NRC %02X)", negative.ecu(), service, nrcText(nrc), nrc),
                        negative.ecu(), nrc);
            }
            throw new ObdException(ObdErrorCode.MALFORMED_RESPONSE,
                    String.format("No answer to service %02X among %s", service, messages));
        }
        return out;
    }

    static String nrcText(int nrc) {
        return switch (nrc) {
            case 0x10 -> "general reject";
            case 0x11 -> "service not supported";
            case 0x12 -> "sub-function not supported";
            case 0x13 -> "incorrect message length or format";
            case 0x14 -> "response too long";
            case 0x21 -> "busy, repeat request";
            case 0x22 -> "conditions not correct";
            case 0x24 -> "request sequence error";
            case 0x31 -> "request out of range";
            case 0x33 -> "security access denied";
            case 0x35 -> "invalid key";
            case 0x7E -> "sub-function not supported in active session";
            case 0x7F -> "service not supported in active session";
            default -> "negative response";
        };
    }

    static ObdException malformed(EcuMessage m, String why) {
        return new ObdException(ObdErrorCode.MALFORMED_RESPONSE, "ECU " + m.ecu() + ": " + why + " in " + m);
    }
}
