package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.sync.json.JsonPaths;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The bookings as the workstation sees and changes them. Every change is written with its outbox row in
 * one transaction; edits of an entity not yet sent are coalesced into one pending operation (a walk-in's
 * create, or the update that follows it when its new status is one a create cannot carry).
 */
public final class BookingRepository {

    private final SyncDatabase db;
    private final Rows rows;
    private final AuditJournal audit;

    /** @param audit where an edit that settles a conflict is journaled ({@code sync.conflict.resolved}) */
    public BookingRepository(SyncDatabase db, AuditJournal audit) {
        this.db = db;
        this.rows = new Rows(db);
        this.audit = audit;
    }

    // ------------------------------------------------------------ queries

    public Optional<LocalBooking> find(UUID id) {
        List<LocalBooking> found = query("B.ID = ?", ps -> ps.setObject(1, id));
        return found.stream().findFirst();
    }

    /** Bookings starting in {@code [from, to)}, by start time: an agenda day or week. */
    public List<LocalBooking> between(Instant from, Instant to) {
        return query("B.SLOT_START >= ? AND B.SLOT_START < ?", ps -> {
            ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        });
    }

    /**
     * Bookings that would overlap {@code [start, start + minutes)} on {@code bay} by the platform's rule
     * (bay names compared ignoring case and spaces; cancelled and no-show bookings free their bay), except
     * {@code self}: the agenda warns before the platform answers {@code slot_taken}.
     */
    public List<LocalBooking> overlapping(String bay, Instant start, int minutes, UUID self) {
        String key = bayKey(bay);
        Instant end = start.plusSeconds(60L * minutes);
        // Bookings last at most a week (10,080 minutes): look that far back.
        return between(start.minusSeconds(60L * 10_080), end).stream()
                .filter(b -> !b.booking().id().equals(self))
                .filter(b -> b.booking().status().occupiesBay())
                .filter(b -> bayKey(b.booking().bay()).equals(key))
                .filter(b -> b.booking().slotStart().isBefore(end) && start.isBefore(b.booking().slotEnd()))
                .toList();
    }

