package fr.novaevo.workstation.obd.history;

import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.service.Quantity;
import fr.novaevo.workstation.obd.session.LiveSample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Recordings of live data in {@code OBD.RECORDING*}: start one ({@link Recorder}), list them by VIN, read one
 * back in order, export one as CSV.
 */
public final class RecordingStore {

    private static final int PAGE = 500;

    private final DataSource dataSource;
    private final Clock clock;

    public RecordingStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates the recording and starts its writer; hand the recorder to the poller as its sample consumer. */
    public Recorder start(String vin, OptionalLong sessionId, List<Integer> pids, Recorder.Settings settings) {
        String pidList = String.join(",", pids.stream()
                .map(p -> HexFormat.of().withUpperCase().toHexDigits((byte) p.intValue())).toList());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO OBD.RECORDING (SESSION_ID, VIN, STARTED_AT, "
                        + "PIDS, SAMPLE_COUNT) VALUES (?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            if (sessionId.isPresent()) {
                ps.setLong(1, sessionId.getAsLong());
            } else {
                ps.setNull(1, Types.BIGINT);
            }
            ps.setString(2, SessionStore.normaliseVin(vin));
            ps.setObject(3, SessionStore.time(clock.instant()));
            ps.setString(4, SessionStore.cut(pidList, 200));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Recorder(dataSource, clock, keys.getLong(1), settings);
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not start a recording", e);
        }
    }

    public Optional<RecordingInfo> find(long recordingId) {
        return list("WHERE ID = ?", recordingId).stream().findFirst();
    }

    /** Recordings of a VIN, newest first. */
    public List<RecordingInfo> byVin(String vin) {
        return list("WHERE VIN = ? ORDER BY STARTED_AT DESC, ID DESC", SessionStore.normaliseVin(vin));
    }

    private List<RecordingInfo> list(String where, Object parameter) {
        List<RecordingInfo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ID, SESSION_ID, VIN, STARTED_AT, ENDED_AT, PIDS, "
                        + "SAMPLE_COUNT FROM OBD.RECORDING " + where)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long session = rs.getLong(2);
                    OptionalLong sessionId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(session);
                    Optional<Instant> ended = Optional.ofNullable(rs.getObject(5, OffsetDateTime.class))
                            .map(OffsetDateTime::toInstant);
                    String pids = rs.getString(6);
                    List<Integer> pidList = pids.isEmpty() ? List.of()
                            : Arrays.stream(pids.split(",")).map(p -> Integer.parseInt(p, 16)).toList();
                    out.add(new RecordingInfo(rs.getLong(1), sessionId, rs.getString(3),
                            SessionStore.instant(rs, 4), ended, pidList, rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not read recordings", e);
        }
        return out;
    }

    /** The breaks of a recording (adapter lost, then reconnected), in order. */
    public List<RecordingGap> gaps(long recordingId) {
        List<RecordingGap> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT G.AFTER_SEQ, G.LOST_AT, S.TIME, G.REASON "
                        + "FROM OBD.RECORDING_GAP G LEFT JOIN OBD.RECORDING_SAMPLE S ON S.RECORDING_ID = "
                        + "G.RECORDING_ID AND S.SEQ = G.AFTER_SEQ + 1 WHERE G.RECORDING_ID = ? "
                        + "ORDER BY G.AFTER_SEQ, G.LOST_AT")) {
            ps.setLong(1, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<Instant> resumed = Optional.ofNullable(rs.getObject(3, OffsetDateTime.class))
                            .map(OffsetDateTime::toInstant);
                    out.add(new RecordingGap(rs.getLong(1), SessionStore.instant(rs, 2), resumed, rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not read recording " + recordingId, e);
        }
        return out;
    }

    /**
     * Reads a recording back in the order it was received, page by page (memory stays bounded), handing each
     * sample to {@code sink} on the calling thread.
     *
     * @return the number of samples read
     */
    public long replay(long recordingId, Consumer<LiveSample> sink) {
        return replay(recordingId, sink, gap -> { });
    }

    /**
     * Like {@link #replay(long, Consumer)}, with each break handed to {@code gaps} in its place: after the
     * last sample received before it.
     */
    public long replay(long recordingId, Consumer<LiveSample> sink, Consumer<RecordingGap> gaps) {
        java.util.Iterator<RecordingGap> breaks = gaps(recordingId).iterator();
        RecordingGap[] next = {breaks.hasNext() ? breaks.next() : null};
        long count = samples(recordingId, sample -> {
            while (next[0] != null && next[0].afterSequence() < sample.sequence()) {
                gaps.accept(next[0]);
                next[0] = breaks.hasNext() ? breaks.next() : null;
            }
            sink.accept(sample);
        });
        while (next[0] != null) {
            gaps.accept(next[0]);
            next[0] = breaks.hasNext() ? breaks.next() : null;
        }
        return count;
    }

    private long samples(long recordingId, Consumer<LiveSample> sink) {
        long after = 0;
        long count = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT S.SEQ, S.TIME, V.ECU, V.PID, V.NAME, V.VAL, "
                        + "V.UNIT, V.TEXT FROM OBD.RECORDING_SAMPLE S LEFT JOIN OBD.RECORDING_VALUE V "
                        + "ON V.RECORDING_ID = S.RECORDING_ID AND V.SEQ = S.SEQ "
                        + "WHERE S.RECORDING_ID = ? AND S.SEQ > ? AND S.SEQ <= ? ORDER BY S.SEQ, V.IDX")) {
            while (true) {
                ps.setLong(1, recordingId);
                ps.setLong(2, after);
                ps.setLong(3, after + PAGE);
                List<LiveSample> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    long seq = -1;
                    Instant time = null;
                    List<PidReading> readings = new ArrayList<>();
                    while (rs.next()) {
                        long s = rs.getLong(1);
                        if (s != seq) {
                            if (seq >= 0) {
                                page.add(new LiveSample(seq, time, readings));
                            }
                            seq = s;
                            time = SessionStore.instant(rs, 2);
                            readings = new ArrayList<>();
                        }
                        String ecu = rs.getString(3);
                        if (ecu != null) {
                            double v = rs.getDouble(6);
                            boolean none = rs.wasNull();
                            String name = rs.getString(5);
                            List<Quantity> q = none ? List.of() : List.of(new Quantity(name, v, rs.getString(7)));
                            readings.add(new PidReading(ecu, rs.getInt(4), name, q, rs.getString(8)));
                        }
                    }
                    if (seq >= 0) {
                        page.add(new LiveSample(seq, time, readings));
                    }
                }
                if (page.isEmpty()) {
                    return count;
                }
                for (LiveSample s : page) {
                    sink.accept(s);
                }
                count += page.size();
                after += PAGE;
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not read recording " + recordingId, e);
        }
    }

    /**
     * Writes a recording as CSV (UTF-8, comma separated, one line per sample: time, sequence, then one column per
     * PID and ECU with its main value, then an event column) to a temporary file next to {@code target}, then
     * renames it. A break in the recording is a line of its own, in its place: the time the adapter was lost,
     * no sequence nor values, and the event ({@code adapter lost (OBD-LINK-LOST), resumed 2026-…}).
     *
     * @return the number of samples written
     */
    public long exportCsv(long recordingId, Path target) throws IOException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ECU, PID, MIN(NAME), MIN(UNIT), MIN(SEQ * 1000 + IDX) "
                        + "AS FIRST_SEEN FROM OBD.RECORDING_VALUE WHERE RECORDING_ID = ? GROUP BY ECU, PID "
                        + "ORDER BY FIRST_SEEN")) {
            ps.setLong(1, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String unit = rs.getString(4);
                    columns.put(rs.getString(1) + "/" + rs.getInt(2),
                            rs.getString(3) + (unit.isEmpty() ? "" : " (" + unit + ")") + " " + rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new HistoryException("Could not read recording " + recordingId, e);
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        long[] count = {0};
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                List<String> header = new ArrayList<>(List.of("time", "sequence"));
                header.addAll(columns.values());
                header.add("event");
                w.write(line(header));
                String[] cells = new String[columns.size()];
                List<String> keys = List.copyOf(columns.keySet());
                IOException[] failure = {null};
                Consumer<List<String>> write = row -> {
                    if (failure[0] == null) {
                        try {
                            w.write(line(row));
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    }
                };
                replay(recordingId, sample -> {
                    if (failure[0] != null) {
                        return;
                    }
                    Arrays.fill(cells, "");
                    for (PidReading r : sample.readings()) {
                        int i = keys.indexOf(r.ecu() + "/" + r.pid());
                        if (i >= 0) {
                            cells[i] = Double.isFinite(r.value()) ? number(r.value()) : r.text();
                        }
                    }
                    List<String> row = new ArrayList<>(List.of(sample.time().toString(),
                            Long.toString(sample.sequence())));
                    row.addAll(Arrays.asList(cells));
                    row.add("");
                    write.accept(row);
                    count[0]++;
                }, gap -> {
                    List<String> row = new ArrayList<>(List.of(gap.lostAt().toString(), ""));
                    row.addAll(java.util.Collections.nCopies(cells.length, ""));
                    row.add("adapter lost (" + gap.reason() + ")"
                            + gap.resumedAt().map(t -> ", resumed " + t).orElse(", not resumed"));
                    write.accept(row);
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return count[0];
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.append("\r\n").toString();
    }
}
