package fr.novaevo.workstation.obd.service;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mode 01: which PIDs each ECU supports, and their current values. On CAN, up to six PIDs go in one request
 * (SAE J1979 allows it); an ECU that answers such a request incompletely or not at all makes the service
 * fall back to one PID per request for good.
 */
public final class LiveDataService {

    /** SAE J1979: at most six PIDs in one CAN request. */
    public static final int MAX_PIDS_PER_REQUEST = 6;

    private static final Logger LOG = LoggerFactory.getLogger(LiveDataService.class);
    /** Answers by which an ECU or adapter refuses a multi-PID request. */
    private static final Set<ObdErrorCode> REFUSALS = Set.of(ObdErrorCode.NO_DATA, ObdErrorCode.NEGATIVE_RESPONSE,
            ObdErrorCode.BUFFER_FULL, ObdErrorCode.UNKNOWN_COMMAND);

    private final ObdChannel channel;
    private final PidCatalog catalog;
    private final Map<String, SortedSet<Integer>> supported = new LinkedHashMap<>();
    private boolean multiPidAllowed = true;

    public LiveDataService(ObdChannel channel, PidCatalog catalog) {
        this.channel = channel;
        this.catalog = catalog;
    }

    /** Walks the support bitmaps (PID 00, then 20, 40... while the last bit says there is more). */
    public Map<String, SortedSet<Integer>> discoverSupportedPids() {
        supported.clear();
        int bitmapPid = 0x00;
        while (bitmapPid <= 0xE0) {
            List<EcuMessage> answers;
            try {
                answers = positiveOrEmpty(String.format("01%02X", bitmapPid));
            } catch (ObdException e) {
                if (bitmapPid == 0) {
                    throw e;
                }
                break;
            }
            boolean more = false;
            for (EcuMessage m : answers) {
                if (m.length() < 6 || m.at(1) != bitmapPid) {
                    continue;
                }
                SortedSet<Integer> set = supported.computeIfAbsent(m.ecu(), k -> new TreeSet<>());
                long bits = ((long) m.at(2) << 24) | (m.at(3) << 16) | (m.at(4) << 8) | m.at(5);
                for (int i = 0; i < 32; i++) {
                    if ((bits & (1L << (31 - i))) != 0) {
                        set.add(bitmapPid + i + 1);
                    }
                }
                more |= (bits & 1) != 0;
            }
            if (!more) {
                break;
            }
            bitmapPid += 0x20;
        }
        Map<String, SortedSet<Integer>> copy = new LinkedHashMap<>();
        supported.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        return copy;
    }

    /** PIDs that at least one ECU supports, bitmap PIDs excluded, after {@link #discoverSupportedPids()}. */
    public SortedSet<Integer> supportedByAnyEcu() {
        SortedSet<Integer> all = new TreeSet<>();
        supported.values().forEach(all::addAll);
        all.removeIf(PidCatalog::isSupportBitmap);
        return all;
    }

    /** Whether requests still carry several PIDs (false once an ECU refused them). */
    public boolean multiPidEnabled() {
        return multiPidAllowed && channel.protocol().isCan();
    }

