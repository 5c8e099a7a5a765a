package fr.novaevo.workstation.obd.service;

import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fault codes (modes 03, 07, 0A), clearing (mode 04), freeze frames (mode 02) and readiness (PID 01). */
public final class DiagnosticService {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticService.class);

    private final ObdChannel channel;
    private final PidCatalog catalog;
    private final AuditJournal journal;

    public DiagnosticService(ObdChannel channel, PidCatalog catalog, AuditJournal journal) {
        this.channel = channel;
        this.catalog = catalog;
        this.journal = journal;
    }

    /**
     * Reads one list of codes from every ECU. "No data" means no ECU has such codes: an empty list.
     */
    public List<EcuCode> readCodes(CodeKind kind) {
        List<EcuMessage> answers;
        try {
            answers = ObdResponses.positive(channel.query(String.format("%02X", kind.mode()), 0), kind.mode());
        } catch (ObdException e) {
            if (e.reason() == ObdErrorCode.NO_DATA) {
                return List.of();
            }
            throw e;
        }
        List<EcuCode> codes = new ArrayList<>();
        boolean can = channel.protocol().isCan();
        for (EcuMessage m : answers) {
            // CAN answers carry a count byte; K-line and J1850 answers are 3 codes per message, padded with 0000.
            int start = can ? 2 : 1;
            int count = can ? (m.length() >= 2 ? m.at(1) : 0) : (m.length() - 1) / 2;
            if (can && m.length() < 2 + 2 * count) {
                throw ObdResponses.malformed(m, count + " codes announced");
            }
            for (int i = 0; i < count; i++) {
                int a = m.at(start + 2 * i);
                int b = m.at(start + 2 * i + 1);
                if (a == 0 && b == 0) {
                    continue;
                }
                EcuCode code = new EcuCode(m.ecu(), DiagnosticTroubleCode.decode(a, b));
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    /**
     * Clears the stored codes, freeze frames and monitor results of every ECU (mode 04) and writes
     * {@code obd.codes.cleared} to the audit journal. Sent once: never repeated, even on a timeout.
     *
     * @return the ECUs that acknowledged
     * @throws ObdException {@code OBD-NEGATIVE-RESPONSE} when the ECUs refuse (engine running)
     */
    public List<String> clearCodes(ClearConfirmation confirmation) {
        if (!confirmation.engineOff()) {
            LOG.warn("clearing codes on {} without the engine-off confirmation", confirmation.vehicle());
        }
        List<EcuMessage> answers = ObdResponses.positive(channel.query("04", 0), 0x04);
        List<String> ecus = answers.stream().map(EcuMessage::ecu).distinct().toList();
        String before = confirmation.codesBefore().stream().map(c -> c.code() + "@" + c.ecu())
                .collect(Collectors.joining(","));
        journal.record("obd.codes.cleared", confirmation.vehicle(),
                "ecus=" + String.join(",", ecus) + "; codesBefore=" + before);
        return ecus;
    }

    /** Readiness of every ECU that answers PID 01. */
    public List<Readiness> readiness() {
        List<Readiness> out = new ArrayList<>();
        for (EcuMessage m : ObdResponses.positive(channel.query("0101", 0), 0x01)) {
            if (m.length() < 6 || m.at(1) != 0x01) {
                throw ObdResponses.malformed(m, "PID 01 needs 4 data bytes");
            }
            out.add(Readiness.decode(m.ecu(), m.at(2), m.at(3), m.at(4), m.at(5)));
        }
        return out;
    }

    /**
     * Reads freeze frame {@code frame}: which code caused it (PID 02), then each PID the ECU stored among
     * {@code pids} (those that answer "no data" are skipped).
     */
    public List<FreezeFrame> freezeFrame(int frame, List<Integer> pids) {
        List<FreezeFrame> out = new ArrayList<>();
        List<EcuMessage> triggers;
        try {
            triggers = ObdResponses.positive(channel.query(String.format("0202%02X", frame), 0), 0x02);
        } catch (ObdException e) {
            if (e.reason() == ObdErrorCode.NO_DATA) {
                return List.of();
            }
            throw e;
        }
        for (EcuMessage t : triggers) {
            if (t.length() < 5 || t.at(1) != 0x02) {
                throw ObdResponses.malformed(t, "PID 02 of a freeze frame");
            }
            Optional<DiagnosticTroubleCode> trigger = t.at(3) == 0 && t.at(4) == 0
                    ? Optional.empty() : Optional.of(DiagnosticTroubleCode.decode(t.at(3), t.at(4)));
            if (trigger.isEmpty()) {
                continue;
            }
            List<PidReading> values = new ArrayList<>();
            for (int pid : pids) {
                PidDefinition def = catalog.find(pid).orElseThrow(
                        () -> new IllegalArgumentException("unknown PID " + pid));
                List<EcuMessage> answers;
                try {
                    answers = ObdResponses.positive(channel.query(String.format("02%02X%02X", pid, frame), 0), 0x02);
                } catch (ObdException e) {
                    if (e.reason() == ObdErrorCode.NO_DATA || e.reason() == ObdErrorCode.NEGATIVE_RESPONSE) {
                        continue;
                    }
                    throw e;
                }
                for (EcuMessage m : answers) {
                    if (!m.ecu().equals(t.ecu())) {
                        continue;
                    }
                    if (m.length() < 3 + def.length() || m.at(1) != pid) {
                        throw ObdResponses.malformed(m, "freeze frame PID " + pid);
                    }
                    int[] data = new int[def.length()];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = m.at(3 + i);
                    }
                    values.add(def.decode(m.ecu(), data));
                }
            }
            out.add(new FreezeFrame(t.ecu(), frame, trigger, values));
        }
        return out;
    }
}
