package fr.novaevo.workstation.obd.history;

import java.time.Clock;
import javax.sql.DataSource;

/** The obd history in one place: sessions, reports and recordings, and everything about one VIN. */
public final class VehicleHistoryService {

    private final SessionStore sessions;
    private final RecordingStore recordings;

    public VehicleHistoryService(DataSource dataSource, Clock clock) {
        this.sessions = new SessionStore(dataSource);
        this.recordings = new RecordingStore(dataSource, clock);
    }

    public SessionStore sessions() {
        return sessions;
    }

    public RecordingStore recordings() {
        return recordings;
    }

    /** Sessions, reports and recordings of {@code vin}, newest first. */
    public VehicleHistory history(String vin) {
        String v = SessionStore.normaliseVin(vin);
        return new VehicleHistory(v, sessions.byVin(v), sessions.reportsByVin(v), recordings.byVin(v));
    }
}
