package fr.novaevo.workstation.obd.service;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * UDS (ISO 14229) over ISO-TP on the same adapter: physical addressing of one ECU (request id 7E0, answer
 * 7E8 on 11-bit CAN), ReadDataByIdentifier (0x22). ECU reprogramming builds on this client.
 */
public final class UdsClient {

    public static final int DID_VIN = 0xF190;
    public static final int DID_SPARE_PART_NUMBER = 0xF187;
    public static final int DID_SOFTWARE_VERSION = 0xF189;
    public static final int DID_SERIAL_NUMBER = 0xF18C;

    private final ObdChannel channel;

    public UdsClient(ObdChannel channel) {
        this.channel = channel;
    }

    /**
     * Reads one data identifier from the ECU at {@code requestId} (e.g. "7E0").
     *
     * @return the data bytes after the echoed identifier
     * @throws ObdException {@code OBD-NEGATIVE-RESPONSE} with the NRC, {@code OBD-NO-DATA} when it is silent
     */
    public byte[] readDataByIdentifier(String requestId, int did) {
        String responseId = responseIdFor(requestId);
        channel.setHeader(requestId);
        List<EcuMessage> answers = channel.query(String.format("22%04X", did), 0).stream()
                .filter(m -> responseId.isEmpty() || m.ecu().equals(responseId)).toList();
        for (EcuMessage m : ObdResponses.positive(answers, 0x22)) {
            if (m.length() >= 3 && ((m.at(1) << 8) | m.at(2)) == did) {
                byte[] p = m.payload();
                return Arrays.copyOfRange(p, 3, p.length);
            }
        }
        throw new ObdException(ObdErrorCode.MALFORMED_RESPONSE,
                String.format("ECU %s answered another identifier than %04X", requestId, did));
    }

    /** VIN, spare part number, software version and serial number; identifiers an ECU refuses stay empty. */
    public EcuIdentification identify(String requestId) {
        return new EcuIdentification(responseIdFor(requestId), text(requestId, DID_VIN),
                text(requestId, DID_SPARE_PART_NUMBER), text(requestId, DID_SOFTWARE_VERSION),
                text(requestId, DID_SERIAL_NUMBER));
    }

    private Optional<String> text(String requestId, int did) {
        try {
            String s = VehicleInfoService.ascii(readDataByIdentifier(requestId, did));
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (ObdException e) {
            if (e.reason() == ObdErrorCode.NEGATIVE_RESPONSE || e.reason() == ObdErrorCode.NO_DATA) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** 11-bit: answer id = request id + 8 (7E0 → 7E8); 29-bit 18DA<ecu><tester> → 18DA<tester><ecu>. */
    static String responseIdFor(String requestId) {
        String id = requestId.toUpperCase(Locale.ROOT);
        if (id.length() == 3) {
            return String.format("%03X", Integer.parseInt(id, 16) + 8);
        }
        if (id.length() == 8 && id.startsWith("18DA")) {
            return "18DA" + id.substring(6, 8) + id.substring(4, 6);
        }
        return "";
    }
}
