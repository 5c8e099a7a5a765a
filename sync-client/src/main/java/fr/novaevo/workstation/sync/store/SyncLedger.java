package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.JsonPaths;
import fr.novaevo.workstation.sync.model.Change;
import fr.novaevo.workstation.sync.model.ChangesPage;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import fr.novaevo.workstation.sync.model.OpOutcome;
import fr.novaevo.workstation.sync.model.PushOp;
import fr.novaevo.workstation.sync.model.PushRequest;
import fr.novaevo.workstation.sync.model.PushResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync engine's side of the store: which batch to send, what each result does to the local copy,
 * how a pulled page is merged in, the cursor, and the full resync after {@code 410 cursor_expired}.
 * Each method is one transaction: a failure leaves the store as it was.
 */
public final class SyncLedger {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLedger.class);

    /** An operation that meets a conflict this many times in a row goes to the dead-letter list. */
    static final int MAX_CONFLICTS = 5;

    private static final String CURSOR = "cursor";
    private static final String RESYNC_GEN = "resync.generation";
    private static final String RESYNCING = "resync.running";
    private static final String LAST_SYNC = "last.sync";

    private final SyncDatabase db;
    private final Rows rows;

    public SyncLedger(SyncDatabase db) {
        this.db = db;
        this.rows = new Rows(db);
    }

    // ------------------------------------------------------------ push

    /**
     * The batch to send now: the unanswered one if there is one (it must be sent again unchanged before
     * anything else), else up to {@code max} pending operations, at most one per entity, in the order they
     * were made. Empty when there is nothing to send.
     */
    public Optional<PendingBatch> nextBatch(int max) {
        return db.write(c -> {
            Optional<PendingBatch> unanswered = unanswered(c);
            if (unanswered.isPresent()) {
                return unanswered;
            }
            List<OutboxRow> pending = rows.pendingOutbox(c, max);
            List<PushOp> ops = new ArrayList<>();
            UUID key = db.ids().next();
            java.util.Set<UUID> entities = new java.util.HashSet<>();
            for (OutboxRow row : pending) {
                if (!entities.add(row.entityId())) {
                    // At most one operation per entity in a batch: a second one waits for the next batch.
                    continue;
                }
                Long baseRev = null;
                if (row.type() == EntityType.BOOKING && row.op() != OpKind.CREATE) {
                    baseRev = rows.booking(c, row.entityId()).map(BookingRow::rev).orElse(null);
                    if (baseRev == null) {
                        // Its create is not acknowledged yet: it waits.
                        continue;
                    }
                }
                UUID opId = db.ids().next();
                ops.add(new PushOp(opId, row.type(), row.entityId(), row.op(), baseRev, row.fields()));
                try (PreparedStatement ps = c.prepareStatement("UPDATE SYNC.OUTBOX SET STATE = 'IN_FLIGHT', OP_ID = ?,"
                        + " BASE_REV = ?, BATCH_KEY = ? WHERE SEQ = ?")) {
                    ps.setObject(1, opId);
                    ps.setObject(2, baseRev);
                    ps.setObject(3, key);
                    ps.setLong(4, row.seq());
                    ps.executeUpdate();
                }
            }
            if (ops.isEmpty()) {
                return Optional.empty();
            }
            PushRequest request = new PushRequest(ops);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO SYNC.PUSH_BATCH (BATCH_KEY, BODY_JSON, CREATED_AT) VALUES (?, ?, ?)")) {
                ps.setObject(1, key);
                ps.setString(2, db.json().writeValueAsString(request));
                ps.setObject(3, rows.now());
                ps.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new SyncStoreException("cannot write a push batch", e);
            }
            return Optional.of(new PendingBatch(key, request, false));
        });
    }

    private Optional<PendingBatch> unanswered(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT BATCH_KEY, BODY_JSON FROM SYNC.PUSH_BATCH");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            try {
                PushRequest request = db.json().readValue(rs.getString(2), PushRequest.class);
                return Optional.of(new PendingBatch(rs.getObject(1, UUID.class), request, true));
            } catch (JsonProcessingException e) {
                throw new SyncStoreException("corrupt unanswered batch", e);
            }
        }
    }

    public boolean hasUnansweredBatch() {
        return db.read(c -> unanswered(c).isPresent());
    }

    /** Applies the platform's answer to a batch, result by result, and forgets the batch. */
    public PushSummary applyResults(PendingBatch batch, PushResponse response) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM SYNC.PUSH_BATCH WHERE BATCH_KEY = ?")) {
                ps.setObject(1, batch.idempotencyKey());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        LOG.warn("answer to batch {} arrived after it was settled: ignored", batch.idempotencyKey());
                        return PushSummary.NONE;
                    }
                }
            }
            Map<UUID, OutboxRow> byOpId = new LinkedHashMap<>();
            for (OutboxRow row : rows.outboxInBatch(c, batch.idempotencyKey())) {
                byOpId.put(row.opId(), row);
            }
            int applied = 0;
            int duplicates = 0;
            int conflicts = 0;
            int rejected = 0;
            for (int i = 0; i < batch.request().ops().size(); i++) {
                PushOp op = batch.request().ops().get(i);
                OutboxRow row = byOpId.get(op.opId());
                if (row == null) {
                    throw new SyncStoreException("batch " + batch.idempotencyKey() + " lost operation " + op.opId(), null);
                }
                switch (response.results().get(i).outcome()) {
                    case OpOutcome.Applied a -> {
                        done(c, row, a.rev());
                        applied++;
                    }
                    case OpOutcome.Duplicate d -> {
                        done(c, row, d.rev());
                        duplicates++;
                    }
                    case OpOutcome.Conflict k -> {
                        conflict(c, row, k.current());
                        conflicts++;
                    }
                    case OpOutcome.Rejected r -> {
                        reject(c, row, r.code(), r.message());
                        rejected++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.PUSH_BATCH WHERE BATCH_KEY = ?")) {
                ps.setObject(1, batch.idempotencyKey());
                ps.executeUpdate();
            }
            return new PushSummary(batch.request().ops().size(), applied, duplicates, conflicts, rejected);
        });
    }

    /**
     * The platform refused the whole batch for good (a {@code 4xx} other than sign-in and rate limits), or it
     * kept failing: every operation of it goes to the dead-letter list, so that sync is not blocked forever.
     *
     * @return how many operations were dead-lettered
     */
    public int abandonBatch(PendingBatch batch, String code, String message) {
        return db.write(c -> {
            List<OutboxRow> inBatch = rows.outboxInBatch(c, batch.idempotencyKey());
            for (OutboxRow row : inBatch) {
                reject(c, row, code, message);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.PUSH_BATCH WHERE BATCH_KEY = ?")) {
                ps.setObject(1, batch.idempotencyKey());
                ps.executeUpdate();
            }
            return inBatch.size();
        });
    }

    /** Counts one more server error answered to this batch; returns the count so far. */
    public int recordServerError(PendingBatch batch) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE SYNC.PUSH_BATCH SET ATTEMPTS = ATTEMPTS + 1 WHERE BATCH_KEY = ?")) {
                ps.setObject(1, batch.idempotencyKey());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ATTEMPTS FROM SYNC.PUSH_BATCH WHERE BATCH_KEY = ?")) {
                ps.setObject(1, batch.idempotencyKey());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Applied (now or by an earlier try): the platform's copy is now ours at {@code rev}. */
    private void done(Connection c, OutboxRow row, long rev) throws SQLException {
        rows.deleteOutbox(c, row.seq());
        if (row.type() == EntityType.SALE) {
            setSaleState(c, row.entityId(), "SYNCED");
            return;
        }
        Optional<BookingRow> found = rows.booking(c, row.entityId());
        if (found.isEmpty()) {
            return;
        }
        BookingRow b = found.get();
        if (row.op() == OpKind.DELETE) {
            rows.deleteBooking(c, b.id());
            return;
        }
        ObjectNode base;
        if (row.op() == OpKind.CREATE) {
            base = row.fields().deepCopy();
            base.put("source", "workstation");
        } else {
            base = b.base().deepCopy();
            row.fields().properties().forEach(e -> JsonPaths.set(base, e.getKey(), e.getValue()));
        }
        base.put("rev", rev);
        if (b.rev() != null && b.rev() > rev) {
            // The feed already brought a newer copy: keep it.
            rows.recomputeLocal(c, b.id());
            return;
        }
        rows.saveBooking(c, new BookingRow(b.id(), rev, base, true, b.local(), b.deleting(), b.seenGen()));
        rows.recomputeLocal(c, b.id());
    }

    /**
     * The base moved on the platform: merge this operation (and a later pending edit of the same entity)
     * against the platform's copy; same-field changes become conflicts for the user.
     */
    private void conflict(Connection c, OutboxRow row, JsonNode current) throws SQLException {
        if (row.type() != EntityType.BOOKING || row.op() == OpKind.CREATE || !current.isObject()
                || current.path("deleted").asBoolean(false)) {
            reject(c, row, "conflict", "the platform already holds " + row.entityId());
            return;
        }
        if (row.conflicts() + 1 >= MAX_CONFLICTS) {
            reject(c, row, "conflict_loop", "conflicted " + (row.conflicts() + 1) + " times in a row");
            return;
        }
        ObjectNode remote = (ObjectNode) current;
        BookingRow b = rows.booking(c, row.entityId()).orElseThrow();
        List<OutboxRow> later = rows.outbox(c, row.entityId()).stream().filter(o -> o.seq() != row.seq()).toList();
        Map<String, JsonNode> mine = new LinkedHashMap<>();
        row.fields().properties().forEach(e -> mine.put(e.getKey(), e.getValue()));
        boolean deleting = row.op() == OpKind.DELETE;
        for (OutboxRow next : later) {
            if (next.op() == OpKind.DELETE) {
                deleting = true;
            }
            next.fields().properties().forEach(e -> mine.put(e.getKey(), e.getValue()));
            rows.deleteOutbox(c, next.seq());
        }
        ObjectNode oldBase = b.base();
        long remoteRev = remote.path("rev").asLong();
        rows.refreshConflicts(c, b.id(), remote, remoteRev);
        rows.saveBooking(c, new BookingRow(b.id(), remoteRev, remote.deepCopy(), false, b.local(), b.deleting(), b.seenGen()));
        if (deleting) {
            // Deleting what changed meanwhile is for the user to confirm.
            rows.saveConflict(c, b.id(), deletedConflict(), remoteRev);
            rows.deleteOutbox(c, row.seq());
        } else {
            ThreeWayMerge.Result merged = ThreeWayMerge.merge(oldBase, mine, remote);
            for (ThreeWayMerge.FieldConflict fc : merged.conflicts()) {
                rows.saveConflict(c, b.id(), fc, remoteRev);
            }
            if (merged.keep().isEmpty()) {
                rows.deleteOutbox(c, row.seq());
            } else {
                ObjectNode fields = db.json().createObjectNode();
                merged.keep().forEach(fields::set);
                rows.requeue(c, row.seq(), fields, row.conflicts() + 1);
            }
        }
        rows.recomputeLocal(c, b.id());
    }

    /** The conflict a local delete meets when the platform changed the booking meanwhile. */
    private ThreeWayMerge.FieldConflict deletedConflict() {
        return new ThreeWayMerge.FieldConflict(ConflictRepository.DELETED, null,
                db.json().getNodeFactory().booleanNode(true), db.json().getNodeFactory().booleanNode(false));
    }

    /** Final for this operation: to the dead-letter list, and the local copy goes back to the platform's. */
    private void reject(Connection c, OutboxRow row, String code, String message) throws SQLException {
        LOG.info("operation {} on {} {} went to the dead-letter list: {}", row.op().wire(), row.type().wire(),
                row.entityId(), code);
        rows.deadLetter(c, row, code, message);
        if (row.type() == EntityType.SALE) {
            setSaleState(c, row.entityId(), "REJECTED");
            return;
        }
        if (row.op() == OpKind.CREATE) {
            // Later edits of a booking the platform refused to create cannot be sent either.
            for (OutboxRow next : rows.outbox(c, row.entityId())) {
                rows.deadLetter(c, next, code, "follows a rejected create");
            }
            Optional<BookingRow> b = rows.booking(c, row.entityId());
            if (b.isPresent() && b.get().base() == null) {
                rows.deleteBooking(c, row.entityId());
                return;
            }
        }
        rows.recomputeLocal(c, row.entityId());
    }

    private void setSaleState(Connection c, UUID id, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE SYNC.SALE SET STATE = ? WHERE ID = ?")) {
            ps.setString(1, state);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------ pull

    public Optional<String> cursor() {
        return db.read(c -> rows.state(c, CURSOR));
    }

    public boolean resyncRunning() {
        return db.read(c -> rows.state(c, RESYNCING).isPresent());
    }

    /**
     * After {@code 410 cursor_expired}: the synced copy will be replaced by a pull from the beginning.
     * Unsent local changes stay; entities the new pull does not mention are removed at the end.
     */
    public void startFullResync() {
        db.write(c -> {
            long gen = Long.parseLong(rows.state(c, RESYNC_GEN).orElse("0")) + 1;
            rows.setState(c, RESYNC_GEN, Long.toString(gen));
            rows.setState(c, RESYNCING, "true");
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.STATE WHERE NAME = ?")) {
                ps.setString(1, CURSOR);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Merges one page and saves its cursor, in one transaction. When the page is the last one of a full
     * resync, removes what the platform no longer has.
     *
     * @return how many changes were applied (newer than what was held)
     */
    public int applyPage(ChangesPage page) {
        return db.write(c -> {
            long gen = Long.parseLong(rows.state(c, RESYNC_GEN).orElse("0"));
            int applied = 0;
            for (Change change : page.changes()) {
                boolean done = switch (change.type()) {
                    case BOOKING -> applyBooking(c, change, gen);
                    case COMMISSION -> applyCommission(c, change, gen);
                    case SALE -> false;
                };
                if (done) {
                    applied++;
                }
            }
            rows.setState(c, CURSOR, page.nextCursor());
            if (!page.hasMore()) {
                if (rows.state(c, RESYNCING).isPresent()) {
                    sweep(c, gen);
                }
                rows.setState(c, LAST_SYNC, db.clock().instant().toString());
            }
            return applied;
        });
    }

    private boolean applyBooking(Connection c, Change change, long gen) throws SQLException {
        Optional<BookingRow> found = rows.booking(c, change.id());
        List<OutboxRow> ops = rows.outbox(c, change.id());
        if (change.deleted()) {
            if (found.isEmpty()) {
                return false;
            }
            for (OutboxRow op : ops) {
                rows.deadLetter(c, op, "not_found", "deleted on the platform");
            }
            rows.deadLetterConflicts(c, change.id(), "not_found", "deleted on the platform");
            rows.deleteBooking(c, change.id());
            return true;
        }
        ObjectNode remote = (ObjectNode) change.data();
        if (found.isEmpty()) {
            rows.saveBooking(c, new BookingRow(change.id(), change.rev(), remote, false, remote, false, gen));
            return true;
        }
        BookingRow b = found.get();
        long held = b.rev() == null ? 0 : b.rev();
        boolean newer = change.rev() > held || (change.rev() == held && b.baseDerived());
        if (!newer) {
            if (b.seenGen() != gen) {
                rows.saveBooking(c, new BookingRow(b.id(), b.rev(), b.base(), b.baseDerived(), b.local(), b.deleting(), gen));
            }
            return false;
        }
        for (OutboxRow op : ops) {
            if (op.inFlight() || op.op() == OpKind.CREATE) {
                continue;
            }
            if (op.op() == OpKind.DELETE) {
                // Deleting what changed meanwhile is for the user to confirm.
                rows.deleteOutbox(c, op.seq());
                rows.saveConflict(c, b.id(), deletedConflict(), change.rev());
                continue;
            }
            Map<String, JsonNode> mine = new LinkedHashMap<>();
            op.fields().properties().forEach(e -> mine.put(e.getKey(), e.getValue()));
            ThreeWayMerge.Result merged = ThreeWayMerge.merge(b.base(), mine, remote);
            for (ThreeWayMerge.FieldConflict fc : merged.conflicts()) {
                rows.saveConflict(c, b.id(), fc, change.rev());
            }
            if (merged.keep().isEmpty()) {
                rows.deleteOutbox(c, op.seq());
            } else {
                ObjectNode fields = db.json().createObjectNode();
                merged.keep().forEach(fields::set);
                rows.updateOutboxFields(c, op.seq(), OpKind.UPDATE, fields);
            }
        }
        rows.refreshConflicts(c, b.id(), remote, change.rev());
        rows.saveBooking(c, new BookingRow(b.id(), change.rev(), remote, false, b.local(), b.deleting(), gen));
        rows.recomputeLocal(c, b.id());
        return true;
    }

    private boolean applyCommission(Connection c, Change change, long gen) throws SQLException {
        long held = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT REV FROM SYNC.COMMISSION WHERE ID = ?")) {
            ps.setObject(1, change.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    held = rs.getLong(1);
                }
            }
        }
        if (change.deleted()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.COMMISSION WHERE ID = ?")) {
                ps.setObject(1, change.id());
                return ps.executeUpdate() > 0;
            }
        }
        if (change.rev() <= held) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE SYNC.COMMISSION SET SEEN_GEN = ? WHERE ID = ?")) {
                ps.setLong(1, gen);
                ps.setObject(2, change.id());
                ps.executeUpdate();
            }
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO SYNC.COMMISSION (ID, REV, JSON, PERIOD, STATUS, SEEN_GEN)"
                + " KEY (ID) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, change.id());
            ps.setLong(2, change.rev());
            ps.setString(3, change.data().toString());
            ps.setString(4, change.data().path("period").asText());
            ps.setString(5, change.data().path("status").asText());
            ps.setLong(6, gen);
            ps.executeUpdate();
        }
        return true;
    }

    /** End of a full resync: synced entities the platform no longer mentions are gone; local work stays. */
    private void sweep(Connection c, long gen) throws SQLException {
        String gone = " FROM SYNC.BOOKING B WHERE B.SEEN_GEN < ? AND B.REV IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM SYNC.OUTBOX O WHERE O.ENTITY_ID = B.ID)";
        try (PreparedStatement ps = c.prepareStatement("SELECT B.ID" + gone)) {
            ps.setLong(1, gen);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.deadLetterConflicts(c, rs.getObject(1, UUID.class), "not_found", "no longer on the platform");
                }
            }
        }
        int bookings;
        try (PreparedStatement ps = c.prepareStatement("DELETE" + gone)) {
            ps.setLong(1, gen);
            bookings = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.CONFLICT F WHERE NOT EXISTS"
                + " (SELECT 1 FROM SYNC.BOOKING B WHERE B.ID = F.ENTITY_ID)")) {
            ps.executeUpdate();
        }
        int commissions;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.COMMISSION WHERE SEEN_GEN < ?")) {
            ps.setLong(1, gen);
            commissions = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM SYNC.STATE WHERE NAME = ?")) {
            ps.setString(1, RESYNCING);
            ps.executeUpdate();
        }
        LOG.info("full resync done: {} bookings and {} commissions the platform no longer has were removed",
                bookings, commissions);
    }

    // ------------------------------------------------------------ status

    /** Counts for the status bar. */
    public record Counts(int pendingOperations, int conflictedBookings, int deadLetters, Instant lastSyncedAt) {
    }

    public Counts counts() {
        return db.read(c -> {
            int pending = count(c, "SELECT COUNT(*) FROM SYNC.OUTBOX");
            int conflicts = count(c, "SELECT COUNT(DISTINCT ENTITY_ID) FROM SYNC.CONFLICT");
            int dead = count(c, "SELECT COUNT(*) FROM SYNC.DEAD_LETTER");
            Instant last = rows.state(c, LAST_SYNC).map(Instant::parse).orElse(null);
            return new Counts(pending, conflicts, dead, last);
        });
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
