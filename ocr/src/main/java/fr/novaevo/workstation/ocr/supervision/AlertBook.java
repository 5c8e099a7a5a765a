package fr.novaevo.workstation.ocr.supervision;

import static fr.novaevo.workstation.ocr.store.Sql.instant;
import static fr.novaevo.workstation.ocr.store.Sql.setInstant;

import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.ocr.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts ({@code OCR.ALERT}) and their thresholds ({@code OCR.ALERT_THRESHOLD}). A condition raises one
 * alert when it starts, however many samples see it; the alert is cleared when the condition is no longer met,
 * and stays listed until a person acknowledges it. Acknowledgements and threshold changes go to the audit journal.
 */
public final class AlertBook {

    public static final String ACTION_ACKNOWLEDGED = "ocr.alert.acknowledged";
    public static final String ACTION_THRESHOLD_CHANGED = "ocr.alert.threshold_changed";

    private static final Logger LOG = LoggerFactory.getLogger(AlertBook.class);
    private static final String COLUMNS = "ID, KIND, SUBJECT, SUBJECT_LABEL, MEASURED, LIMIT_VALUE, RAISED_AT, "
            + "CLEARED_AT, ACKNOWLEDGED_AT, ACKNOWLEDGED_BY";

    /** A condition met at one evaluation: what, about what, and the value seen. */
    public record Condition(AlertKind kind, String subject, String subjectLabel, double measured) {
    }

    /** Told when an alert is raised or cleared (on the supervision's thread). */
    public interface Listener {
        void raised(Alert alert);

        void cleared(Alert alert);
    }

    private final Sql sql;
    private final AuditJournal journal;
    private final Clock clock;
    private final AtomicReference<AlertThresholds> thresholds = new AtomicReference<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public AlertBook(DataSource dataSource, AuditJournal journal, Clock clock) {
        this.sql = new Sql(dataSource, "ALERT-STORE-FAILED");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public AlertThresholds thresholds() {
        AlertThresholds current = thresholds.get();
        if (current == null) {
            Map<AlertKind, Double> stored = new EnumMap<>(AlertKind.class);
            sql.query("SELECT KIND, LIMIT_VALUE FROM OCR.ALERT_THRESHOLD", ps -> { }, rs -> {
                double limit = rs.getDouble(2);
                known(rs.getString(1)).ifPresent(kind -> stored.put(kind, limit));
                return null;
            });
            current = new AlertThresholds(stored);
            thresholds.set(current);
        }
        return current;
    }

    /**
     * Changes one threshold (effective at the next evaluation) and writes it to the audit journal.
     *
     * @throws WorkstationException {@code ALERT-THRESHOLD-INVALID} for a value not above zero, or a percentage above 100
     */
    public synchronized AlertThresholds setThreshold(AlertKind kind, double limit) {
        if (!(limit > 0) || Double.isInfinite(limit) || (kind.unit() == AlertKind.Unit.PERCENT && limit > 100)) {
            throw new WorkstationException("ALERT-THRESHOLD-INVALID", "invalid threshold " + limit + " for " + kind,
                    kind.code(), limit);
        }
        double before = thresholds().limit(kind);
        sql.update("MERGE INTO OCR.ALERT_THRESHOLD (KIND, LIMIT_VALUE, UPDATED_AT) KEY (KIND) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, kind.name());
            ps.setDouble(2, limit);
            setInstant(ps, 3, clock.instant());
        });
        Map<AlertKind, Double> limits = new HashMap<>(thresholds().limits());
        limits.put(kind, limit);
        AlertThresholds next = new AlertThresholds(limits);
        thresholds.set(next);
        journal.record(ACTION_THRESHOLD_CHANGED, kind.code(), number(before) + " -> " + number(limit) + " "
                + kind.unit().name().toLowerCase(Locale.ROOT));
        return next;
    }

    /**
     * Raises an alert for each condition newly met, keeps the worst value of those still met, and clears those
     * no longer met.
     */
    public synchronized void evaluate(List<Condition> met, Instant now) {
        Map<String, Alert> open = new HashMap<>();
        for (Alert alert : sql.query("SELECT " + COLUMNS + " FROM OCR.ALERT WHERE CLEARED_AT IS NULL", ps -> { },
                AlertBook::alert)) {
            open.put(key(alert.kind(), alert.subject()), alert);
        }
        for (Condition condition : met) {
            Alert already = open.remove(key(condition.kind(), condition.subject()));
            if (already == null) {
                raise(condition, now);
            } else if (condition.measured() > already.measured()) {
                sql.update("UPDATE OCR.ALERT SET MEASURED = ? WHERE ID = ?", ps -> {
                    ps.setDouble(1, condition.measured());
                    ps.setLong(2, already.id());
                });
            }
        }
        for (Alert ended : open.values()) {
            if (sql.update("UPDATE OCR.ALERT SET CLEARED_AT = ? WHERE ID = ? AND CLEARED_AT IS NULL", ps -> {
                setInstant(ps, 1, now);
                ps.setLong(2, ended.id());
            }) == 1) {
                LOG.info("alert {} {} cleared", ended.kind().code(), ended.subject());
                Alert cleared = find(ended.id()).orElseThrow();
                listeners.forEach(l -> l.cleared(cleared));
            }
        }
    }