    /**
     * Reads the PIDs, from every ECU that answers them, in as few requests as the vehicle allows. A PID
     * the catalogue does not know is refused (its length is needed to split a multi-PID answer).
     */
    public List<PidReading> read(List<Integer> pids) {
        for (int pid : pids) {
            if (catalog.find(pid).isEmpty()) {
                throw new IllegalArgumentException(String.format("PID %02X is not a standard PID", pid));
            }
        }
        List<PidReading> out = new ArrayList<>();
        if (!multiPidEnabled() || pids.size() == 1) {
            for (int pid : pids) {
                out.addAll(readGroup(List.of(pid)));
            }
            return out;
        }
        for (int i = 0; i < pids.size(); i += MAX_PIDS_PER_REQUEST) {
            List<Integer> group = pids.subList(i, Math.min(pids.size(), i + MAX_PIDS_PER_REQUEST));
            if (!multiPidAllowed) {
                for (int pid : group) {
                    out.addAll(readGroup(List.of(pid)));
                }
                continue;
            }
            List<PidReading> got;
            try {
                got = readGroup(group);
            } catch (ObdException e) {
                // Only a refusal says the ECU cannot take several PIDs; a damaged or late answer fails this
                // request alone and must not cost the speed of every later one.
                if (!REFUSALS.contains(e.reason())) {
                    throw e;
                }
                got = List.of();
            }
            Set<Integer> answered = new HashSet<>();
            got.forEach(r -> answered.add(r.pid()));
            if (answered.containsAll(expectedAnswered(group))) {
                out.addAll(got);
            } else {
                LOG.info("multi-PID request {} answered incompletely: one PID per request from now on", group);
                multiPidAllowed = false;
                for (int pid : group) {
                    out.addAll(readGroup(List.of(pid)));
                }
            }
        }
        return out;
    }

    /**
     * One PID read once, from the ECU with the lowest address among those that answer (the engine: 7E8,
     * 18DAF110, K-line 10); empty when the vehicle answers {@code NO DATA} or refuses it.
     */
    public Optional<PidReading> readOnce(int pid) {
        if (catalog.find(pid).isEmpty()) {
            throw new IllegalArgumentException(String.format("PID %02X is not a standard PID", pid));
        }
        try {
            return readGroup(List.of(pid)).stream().filter(r -> r.pid() == pid)
                    .min(Comparator.comparing(PidReading::ecu));
        } catch (ObdException e) {
            if (e.reason() == ObdErrorCode.NO_DATA || e.reason() == ObdErrorCode.NEGATIVE_RESPONSE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The PIDs of the group that some ECU said it supports (all of them when support is unknown). */
    private Set<Integer> expectedAnswered(List<Integer> group) {
        Set<Integer> any = new HashSet<>(group);
        if (!supported.isEmpty()) {
            any.retainAll(supportedByAnyEcu());
        }
        return any;
    }

    private List<PidReading> readGroup(List<Integer> group) {
        StringBuilder request = new StringBuilder("01");
        int answerLength = 1;
        for (int pid : group) {
            request.append(String.format("%02X", pid));
            answerLength += 1 + catalog.find(pid).orElseThrow().length();
        }
        List<EcuMessage> answers = ObdResponses.positive(channel.query(request.toString(),
                responseCount(group, answerLength)), 0x01);
        List<PidReading> out = new ArrayList<>();
        for (EcuMessage m : answers) {
            int offset = 1;
            while (offset < m.length()) {
                int pid = m.at(offset);
                PidDefinition def = catalog.find(pid).orElseThrow(() -> ObdResponses.malformed(m,
                        String.format("unknown PID %02X", pid)));
                if (offset + 1 + def.length() > m.length()) {
                    // Legacy ECUs pad answers: a short tail after the last PID is not an error if it is padding.
                    if (group.size() == 1 && offset > 1) {
                        break;
                    }
                    throw ObdResponses.malformed(m, String.format("PID %02X cut short", pid));
                }
                int[] data = new int[def.length()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = m.at(offset + 1 + i);
                }
                out.add(def.decode(m.ecu(), data));
                offset += 1 + def.length();
                if (group.size() == 1) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * How many answers to wait for: the number of ECUs supporting one of the PIDs when that is known and the
     * answer fits a single CAN frame; else 0 (the adapter waits for its timeout).
     */
    private int responseCount(List<Integer> group, int answerLength) {
        if (supported.isEmpty() || answerLength > 7 || !channel.protocol().isCan()) {
            return 0;
        }
        int ecus = 0;
        for (SortedSet<Integer> set : supported.values()) {
            if (group.stream().anyMatch(set::contains)) {
                ecus++;
            }
        }
        return ecus;
    }

    private List<EcuMessage> positiveOrEmpty(String request) {
        return ObdResponses.positive(channel.query(request, 0), 0x01);
    }
}
