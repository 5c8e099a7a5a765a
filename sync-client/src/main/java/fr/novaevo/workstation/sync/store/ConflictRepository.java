package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.core.audit.AuditJournal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Conflicts waiting for the user, and the user's choice (journaled as {@code sync.conflict.resolved}). */
public final class ConflictRepository {

    /** The pseudo-field of a local delete that met a platform change. */
    public static final String DELETED = "deleted";

    public enum Choice {
        /** Send my value, on top of the platform's current copy. */
        KEEP_MINE,
        /** Take the platform's value: nothing is sent. */
        TAKE_THEIRS
    }

    private final SyncDatabase db;
    private final Rows rows;
    private final BookingRepository bookings;
    private final AuditJournal audit;

    public ConflictRepository(SyncDatabase db, BookingRepository bookings, AuditJournal audit) {
        this.db = db;
        this.rows = new Rows(db);
        this.bookings = bookings;
        this.audit = audit;
    }

    public List<BookingConflict> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ENTITY_ID, FIELD, BASE_VALUE, LOCAL_VALUE, REMOTE_VALUE,"
                    + " REMOTE_REV, DETECTED_AT FROM SYNC.CONFLICT ORDER BY DETECTED_AT, ENTITY_ID, FIELD");
                 ResultSet rs = ps.executeQuery()) {
                List<BookingConflict> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(new BookingConflict(rs.getObject(1, UUID.class), rs.getString(2), db.parse(rs.getString(3)),
                            db.parse(rs.getString(4)), db.parse(rs.getString(5)), rs.getLong(6),
                            rs.getObject(7, java.time.OffsetDateTime.class).toInstant()));
                }
                return result;
            }
        });
    }

    public List<BookingConflict> of(UUID bookingId) {
        return all().stream().filter(k -> k.bookingId().equals(bookingId)).toList();
    }

    /** Settles one conflict as the user chose, in one transaction with the outbox entry it may create. */
    public void resolve(UUID bookingId, String field, Choice choice) {
        BookingConflict conflict = of(bookingId).stream().filter(k -> k.field().equals(field)).findFirst()
                .orElseThrow(() -> new LocalEditException(LocalEditException.NOT_FOUND,
                        "no conflict on " + field + " of " + bookingId, bookingId.toString()));
        db.write(c -> {
            rows.deleteConflicts(c, bookingId, List.of(field));
            if (choice == Choice.KEEP_MINE) {
                if (DELETED.equals(field)) {
                    bookings.applyDelete(c, bookingId);
                } else {
                    JsonNode mine = conflict.localValue();
                    BookingFields.check(field, mine);
                    bookings.applyEdit(c, bookingId, Map.of(field, mine));
                }
            }
            return null;
        });
        audit.record("sync.conflict.resolved", bookingId.toString(),
                "field=" + field + "; choice=" + choice.name().toLowerCase(java.util.Locale.ROOT)
                        + "; platformRev=" + conflict.remoteRev());
    }
}
