package fr.novaevo.workstation.obd.service;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Mode 06. On CAN (ISO 15765-4 layout): supported monitor ids, then each monitor's tests, nine bytes each
 * (MID, TID, unit and scaling id, value, min, max). On K-line and J1850: supported test ids (the same bitmaps),
 * then each test's results, one message per component ({@link LegacyTestResult}).
 */
public final class MonitorService {

    private final ObdChannel channel;

    public MonitorService(ObdChannel channel) {
        this.channel = channel;
    }

    /** Monitor ids (test ids on K-line and J1850) any ECU supports, from the bitmaps at 00, 20, 40... */
    public SortedSet<Integer> supportedMonitors() {
        SortedSet<Integer> mids = new TreeSet<>();
        int bitmap = 0;
        while (bitmap <= 0xE0) {
            List<EcuMessage> answers;
            try {
                answers = ObdResponses.positive(channel.query(String.format("06%02X", bitmap), 0), 0x06);
            } catch (ObdException e) {
                if (bitmap == 0 && e.reason() != ObdErrorCode.NO_DATA) {
                    throw e;
                }
                break;
            }
            boolean more = false;
            for (EcuMessage m : answers) {
                if (m.length() < 6 || m.at(1) != bitmap) {
                    continue;
                }
                long bits = ((long) m.at(2) << 24) | (m.at(3) << 16) | (m.at(4) << 8) | m.at(5);
                for (int i = 0; i < 32; i++) {
                    if ((bits & (1L << (31 - i))) != 0) {
                        mids.add(bitmap + i + 1);
                    }
                }
                more |= (bits & 1) != 0;
            }
            if (!more) {
                break;
            }
            bitmap += 0x20;
        }
        mids.removeIf(mid -> mid % 0x20 == 0);
        return mids;
    }

    /** Every test result of one monitor (of one test id on K-line and J1850), from every ECU. */
    public List<MonitorTest> results(int mid) {
        List<MonitorTest> out = new ArrayList<>();
        List<EcuMessage> answers = ObdResponses.positive(channel.query(String.format("06%02X", mid), 0), 0x06);
        if (!channel.protocol().isCan()) {
            for (EcuMessage m : answers) {
                MonitorTest test = LegacyTestResult.decode(m);
                if (test.tid() != mid) {
                    throw ObdResponses.malformed(m, String.format("TID %02X where %02X was asked", test.tid(), mid));
                }
                out.add(test);
            }
            return out;
        }
        for (EcuMessage m : answers) {
            if ((m.length() - 1) % 9 != 0) {
                throw ObdResponses.malformed(m, "mode 06 records are 9 bytes");
            }
            for (int off = 1; off < m.length(); off += 9) {
                if (m.at(off) != mid) {
                    throw ObdResponses.malformed(m, String.format("MID %02X where %02X was asked", m.at(off), mid));
                }
                UnitAndScaling uas = UnitAndScaling.of(m.at(off + 2));
                out.add(new MonitorTest(m.ecu(), mid, monitorName(mid), m.at(off + 1),
                        uas.apply(word(m, off + 3)), uas.apply(word(m, off + 5)), uas.apply(word(m, off + 7)),
                        uas.unit()));
            }
        }
        return out;
    }

    /** All results of all supported monitors. */
    public List<MonitorTest> allResults() {
        List<MonitorTest> out = new ArrayList<>();
        for (int mid : supportedMonitors()) {
            try {
                out.addAll(results(mid));
            } catch (ObdException e) {
                if (e.reason() != ObdErrorCode.NO_DATA && e.reason() != ObdErrorCode.NEGATIVE_RESPONSE) {
                    throw e;
                }
            }
        }
        return out;
    }

    private static int word(EcuMessage m, int offset) {
        return (m.at(offset) << 8) | m.at(offset + 1);
    }

    /** The monitor ids of SAE J1979 appendix D. */
    public static String monitorName(int mid) {
        if (mid >= 0x01 && mid <= 0x10) {
            return "Oxygen sensor bank " + ((mid - 1) / 4 + 1) + " sensor " + ((mid - 1) % 4 + 1);
        }
        if (mid >= 0x21 && mid <= 0x24) {
            return "Catalyst bank " + (mid - 0x20);
        }
        if (mid >= 0x31 && mid <= 0x34) {
            return "EGR bank " + (mid - 0x30);
        }
        if (mid >= 0x35 && mid <= 0x38) {
            return "VVT bank " + (mid - 0x34);
        }
        if (mid >= 0x41 && mid <= 0x50) {
            return "Oxygen sensor heater bank " + ((mid - 0x41) / 4 + 1) + " sensor " + ((mid - 0x41) % 4 + 1);
        }
        if (mid >= 0x61 && mid <= 0x64) {
            return "Heated catalyst bank " + (mid - 0x60);
        }
        if (mid >= 0x71 && mid <= 0x74) {
            return "Secondary air " + (mid - 0x70);
        }
        if (mid >= 0x81 && mid <= 0x84) {
            return "Fuel system bank " + (mid - 0x80);
        }
        if (mid >= 0x85 && mid <= 0x88) {
            return "Boost pressure control bank " + (mid - 0x84);
        }
        if (mid >= 0xA2 && mid <= 0xAD) {
            return "Misfire cylinder " + (mid - 0xA1);
        }
        return switch (mid) {
            case 0x39 -> "EVAP (cap off / 0.150\")";
            case 0x3A -> "EVAP (0.090\")";
            case 0x3B -> "EVAP (0.040\")";
            case 0x3C -> "EVAP (0.020\")";
            case 0x3D -> "Purge flow";
            case 0x90 -> "NOx adsorber bank 1";
            case 0x91 -> "NOx adsorber bank 2";
            case 0x98 -> "NOx catalyst bank 1";
            case 0x99 -> "NOx catalyst bank 2";
            case 0xA1 -> "Misfire general";
            case 0xB0 -> "PM filter bank 1";
            case 0xB1 -> "PM filter bank 2";
            default -> String.format("Monitor %02X", mid);
        };
    }
}