    private static String bayKey(String bay) {
        return bay == null ? "" : bay.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    public List<LocalBooking> all() {
        return query("TRUE", ps -> { });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<LocalBooking> query(String where, Binder binder) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT B.LOCAL_JSON,"
                    + " EXISTS (SELECT 1 FROM SYNC.OUTBOX O WHERE O.ENTITY_ID = B.ID),"
                    + " EXISTS (SELECT 1 FROM SYNC.CONFLICT F WHERE F.ENTITY_ID = B.ID)"
                    + " FROM SYNC.BOOKING B WHERE B.DELETING = FALSE AND " + where + " ORDER BY B.SLOT_START, B.ID")) {
                binder.bind(ps);
                List<LocalBooking> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BookingSyncState state = rs.getBoolean(3) ? BookingSyncState.CONFLICT
                                : rs.getBoolean(2) ? BookingSyncState.PENDING : BookingSyncState.SYNCED;
                        result.add(new LocalBooking(toBooking(db.parseObject(rs.getString(1))), state));
                    }
                }
                return result;
            }
        });
    }

    private Booking toBooking(ObjectNode node) {
        try {
            return db.json().treeToValue(node, Booking.class);
        } catch (Exception e) {
            throw new SyncStoreException("unreadable booking in the sync database", e);
        }
    }

    // ------------------------------------------------------------ changes

    /**
     * A walk-in booking created at the workstation ({@code source: "workstation"}). The id is generated when
     * the draft has none.
     */
    public LocalBooking createWalkIn(Booking draft) {
        UUID id = draft.id() != null ? draft.id() : db.ids().next();
        if (draft.status() == null || !draft.status().allowedOnCreate()) {
            throw new LocalEditException(LocalEditException.INVALID_FIELD, "a walk-in starts requested to in progress", "status");
        }
        requireCreate(draft.slotStart() != null, "slotStart");
        requireCreate(draft.durationMinutes() != null && draft.durationMinutes() >= 1 && draft.durationMinutes() <= 10_080,
                "durationMinutes");
        requireCreate(draft.bay() != null && !draft.bay().isBlank(), "bay");
        requireCreate(draft.customer() != null && draft.customer().name() != null && !draft.customer().name().isBlank(),
                "customer.name");
        requireCreate(draft.service() != null && draft.service().code() != null, "service.code");
        requireCreate(draft.vehicle() == null || draft.vehicle().vin() == null
                || fr.novaevo.workstation.sync.model.Vehicle.isValidVin(draft.vehicle().vin()), "vehicle.vin");
        Booking normalized = new Booking(id, null, null, draft.status(), draft.slotStart(), draft.durationMinutes(),
                draft.bay(), draft.customer(), draft.vehicle() == null ? fr.novaevo.workstation.sync.model.Vehicle.UNKNOWN
                : draft.vehicle(), draft.service(), draft.notes() == null ? "" : draft.notes(), Booking.SOURCE_WORKSTATION,
                null, null);
        ObjectNode fields = db.json().valueToTree(normalized);
        fields.remove(List.of("rev", "garageId", "createdAt", "updatedAt"));
        db.write(c -> {
            if (rows.booking(c, id).isPresent()) {
                throw new LocalEditException(LocalEditException.INVALID_FIELD, "booking exists already", "id");
            }
            rows.saveBooking(c, new BookingRow(id, null, null, false, fields, false, 0));
            rows.insertOutbox(c, EntityType.BOOKING, id, OpKind.CREATE, fields, 0);
            return null;
        });
        return find(id).orElseThrow();
    }

    private static void requireCreate(boolean ok, String path) {
        if (!ok) {
            throw new LocalEditException(LocalEditException.INVALID_FIELD, "invalid value for " + path, path);
        }
    }

    public LocalBooking setStatus(UUID id, BookingStatus status) {
        return update(id, Map.of("status", db.json().valueToTree(status)));
    }

    /** Moves a booking; {@code bay} null keeps the bay. */
    public LocalBooking reschedule(UUID id, Instant start, Integer durationMinutes, String bay) {
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        changes.put("slotStart", db.json().valueToTree(start.toString()));
        if (durationMinutes != null) {
            changes.put("durationMinutes", db.json().valueToTree(durationMinutes));
        }
        if (bay != null) {
            changes.put("bay", db.json().valueToTree(bay));
        }
        return update(id, changes);
    }

    /** The VIN and mileage read at the bench. */
    public LocalBooking recordVehicle(UUID id, String vin, Long mileageKm) {
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        if (vin != null) {
            changes.put("vehicle.vin", db.json().valueToTree(vin));
        }
        if (mileageKm != null) {
            changes.put("vehicle.mileageKm", db.json().valueToTree(mileageKm));
        }
        return update(id, changes);
    }

    public LocalBooking setNotes(UUID id, String notes) {
        return update(id, Map.of("notes", db.json().valueToTree(notes == null ? "" : notes)));
    }

    /**
     * Changes writable fields (dotted paths). Editing a field that is in conflict settles that conflict with
     * the new value.
     */
    public LocalBooking update(UUID id, Map<String, JsonNode> changes) {
        if (changes.isEmpty()) {
            return find(id).orElseThrow(() -> notFound(id));
        }
        changes.forEach(BookingFields::check);
        List<String> settled = db.write(c -> applyEdit(c, id, changes));
        journalSettled(id, settled);
        return find(id).orElseThrow();
    }

    /** Journals, once the transaction is committed, the conflicts a new value settled. */
    void journalSettled(UUID id, List<String> fields) {
        for (String field : fields) {
            audit.record("sync.conflict.resolved", id.toString(), "field=" + field + "; choice=edited");
        }
    }

    /**
     * The edit, coalesced, within the caller's transaction (conflict resolution and dead-letter resend use
     * it too).
     *
     * @return the fields whose open conflict this new value settled
     */
    List<String> applyEdit(Connection c, UUID id, Map<String, JsonNode> changes) throws SQLException {
        BookingRow row = rows.booking(c, id).filter(r -> !r.deleting()).orElseThrow(() -> notFound(id));
        JsonNode status = changes.get("status");
        if (status != null) {
            BookingStatus from = BookingStatus.fromJson(row.local().get("status").asText());
            BookingStatus to = BookingStatus.fromJson(status.asText());
            if (from != to && !from.canBecome(to)) {
                throw new LocalEditException(LocalEditException.INVALID_TRANSITION,
                        from.wire() + " cannot become " + to.wire(), from.wire(), to.wire());
            }
        }
        List<OutboxRow> ops = rows.outbox(c, id);
        OutboxRow pending = ops.stream().filter(o -> !o.inFlight()).reduce((a, b) -> b).orElse(null);
        if (pending != null && pending.op() == OpKind.CREATE) {
            Map<String, JsonNode> intoCreate = new LinkedHashMap<>(changes);
            if (status != null && !BookingStatus.fromJson(status.asText()).allowedOnCreate()) {
                // The platform creates bookings requested to in progress only: a walk-in cancelled (or finished)
                // before its first sync is created as it was, and the new status follows as an update, sent once
                // the create is answered (one unanswered operation per entity).
                intoCreate.remove("status");
                ObjectNode follow = db.json().createObjectNode();
                follow.set("status", status);
                rows.insertOutbox(c, EntityType.BOOKING, id, OpKind.UPDATE, follow, 0);
            }
            ObjectNode fields = pending.fields().deepCopy();
            intoCreate.forEach((path, value) -> JsonPaths.set(fields, path, value));
            rows.updateOutboxFields(c, pending.seq(), OpKind.CREATE, fields);
        } else {
            ObjectNode reference = reference(row, ops.stream().filter(o -> o != pending).toList());
            ObjectNode fields = pending == null ? db.json().createObjectNode() : pending.fields().deepCopy();
            changes.forEach(fields::set);
            List<String> unchanged = new ArrayList<>();
            fields.properties().forEach(e -> {
                if (reference != null && JsonPaths.same(JsonPaths.get(reference, e.getKey()), e.getValue())) {
                    unchanged.add(e.getKey());
                }
            });
            fields.remove(unchanged);
            if (pending == null && !fields.isEmpty()) {
                rows.insertOutbox(c, EntityType.BOOKING, id, OpKind.UPDATE, fields, 0);
            } else if (pending != null && fields.isEmpty()) {
                rows.deleteOutbox(c, pending.seq());
            } else if (pending != null) {
                rows.updateOutboxFields(c, pending.seq(), OpKind.UPDATE, fields);
            }
        }
        List<String> settled = rows.conflictedLocalValues(c, id).keySet().stream()
                .filter(changes::containsKey).toList();
        rows.deleteConflicts(c, id, settled);
        rows.recomputeLocal(c, id);
        return settled;
    }

    /**
     * What a pending change is made against: the platform's copy with the operations ahead of it on top (one
     * in flight, or a walk-in's create not sent yet).
     */
    private static ObjectNode reference(BookingRow row, List<OutboxRow> ahead) {
        ObjectNode ref = row.base() == null ? null : row.base().deepCopy();
        for (OutboxRow op : ahead) {
            if (op.op() == OpKind.CREATE) {
                ref = op.fields().deepCopy();
            } else if (ref != null) {
                ObjectNode target = ref;
                op.fields().properties().forEach(e -> JsonPaths.set(target, e.getKey(), e.getValue()));
            }
        }
        return ref;
    }

    /**
     * Deletes a walk-in still {@code requested}. One never sent is simply forgotten; otherwise a delete
     * operation replaces any pending edit.
     */
    public void delete(UUID id) {
        db.write(c -> {
            applyDelete(c, id);
            return null;
        });
    }

    /** The delete, within the caller's transaction (conflict resolution and dead-letter resend use it too). */
    void applyDelete(Connection c, UUID id) throws SQLException {
        BookingRow row = rows.booking(c, id).filter(r -> !r.deleting()).orElseThrow(() -> notFound(id));
        List<OutboxRow> ops = rows.outbox(c, id);
        boolean neverSent = ops.stream().anyMatch(o -> o.op() == OpKind.CREATE && !o.inFlight());
        if (neverSent) {
            for (OutboxRow op : ops) {
                rows.deleteOutbox(c, op.seq());
            }
            rows.deleteBooking(c, id);
            return;
        }
        if (!Booking.SOURCE_WORKSTATION.equals(row.local().path("source").asText())
                || !BookingStatus.REQUESTED.wire().equals(row.local().path("status").asText())) {
            throw new LocalEditException(LocalEditException.NOT_DELETABLE,
                    "only requested walk-ins can be deleted: cancel instead");
        }
        OutboxRow pending = ops.stream().filter(o -> !o.inFlight()).findFirst().orElse(null);
        if (pending != null) {
            rows.updateOutboxFields(c, pending.seq(), OpKind.DELETE, db.json().createObjectNode());
        } else {
            rows.insertOutbox(c, EntityType.BOOKING, id, OpKind.DELETE, db.json().createObjectNode(), 0);
        }
        rows.recomputeLocal(c, id);
    }

    private static LocalEditException notFound(UUID id) {
        return new LocalEditException(LocalEditException.NOT_FOUND, "no booking " + id, id.toString());
    }
}