    private void raise(Condition condition, Instant now) {
        double limit = thresholds().limit(condition.kind());
        long id = sql.first("SELECT ID FROM FINAL TABLE (INSERT INTO OCR.ALERT (KIND, SUBJECT, SUBJECT_LABEL, MEASURED, "
                + "LIMIT_VALUE, RAISED_AT) VALUES (?, ?, ?, ?, ?, ?))", ps -> {
                    ps.setString(1, condition.kind().name());
                    ps.setString(2, condition.subject());
                    ps.setString(3, clip(condition.subjectLabel(), 500));
                    ps.setDouble(4, condition.measured());
                    ps.setDouble(5, limit);
                    setInstant(ps, 6, now);
                }, rs -> rs.getLong(1)).orElseThrow();
        LOG.warn("alert {} raised for '{}': {} over {}", condition.kind().code(), condition.subjectLabel(),
                number(condition.measured()), number(limit));
        Alert raised = find(id).orElseThrow();
        listeners.forEach(l -> l.raised(raised));
    }

    /** Alerts still on or not acknowledged yet, newest first. */
    public List<Alert> needingAttention() {
        return sql.query("SELECT " + COLUMNS + " FROM OCR.ALERT WHERE CLEARED_AT IS NULL OR ACKNOWLEDGED_AT IS NULL "
                + "ORDER BY RAISED_AT DESC, ID DESC LIMIT 500", ps -> { }, AlertBook::alert);
    }

    /** Every alert raised since {@code since}, newest first (the history). */
    public List<Alert> raisedSince(Instant since) {
        return sql.query("SELECT " + COLUMNS + " FROM OCR.ALERT WHERE RAISED_AT >= ? ORDER BY RAISED_AT DESC, ID DESC",
                ps -> setInstant(ps, 1, since), AlertBook::alert);
    }

    public Optional<Alert> find(long id) {
        return sql.first("SELECT " + COLUMNS + " FROM OCR.ALERT WHERE ID = ?", ps -> ps.setLong(1, id), AlertBook::alert);
    }

    /**
     * A person saw the alert: recorded with their name and the time, and in the audit journal. Acknowledging
     * twice keeps the first acknowledgement.
     *
     * @throws WorkstationException {@code ALERT-NOT-FOUND}
     */
    public Alert acknowledge(long id, String who) {
        Objects.requireNonNull(who, "who");
        Alert alert = find(id).orElseThrow(() -> new WorkstationException("ALERT-NOT-FOUND", "no alert " + id, id));
        Instant now = clock.instant();
        int changed = sql.update("UPDATE OCR.ALERT SET ACKNOWLEDGED_AT = ?, ACKNOWLEDGED_BY = ? WHERE ID = ? "
                + "AND ACKNOWLEDGED_AT IS NULL", ps -> {
                    setInstant(ps, 1, now);
                    ps.setString(2, clip(who, 200));
                    ps.setLong(3, id);
                });
        if (changed == 1) {
            journal.record(ACTION_ACKNOWLEDGED, alert.kind().code() + (alert.subject().isEmpty() ? "" : " " + alert.subject()),
                    "acknowledged by " + who + ": " + alert.subjectLabel() + " " + number(alert.measured()) + " over "
                            + number(alert.limit()) + ", raised " + alert.raisedAt());
        }
        return find(id).orElseThrow();
    }

    /** Forgets alerts that ended and were acknowledged before {@code before}. */
    int prune(Instant before) {
        return sql.update("DELETE FROM OCR.ALERT WHERE CLEARED_AT < ? AND ACKNOWLEDGED_AT IS NOT NULL",
                ps -> setInstant(ps, 1, before));
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), AlertKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getDouble(5), rs.getDouble(6), instant(rs, 7).orElseThrow(), instant(rs, 8), instant(rs, 9),
                Optional.ofNullable(rs.getString(10)));
    }

    private static Optional<AlertKind> known(String name) {
        try {
            return Optional.of(AlertKind.valueOf(name));
        } catch (IllegalArgumentException e) {
            LOG.warn("unknown alert kind '{}' in the thresholds, ignored", name);
            return Optional.empty();
        }
    }

    private static String key(AlertKind kind, String subject) {
        return kind.name() + "|" + subject;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
