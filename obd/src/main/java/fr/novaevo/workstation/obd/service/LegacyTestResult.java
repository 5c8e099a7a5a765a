package fr.novaevo.workstation.obd.service;

import fr.novaevo.workstation.obd.frames.EcuMessage;
import java.util.OptionalInt;

/**
 * Mode 06 on K-line and J1850 (SAE J1979, non-CAN layout): each answer message is
 * {@code 46 TID CID VV VV LL LL}: a test id, a component id whose bit 7 tells the limit type (0: the value
 * must not exceed the limit, 1: it must not fall below it), the test value and the limit, unsigned.
 *
 * <p>Only test ids 01 to 0A have a meaning and scaling in the standard (the oxygen sensor tests shared with
 * mode 05); every other id is the manufacturer's and is given raw, without a unit (decision 0026).
 */
final class LegacyTestResult {

    private LegacyTestResult() {
    }

    /** One result from one answer message. */
    static MonitorTest decode(EcuMessage m) {
        if (m.length() != 7) {
            throw ObdResponses.malformed(m, "a non-CAN mode 06 answer is 7 bytes");
        }
        int tid = m.at(1);
        int cid = m.at(2);
        boolean minimumLimit = (cid & 0x80) != 0;
        Scaling s = scaling(tid);
        double value = s.perBit * ((m.at(3) << 8) | m.at(4));
        double limit = s.perBit * ((m.at(5) << 8) | m.at(6));
        return new MonitorTest(m.ecu(), 0, testName(tid), tid, value, minimumLimit ? limit : 0,
                minimumLimit ? Double.POSITIVE_INFINITY : limit, s.unit, OptionalInt.of(cid & 0x7F));
    }

    private record Scaling(double perBit, String unit) {
    }

    /** The scaling of mode 05's test ids, which mode 06 shares for its oxygen sensor tests. */
    private static Scaling scaling(int tid) {
        return switch (tid) {
            case 0x01, 0x02, 0x03, 0x04, 0x07, 0x08 -> new Scaling(0.005, "V");
            case 0x05, 0x06 -> new Scaling(0.004, "s");
            case 0x09, 0x0A -> new Scaling(0.04, "s");
            default -> new Scaling(1, "");
        };
    }

    /** The English name of a test id: the standard's for 01 to 0A, else a numbered manufacturer test. */
    static String testName(int tid) {
        return switch (tid) {
            case 0x01 -> "Rich to lean sensor threshold voltage";
            case 0x02 -> "Lean to rich sensor threshold voltage";
            case 0x03 -> "Low sensor voltage for switch time";
            case 0x04 -> "High sensor voltage for switch time";
            case 0x05 -> "Rich to lean sensor switch time";
            case 0x06 -> "Lean to rich sensor switch time";
            case 0x07 -> "Minimum sensor voltage";
            case 0x08 -> "Maximum sensor voltage";
            case 0x09 -> "Time between sensor transitions";
            case 0x0A -> "Sensor period";
            default -> String.format("%s test %02X", tid >= 0x80 ? "Manufacturer" : "Reserved", tid);
        };
    }
}
