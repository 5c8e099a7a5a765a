package fr.novaevo.workstation.obd.history;

import fr.novaevo.workstation.obd.dtc.CodeStatus;
import fr.novaevo.workstation.obd.dtc.Severity;
import fr.novaevo.workstation.obd.service.CodeKind;
import fr.novaevo.workstation.obd.service.Readiness;
import fr.novaevo.workstation.obd.session.ScanResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Diagnostic sessions and the reports written from them, in {@code OBD.SESSION*} and {@code OBD.REPORT}.
 * Each call is one short transaction.
 */
public final class SessionStore {

    private final DataSource dataSource;

    public SessionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Normalises a VIN as typed or read: upper case, no spaces. */
    public static String normaliseVin(String vin) {
        return vin == null ? "" : vin.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }

    /** Stores a new session with its codes, readiness, values and notes; returns it with its id. */
    public DiagnosticSession save(DiagnosticSession session) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO OBD.SESSION (VIN, STARTED_AT, PORT, "
                        + "ADAPTER, PROTOCOL, MIL, CLEARED_AT, NOTES) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, normaliseVin(session.vin()));
                    ps.setObject(2, time(session.startedAt()));
                    ps.setString(3, cut(session.port(), 300));
                    ps.setString(4, cut(session.adapter(), 100));
                    ps.setString(5, cut(session.protocol(), 200));
                    ps.setBoolean(6, session.mil());
                    if (session.clearedAt().isPresent()) {
                        ps.setObject(7, time(session.clearedAt().get()));
                    } else {
                        ps.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                    }
                    ps.setString(8, session.notes());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                insertCodes(c, id, "BEFORE", session.codesBefore());
                if (session.codesAfter().isPresent()) {
                    insertCodes(c, id, "AFTER", session.codesAfter().get());
                }
                insertReadiness(c, id, session.readiness());
                insertValues(c, id, session.keyValues());
                c.commit();
                return session.withId(id);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not save the diagnostic session of " + session.vin(), e);
        }
    }

    /** Records the codes read again after a clear. */
    public void recordCodesAfterClear(long sessionId, ScanResult.Dtcs after, Instant clearedAt) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM OBD.SESSION_CODE WHERE SESSION_ID = ? AND PHASE = 'AFTER'")) {
                    ps.setLong(1, sessionId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE OBD.SESSION SET CLEARED_AT = ? WHERE ID = ?")) {
                    ps.setObject(1, time(clearedAt));
                    ps.setLong(2, sessionId);
                    requireOne(ps.executeUpdate(), sessionId);
                }
                insertCodes(c, sessionId, "AFTER", after);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not record the codes after clearing (session " + sessionId + ")", e);
        }
    }

    /** Replaces the technician's notes and the key live values of a session (before a report). */
    public void updateNotesAndValues(long sessionId, String notes, List<KeyValue> values) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("UPDATE OBD.SESSION SET NOTES = ? WHERE ID = ?")) {
                    ps.setString(1, notes == null ? "" : notes);
                    ps.setLong(2, sessionId);
                    requireOne(ps.executeUpdate(), sessionId);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM OBD.SESSION_VALUE WHERE SESSION_ID = ?")) {
                    ps.setLong(1, sessionId);
                    ps.executeUpdate();
                }
                insertValues(c, sessionId, values);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not update session " + sessionId, e);
        }
    }

    public Optional<DiagnosticSession> find(long sessionId) {
        List<DiagnosticSession> found = query("WHERE ID = ?", sessionId);
        return found.stream().findFirst();
    }

    /** Sessions of a VIN, newest first. */
    public List<DiagnosticSession> byVin(String vin) {
        return query("WHERE VIN = ? ORDER BY STARTED_AT DESC, ID DESC", normaliseVin(vin));
    }

    /** Notes that a report was written. */
    public ReportEntry recordReport(OptionalLong sessionId, String vin, Path path, String language,
            Instant createdAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO OBD.REPORT (SESSION_ID, VIN, PATH, LANGUAGE, "
                        + "CREATED_AT) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            if (sessionId.isPresent()) {
                ps.setLong(1, sessionId.getAsLong());
            } else {
                ps.setNull(1, Types.BIGINT);
            }
            ps.setString(2, normaliseVin(vin));
            ps.setString(3, path.toAbsolutePath().toString());
            ps.setString(4, language);
            ps.setObject(5, time(createdAt));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new ReportEntry(keys.getLong(1), sessionId, normaliseVin(vin), path.toAbsolutePath(),
                        language, createdAt);
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not record the report " + path, e);
        }
    }

    /** Reports of a VIN, newest first. */
    public List<ReportEntry> reportsByVin(String vin) {
        List<ReportEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ID, SESSION_ID, VIN, PATH, LANGUAGE, CREATED_AT "
                        + "FROM OBD.REPORT WHERE VIN = ? ORDER BY CREATED_AT DESC, ID DESC")) {
            ps.setString(1, normaliseVin(vin));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long session = rs.getLong(2);
                    OptionalLong sessionId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(session);
                    out.add(new ReportEntry(rs.getLong(1), sessionId, rs.getString(3), Path.of(rs.getString(4)),
                            rs.getString(5), instant(rs, 6)));
                }
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not read the reports of " + vin, e);
        }
        return out;
    }

    private List<DiagnosticSession> query(String where, Object parameter) {
        List<DiagnosticSession> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, VIN, STARTED_AT, PORT, ADAPTER, PROTOCOL, MIL, "
                    + "CLEARED_AT, NOTES FROM OBD.SESSION " + where)) {
                ps.setObject(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<Instant> cleared = Optional.ofNullable(rs.getObject(8, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant);
                        out.add(new DiagnosticSession(rs.getLong(1), rs.getString(2), instant(rs, 3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                                new ScanResult.Dtcs(List.of(), List.of(), List.of()), Optional.empty(), cleared,
                                List.of(), List.of(), rs.getString(9)));
                    }
                }
            }
            List<DiagnosticSession> full = new ArrayList<>();
            for (DiagnosticSession s : out) {
                ScanResult.Dtcs before = readCodes(c, s.id(), "BEFORE");
                Optional<ScanResult.Dtcs> after = s.clearedAt().isPresent()
                        ? Optional.of(readCodes(c, s.id(), "AFTER")) : Optional.empty();
                full.add(new DiagnosticSession(s.id(), s.vin(), s.startedAt(), s.port(), s.adapter(), s.protocol(),
                        s.mil(), before, after, s.clearedAt(), readReadiness(c, s.id()), readValues(c, s.id()),
                        s.notes()));
            }
            return full;
        } catch (SQLException e) {
            throw new HistoryException("Could not read diagnostic sessions", e);
        }
    }

    private static void insertCodes(Connection c, long id, String phase, ScanResult.Dtcs dtcs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO OBD.SESSION_CODE (SESSION_ID, PHASE, KIND, SEQ, "
                + "CODE, DESCRIPTION, ECU, SEVERITY, WHY, STATUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Map<CodeKind, List<ScanResult.Dtc>> lists = new EnumMap<>(CodeKind.class);
            lists.put(CodeKind.STORED, dtcs.stored());
            lists.put(CodeKind.PENDING, dtcs.pending());
            lists.put(CodeKind.PERMANENT, dtcs.permanent());
            for (Map.Entry<CodeKind, List<ScanResult.Dtc>> e : lists.entrySet()) {
                int seq = 0;
                for (ScanResult.Dtc d : e.getValue()) {
                    ps.setLong(1, id);
                    ps.setString(2, phase);
                    ps.setString(3, e.getKey().name());
                    ps.setInt(4, seq++);
                    ps.setString(5, cut(d.code(), 8));
                    ps.setString(6, cut(d.description(), 1000));
                    ps.setString(7, cut(d.ecu(), 8));
                    ps.setString(8, d.severity().name());
                    ps.setString(9, cut(d.why(), 1000));
                    ps.setString(10, d.status().name());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static ScanResult.Dtcs readCodes(Connection c, long id, String phase) throws SQLException {
        Map<CodeKind, List<ScanResult.Dtc>> lists = new EnumMap<>(CodeKind.class);
        for (CodeKind k : CodeKind.values()) {
            lists.put(k, new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT KIND, CODE, DESCRIPTION, ECU, SEVERITY, WHY, STATUS "
                + "FROM OBD.SESSION_CODE WHERE SESSION_ID = ? AND PHASE = ? ORDER BY KIND, SEQ")) {
            ps.setLong(1, id);
            ps.setString(2, phase);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lists.get(CodeKind.valueOf(rs.getString(1))).add(new ScanResult.Dtc(rs.getString(2),
                            rs.getString(3), rs.getString(4), Severity.valueOf(rs.getString(5)), rs.getString(6),
                            CodeStatus.valueOf(rs.getString(7))));
                }
            }
        }
        return new ScanResult.Dtcs(lists.get(CodeKind.STORED), lists.get(CodeKind.PENDING),
                lists.get(CodeKind.PERMANENT));
    }

    private static void insertReadiness(Connection c, long id, List<Readiness> readiness) throws SQLException {
        try (PreparedStatement r = c.prepareStatement("INSERT INTO OBD.SESSION_READINESS (SESSION_ID, SEQ, ECU, "
                + "MIL_ON, DTC_COUNT, COMPRESSION) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement m = c.prepareStatement("INSERT INTO OBD.SESSION_MONITOR (SESSION_ID, "
                        + "READINESS_SEQ, SEQ, NAME, SUPPORTED, COMPLETE) VALUES (?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Readiness one : readiness) {
                r.setLong(1, id);
                r.setInt(2, seq);
                r.setString(3, cut(one.ecu(), 8));
                r.setBoolean(4, one.milOn());
                r.setInt(5, one.dtcCount());
                r.setBoolean(6, one.compression());
                r.addBatch();
                int mseq = 0;
                for (Readiness.Monitor mon : one.monitors()) {
                    m.setLong(1, id);
                    m.setInt(2, seq);
                    m.setInt(3, mseq++);
                    m.setString(4, cut(mon.name(), 100));
                    m.setBoolean(5, mon.supported());
                    m.setBoolean(6, mon.complete());
                    m.addBatch();
                }
                seq++;
            }
            r.executeBatch();
            m.executeBatch();
        }
    }

    private static List<Readiness> readReadiness(Connection c, long id) throws SQLException {
        List<Readiness> out = new ArrayList<>();
        try (PreparedStatement r = c.prepareStatement("SELECT SEQ, ECU, MIL_ON, DTC_COUNT, COMPRESSION FROM "
                + "OBD.SESSION_READINESS WHERE SESSION_ID = ? ORDER BY SEQ");
                PreparedStatement m = c.prepareStatement("SELECT NAME, SUPPORTED, COMPLETE FROM OBD.SESSION_MONITOR "
                        + "WHERE SESSION_ID = ? AND READINESS_SEQ = ? ORDER BY SEQ")) {
            r.setLong(1, id);
            try (ResultSet rs = r.executeQuery()) {
                while (rs.next()) {
                    List<Readiness.Monitor> monitors = new ArrayList<>();
                    m.setLong(1, id);
                    m.setInt(2, rs.getInt(1));
                    try (ResultSet ms = m.executeQuery()) {
                        while (ms.next()) {
                            monitors.add(new Readiness.Monitor(ms.getString(1), ms.getBoolean(2), ms.getBoolean(3)));
                        }
                    }
                    out.add(new Readiness(rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getBoolean(5),
                            monitors));
                }
            }
        }
        return out;
    }

    private static void insertValues(Connection c, long id, List<KeyValue> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO OBD.SESSION_VALUE (SESSION_ID, SEQ, NAME, VAL, "
                + "UNIT, TEXT) VALUES (?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (KeyValue v : values) {
                ps.setLong(1, id);
                ps.setInt(2, seq++);
                ps.setString(3, cut(v.name(), 200));
                if (Double.isFinite(v.value())) {
                    ps.setDouble(4, v.value());
                } else {
                    ps.setNull(4, Types.DOUBLE);
                }
                ps.setString(5, cut(v.unit(), 20));
                ps.setString(6, cut(v.text(), 300));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<KeyValue> readValues(Connection c, long id) throws SQLException {
        List<KeyValue> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT NAME, VAL, UNIT, TEXT FROM OBD.SESSION_VALUE "
                + "WHERE SESSION_ID = ? ORDER BY SEQ")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(2);
                    out.add(new KeyValue(rs.getString(1), rs.wasNull() ? Double.NaN : v, rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static void requireOne(int updated, long sessionId) throws SQLException {
        if (updated != 1) {
            throw new SQLException("no diagnostic session " + sessionId);
        }
    }

    /** The database keeps microseconds: truncate rather than let it round. */
    static OffsetDateTime time(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static String cut(String s, int max) {
        String t = s == null ? "" : s;
        return t.length() <= max ? t : t.substring(0, max);
    }
}
