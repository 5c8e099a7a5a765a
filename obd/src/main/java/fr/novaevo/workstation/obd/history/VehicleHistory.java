package fr.novaevo.workstation.obd.history;

import java.util.List;

/** Everything stored about one VIN, newest first in each list. */
public record VehicleHistory(String vin, List<DiagnosticSession> sessions, List<ReportEntry> reports,
        List<RecordingInfo> recordings) {

    public VehicleHistory {
        sessions = List.copyOf(sessions);
        reports = List.copyOf(reports);
        recordings = List.copyOf(recordings);
    }

    public boolean isEmpty() {
        return sessions.isEmpty() && reports.isEmpty() && recordings.isEmpty();
    }
}
