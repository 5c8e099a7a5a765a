package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.JsonPaths;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Row-level reads and writes of the sync tables, inside a caller's transaction. */
final class Rows {

    private final SyncDatabase db;

    Rows(SyncDatabase db) {
        this.db = db;
    }

    // ------------------------------------------------------------ bookings

    Optional<BookingRow> booking(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT REV, BASE_JSON, BASE_DERIVED, LOCAL_JSON, DELETING, SEEN_GEN FROM SYNC.BOOKING WHERE ID = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long rev = rs.getLong(1);
                return Optional.of(new BookingRow(id, rs.wasNull() ? null : rev, db.parseObject(rs.getString(2)),
                        rs.getBoolean(3), db.parseObject(rs.getString(4)), rs.getBoolean(5), rs.getLong(6)));
            }
        }
    }

    void saveBooking(Connection c, BookingRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO SYNC.BOOKING (ID, REV, BASE_JSON, BASE_DERIVED,"
                + " LOCAL_JSON, DELETING, SLOT_START, BAY, STATUS, SEEN_GEN) KEY (ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, row.id());
            if (row.rev() == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, row.rev());
            }
            ps.setString(3, db.write(row.base()));
            ps.setBoolean(4, row.baseDerived());
            ps.setString(5, db.write(row.local()));
            ps.setBoolean(6, row.deleting());
            ps.setObject(7, OffsetDateTime.ofInstant(Instant.parse(row.local().get("slotStart").asText()), ZoneOffset.UTC));
            ps.setString(8, row.local().path("bay").asText());
            ps.setString(9, row.local().path("status").asText());
            ps.setLong(10, row.seenGen());
            ps.executeUpdate();
        }
    }

    void deleteBooking(Connection c, UUID id) throws SQLException {
        for (String sql : List.of("DELETE FROM SYNC.BOOKING WHERE ID = ?", "DELETE FROM SYNC.CONFLICT WHERE ENTITY_ID = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Recomputes what the user sees: the platform's copy, then the unsent changes in the order they were
     * made. Removes the row when nothing is left (a walk-in whose create went away).
     */
    void recomputeLocal(Connection c, UUID id) throws SQLException {
        Optional<BookingRow> found = booking(c, id);
        if (found.isEmpty()) {
            return;
        }
        BookingRow row = found.get();
        ObjectNode local = row.base() == null ? null : row.base().deepCopy();
        boolean deleting = false;
        for (OutboxRow op : outbox(c, id)) {
            switch (op.op()) {
                case CREATE -> local = op.fields().deepCopy();
                case UPDATE -> {
                    if (local != null) {
                        ObjectNode target = local;
                        op.fields().properties().forEach(e -> JsonPaths.set(target, e.getKey(), e.getValue()));
                    }
                }
                case DELETE -> deleting = true;
            }
        }
        if (local == null) {
            deleteBooking(c, id);
            return;
        }
        saveBooking(c, new BookingRow(id, row.rev(), row.base(), row.baseDerived(), local, deleting, row.seenGen()));
    }

    // ------------------------------------------------------------ outbox

    List<OutboxRow> outbox(Connection c, UUID entityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OUTBOX_SELECT + " WHERE ENTITY_ID = ? ORDER BY SEQ")) {
            ps.setObject(1, entityId);
            return readOutbox(ps);
        }
    }

    List<OutboxRow> outboxInBatch(Connection c, UUID batchKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OUTBOX_SELECT + " WHERE BATCH_KEY = ? ORDER BY SEQ")) {
            ps.setObject(1, batchKey);
            return readOutbox(ps);
        }
    }

    List<OutboxRow> pendingOutbox(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OUTBOX_SELECT + " WHERE STATE = 'PENDING' AND ENTITY_ID NOT IN"
                + " (SELECT ENTITY_ID FROM SYNC.OUTBOX WHERE STATE = 'IN_FLIGHT') ORDER BY SEQ LIMIT ?")) {
            ps.setInt(1, limit);
            return readOutbox(ps);
        }
    }

    private static final String OUTBOX_SELECT = "SELECT SEQ, ENTITY_TYPE, ENTITY_ID, OP, FIELDS_JSON, STATE, OP_ID,"
            + " BASE_REV, BATCH_KEY, CONFLICTS FROM SYNC.OUTBOX";

    private List<OutboxRow> readOutbox(PreparedStatement ps) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long baseRev = rs.getLong(8);
                Long base = rs.wasNull() ? null : baseRev;
                rows.add(new OutboxRow(rs.getLong(1), EntityType.fromJson(rs.getString(2)), rs.getObject(3, UUID.class),
                        OpKind.fromJson(rs.getString(4)), db.parseObject(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, UUID.class), base, rs.getObject(9, UUID.class), rs.getInt(10)));
            }
        }
        return rows;
    }

    long insertOutbox(Connection c, EntityType type, UUID entityId, OpKind op, ObjectNode fields, int conflicts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SYNC.OUTBOX (ENTITY_TYPE, ENTITY_ID, OP, FIELDS_JSON,"
                + " STATE, CONFLICTS, CREATED_AT) VALUES (?, ?, ?, ?, 'PENDING', ?, ?)", new String[] {"SEQ"})) {
            ps.setString(1, type.wire());
            ps.setObject(2, entityId);
            ps.setString(3, op.wire());
            ps.setString(4, db.write(fields));
            ps.setInt(5, conflicts);
            ps.setObject(6, now());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void updateOutboxFields(Connection c, long seq, OpKind op, ObjectNode fields) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE SYNC.OUTBOX SET OP = ?, FIELDS_JSON = ? WHERE SEQ = ?")) {
            ps.setString(1, op.wire());
            ps.setString(2, db.write(fields));
            ps.setLong(3, seq);
            ps.executeUpdate();
        }
    }

    /** Back to PENDING after a conflict: a new opId and baseRev will be given when it is sent again. */
    void requeue(Connection c, long seq, ObjectNode fields, int conflicts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE SYNC.OUTBOX SET STATE = 'PENDING', OP_ID = NULL,"
                + " BASE_REV = NULL, BATCH_KEY = NULL, FIELDS_JSON = ?, CONFLICTS = ? WHERE SEQ = ?")) {
            ps.setString(1, db.write(fields));
            ps.setInt(2, conflicts);
            ps.setLong(3, seq);
            ps.executeUpdate();
        }
    }

    void deleteOutbox(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.OUTBOX WHERE SEQ = ?")) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------ conflicts and dead letters

    void saveConflict(Connection c, UUID entityId, ThreeWayMerge.FieldConflict conflict, long remoteRev) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO SYNC.CONFLICT (ENTITY_ID, FIELD, BASE_VALUE, LOCAL_VALUE,"
                + " REMOTE_VALUE, REMOTE_REV, DETECTED_AT) KEY (ENTITY_ID, FIELD) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, entityId);
            ps.setString(2, conflict.path());
            ps.setString(3, db.write(conflict.base()));
            ps.setString(4, db.write(conflict.local()));
            ps.setString(5, db.write(conflict.remote()));
            ps.setLong(6, remoteRev);
            ps.setObject(7, now());
            ps.executeUpdate();
        }
    }

    void deleteConflicts(Connection c, UUID entityId, Iterable<String> fields) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.CONFLICT WHERE ENTITY_ID = ? AND FIELD = ?")) {
            for (String field : fields) {
                ps.setObject(1, entityId);
                ps.setString(2, field);
                ps.executeUpdate();
            }
        }
    }

    void deadLetter(Connection c, OutboxRow row, String code, String message) throws SQLException {
        deadLetter(c, row.type(), row.entityId(), row.op(), row.fields(), row.opId(), code, message);
        deleteOutbox(c, row.seq());
    }

    void deadLetter(Connection c, EntityType type, UUID entityId, OpKind op, ObjectNode fields, UUID opId, String code,
                    String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SYNC.DEAD_LETTER (ENTITY_TYPE, ENTITY_ID, OP,"
                + " FIELDS_JSON, OP_ID, ERROR_CODE, ERROR_MESSAGE, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, type.wire());
            ps.setObject(2, entityId);
            ps.setString(3, op.wire());
            ps.setString(4, db.write(fields));
            ps.setObject(5, opId);
            ps.setString(6, code);
            ps.setString(7, message.length() > 1000 ? message.substring(0, 1000) : message);
            ps.setObject(8, now());
            ps.executeUpdate();
        }
    }

    /** The local values of an entity's open conflicts, by field. */
    Map<String, JsonNode> conflictedLocalValues(Connection c, UUID entityId) throws SQLException {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT FIELD, LOCAL_VALUE FROM SYNC.CONFLICT WHERE ENTITY_ID = ? ORDER BY FIELD")) {
            ps.setObject(1, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), db.parse(rs.getString(2)));
                }
            }
        }
        return values;
    }

    /**
     * The platform's copy moved on: each open conflict now shows the platform's latest value (so that the
     * user never chooses against a value they were not shown), and disappears if the platform took ours.
     */
    void refreshConflicts(Connection c, UUID entityId, ObjectNode remote, long remoteRev) throws SQLException {
        for (Map.Entry<String, JsonNode> open : conflictedLocalValues(c, entityId).entrySet()) {
            String field = open.getKey();
            if (field.equals(ConflictRepository.DELETED)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE SYNC.CONFLICT SET REMOTE_REV = ? WHERE ENTITY_ID = ? AND FIELD = ?")) {
                    ps.setLong(1, remoteRev);
                    ps.setObject(2, entityId);
                    ps.setString(3, field);
                    ps.executeUpdate();
                }
                continue;
            }
            JsonNode theirs = JsonPaths.get(remote, field);
            if (JsonPaths.same(theirs, open.getValue())) {
                deleteConflicts(c, entityId, List.of(field));
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE SYNC.CONFLICT SET REMOTE_VALUE = ?, REMOTE_REV = ?"
                    + " WHERE ENTITY_ID = ? AND FIELD = ?")) {
                ps.setString(1, db.write(theirs));
                ps.setLong(2, remoteRev);
                ps.setObject(3, entityId);
                ps.setString(4, field);
                ps.executeUpdate();
            }
        }
    }

    /** The entity is gone: the user's values still in conflict go to the dead-letter list, not away. */
    void deadLetterConflicts(Connection c, UUID entityId, String code, String message) throws SQLException {
        Map<String, JsonNode> values = conflictedLocalValues(c, entityId);
        values.remove(ConflictRepository.DELETED);
        if (!values.isEmpty()) {
            ObjectNode fields = db.json().createObjectNode();
            values.forEach(fields::set);
            deadLetter(c, EntityType.BOOKING, entityId, OpKind.UPDATE, fields, null, code, message);
        }
    }

    // ------------------------------------------------------------ state

    Optional<String> state(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT VAL FROM SYNC.STATE WHERE NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void setState(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO SYNC.STATE (NAME, VAL) KEY (NAME) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(db.clock().instant(), ZoneOffset.UTC);
    }
}
