package fr.novaevo.workstation.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import fr.novaevo.workstation.core.error.WorkstationException;

/** The audit journal in the {@code CORE.AUDIT_ENTRY} table. */
public final class JdbcAuditJournal implements AuditJournal {

    static final String GENESIS = "0".repeat(64);
    private static final int MAX_SUBJECT = 500;
    private static final int MAX_DETAILS = 8000;

    private final DataSource dataSource;
    private final Clock clock;
    private final Supplier<String> actor;

    /**
     * @param actor who is acting: the operating-system user, or the technician chosen in the settings
     */
    public JdbcAuditJournal(DataSource dataSource, Clock clock, Supplier<String> actor) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.actor = actor;
    }

    @Override
    public synchronized AuditEntry record(String action, String subject, String details) {
        if (action == null || !action.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {
            throw new IllegalArgumentException("audit action must be a dotted lower-case code: " + action);
        }
        return append(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor.get(), action, subject, details);
    }

    private AuditEntry append(Instant at, String actorName, String action, String subject, String details) {
        String who = truncate(actorName, 200);
        String what = truncate(subject == null ? "" : subject, MAX_SUBJECT);
        String how = truncate(details == null ? "" : details, MAX_DETAILS);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String previous = lastHash(connection);
                String hash = hash(previous, at, who, action, what, how);
                long sequence;
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO CORE.AUDIT_ENTRY (OCCURRED_AT, ACTOR, ACTION, SUBJECT, DETAILS, PREVIOUS_HASH, HASH) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    insert.setString(2, who);
                    insert.setString(3, action);
                    insert.setString(4, what);
                    insert.setString(5, how);
                    insert.setString(6, previous);
                    insert.setString(7, hash);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        sequence = keys.getLong(1);
                    }
                }
                connection.commit();
                return new AuditEntry(sequence, at, who, action, what, how, previous, hash);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WorkstationException("AUDIT-WRITE", "cannot write to the audit journal", e);
        }
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> all() {
        List<AuditEntry> entries = new ArrayList<>(find(AuditQuery.all().withLimit(Integer.MAX_VALUE)));
        java.util.Collections.reverse(entries);
        return entries;
    }

    /**
     * After a restore: appends the entries of the replaced journal that the restored one does not hold (those
     * written after the backup was taken), keeping their time, actor and content. The journal records what
     * happened, and a restore does not undo what happened. Returns how many entries were carried over.
     */
    public synchronized int carryOver(List<AuditEntry> replacedJournal) {
        java.util.Set<String> present = new java.util.HashSet<>();
        all().forEach(e -> present.add(e.hash()));
        int carried = 0;
        for (AuditEntry entry : replacedJournal) {
            if (!present.contains(entry.hash())) {
                append(entry.occurredAt(), entry.actor(), entry.action(), entry.subject(), entry.details());
                carried++;
            }
        }
        return carried;
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM CORE.AUDIT_ENTRY WHERE 1=1");
        List<Object> parameters = new ArrayList<>();
        query.from().ifPresent(from -> {
            sql.append(" AND OCCURRED_AT >= ?");
            parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        });
        query.to().ifPresent(to -> {
            sql.append(" AND OCCURRED_AT < ?");
            parameters.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        });
        query.actionPrefix().ifPresent(prefix -> {
            sql.append(" AND ACTION LIKE ? ESCAPE '\\'");
            parameters.add(escapeLike(prefix) + "%");
        });
        query.text().ifPresent(text -> {
            sql.append(" AND (LOWER(SUBJECT) LIKE ? ESCAPE '\\' OR LOWER(DETAILS) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(ACTOR) LIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        });
        sql.append(" ORDER BY SEQ DESC LIMIT ?");
        parameters.add(Math.max(1, query.limit()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(read(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new WorkstationException("AUDIT-READ", "cannot read the audit journal", e);
        }
    }

    @Override
    public AuditVerification verify() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM CORE.AUDIT_ENTRY ORDER BY SEQ")) {
            String expectedPrevious = GENESIS;
            long count = 0;
            while (rows.next()) {
                AuditEntry entry = read(rows);
                count++;
                String recomputed = hash(entry.previousHash(), entry.occurredAt(), entry.actor(), entry.action(),
                        entry.subject(), entry.details());
                if (!entry.previousHash().equals(expectedPrevious) || !entry.hash().equals(recomputed)) {
                    return new AuditVerification(count, OptionalLong.of(entry.sequence()));
                }
                expectedPrevious = entry.hash();
            }
            return new AuditVerification(count, OptionalLong.empty());
        } catch (SQLException e) {
            throw new WorkstationException("AUDIT-READ", "cannot read the audit journal", e);
        }
    }

    private static String lastHash(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT HASH FROM CORE.AUDIT_ENTRY ORDER BY SEQ DESC LIMIT 1")) {
            return row.next() ? row.getString(1) : GENESIS;
        }
    }

    private static AuditEntry read(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("SEQ"), row.getObject("OCCURRED_AT", OffsetDateTime.class).toInstant(),
                row.getString("ACTOR"), row.getString("ACTION"), row.getString("SUBJECT"), row.getString("DETAILS"),
                row.getString("PREVIOUS_HASH"), row.getString("HASH"));
    }

    static String hash(String previous, Instant at, String actor, String action, String subject, String details) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {previous, at.toString(), actor, action, subject, details}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length-prefixed, so that moving text from one field to the next changes the hash.
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
