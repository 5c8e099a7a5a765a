package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dead-letter list. Nothing in it is sent again by itself (a rejected operation must not be resent
 * unchanged): the user discards an entry, or sends it again, usually after correcting it.
 */
public final class DeadLetterRepository {

    private final SyncDatabase db;
    private final Rows rows;
    private final BookingRepository bookings;
    private final AuditJournal audit;

    public DeadLetterRepository(SyncDatabase db, BookingRepository bookings, AuditJournal audit) {
        this.db = db;
        this.rows = new Rows(db);
        this.bookings = bookings;
        this.audit = audit;
    }

    public List<DeadLetter> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, ENTITY_TYPE, ENTITY_ID, OP, FIELDS_JSON, OP_ID,"
                    + " ERROR_CODE, ERROR_MESSAGE, CREATED_AT FROM SYNC.DEAD_LETTER ORDER BY ID");
                 ResultSet rs = ps.executeQuery()) {
                List<DeadLetter> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(new DeadLetter(rs.getLong(1), EntityType.fromJson(rs.getString(2)),
                            rs.getObject(3, UUID.class), OpKind.fromJson(rs.getString(4)), db.parseObject(rs.getString(5)),
                            rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
                return result;
            }
        });
    }

    public Optional<DeadLetter> find(long id) {
        return all().stream().filter(d -> d.id() == id).findFirst();
    }

    public void discard(long id) {
        DeadLetter letter = find(id).orElseThrow(() -> missing(id));
        db.write(c -> {
            remove(c, id);
            return null;
        });
        audit.record("sync.deadletter.discarded", letter.entityId().toString(),
                letter.op().wire() + " " + letter.type().wire() + " (" + letter.errorCode() + ")");
    }

    /**
     * Sends an entry again as a new local change, with {@code fields} as corrected by the user (null: as it
     * was). A booking update is applied on top of the current copy; a create recreates the walk-in; a sale is
     * declared again.
     */
    public void resend(long id, ObjectNode fields) {
        DeadLetter letter = find(id).orElseThrow(() -> missing(id));
        ObjectNode effective = fields == null ? letter.fields() : fields;
        List<String> settled = new java.util.ArrayList<>();
        db.write(c -> {
            remove(c, id);
            switch (letter.type()) {
                case BOOKING -> {
                    switch (letter.op()) {
                        case UPDATE -> {
                            Map<String, JsonNode> changes = new LinkedHashMap<>();
                            effective.properties().forEach(e -> changes.put(e.getKey(), e.getValue()));
                            changes.forEach(BookingFields::check);
                            settled.addAll(bookings.applyEdit(c, letter.entityId(), changes));
                        }
                        case CREATE -> {
                            if (rows.booking(c, letter.entityId()).isPresent()) {
                                throw new LocalEditException(LocalEditException.INVALID_FIELD,
                                        "booking exists already", "id");
                            }
                            rows.saveBooking(c, new BookingRow(letter.entityId(), null, null, false, effective, false, 0));
                            rows.insertOutbox(c, EntityType.BOOKING, letter.entityId(), OpKind.CREATE, effective, 0);
                        }
                        case DELETE -> bookings.applyDelete(c, letter.entityId());
                    }
                }
                case SALE -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE SYNC.SALE SET STATE = 'PENDING', JSON = ? WHERE ID = ?")) {
                        ps.setString(1, effective.toString());
                        ps.setObject(2, letter.entityId());
                        ps.executeUpdate();
                    }
                    rows.insertOutbox(c, EntityType.SALE, letter.entityId(), OpKind.CREATE, effective, 0);
                }
                case COMMISSION -> throw new IllegalStateException("commissions are never pushed");
            }
            return null;
        });
        bookings.journalSettled(letter.entityId(), settled);
        audit.record("sync.deadletter.resent", letter.entityId().toString(),
                letter.op().wire() + " " + letter.type().wire() + (fields == null ? " unchanged" : " corrected"));
    }

    private static void remove(java.sql.Connection c, long id) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.DEAD_LETTER WHERE ID = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static LocalEditException missing(long id) {
        return new LocalEditException(LocalEditException.NOT_FOUND, "no dead letter " + id, Long.toString(id));
    }
}
