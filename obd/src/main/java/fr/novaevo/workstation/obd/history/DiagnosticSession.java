package fr.novaevo.workstation.obd.history;

import fr.novaevo.workstation.obd.service.Readiness;
import fr.novaevo.workstation.obd.session.ScanResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one connection to a vehicle found: the record kept in the history and printed on the report.
 *
 * @param id          the stored id, 0 before it is saved
 * @param vin         the VIN, "" when no ECU gave one
 * @param startedAt   when the scan was made
 * @param port        the port the adapter was reached on
 * @param adapter     "ELM327 v1.5"
 * @param protocol    the vehicle's protocol as the adapter names it
 * @param mil         whether the MIL was commanded on at the scan
 * @param codesBefore the codes read when connecting
 * @param codesAfter  the codes read again after a clear, when the codes were cleared
 * @param clearedAt   when they were cleared
 * @param readiness   the readiness monitors per ECU
 * @param keyValues   live values kept for the report
 * @param notes       the technician's notes, "" when none
 */
public record DiagnosticSession(long id, String vin, Instant startedAt, String port, String adapter,
        String protocol, boolean mil, ScanResult.Dtcs codesBefore, Optional<ScanResult.Dtcs> codesAfter,
        Optional<Instant> clearedAt, List<Readiness> readiness, List<KeyValue> keyValues, String notes) {

    public DiagnosticSession {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(codesBefore, "codesBefore");
        Objects.requireNonNull(codesAfter, "codesAfter");
        Objects.requireNonNull(clearedAt, "clearedAt");
        readiness = List.copyOf(readiness);
        keyValues = List.copyOf(keyValues);
        notes = notes == null ? "" : notes;
    }

    /** A new (unsaved) session from a scan. */
    public static DiagnosticSession fromScan(ScanResult scan, String port, Instant at) {
        String adapter = scan.adapter().type() + " v" + scan.adapter().version();
        return new DiagnosticSession(0, scan.vin().orElse(""), at, port, adapter, scan.protocol(), scan.mil(),
                scan.dtcs(), Optional.empty(), Optional.empty(), scan.readiness(), List.of(), "");
    }

    public DiagnosticSession withId(long newId) {
        return new DiagnosticSession(newId, vin, startedAt, port, adapter, protocol, mil, codesBefore, codesAfter,
                clearedAt, readiness, keyValues, notes);
    }

    public DiagnosticSession withCodesAfter(ScanResult.Dtcs after, Instant at) {
        return new DiagnosticSession(id, vin, startedAt, port, adapter, protocol, mil, codesBefore,
                Optional.of(after), Optional.of(at), readiness, keyValues, notes);
    }

    public DiagnosticSession withKeyValues(List<KeyValue> values) {
        return new DiagnosticSession(id, vin, startedAt, port, adapter, protocol, mil, codesBefore, codesAfter,
                clearedAt, readiness, values, notes);
    }

    public DiagnosticSession withNotes(String text) {
        return new DiagnosticSession(id, vin, startedAt, port, adapter, protocol, mil, codesBefore, codesAfter,
                clearedAt, readiness, keyValues, text);
    }
}
