package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.model.Change;
import fr.novaevo.workstation.sync.model.ChangesPage;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpResult;
import fr.novaevo.workstation.sync.model.PushOp;
import fr.novaevo.workstation.sync.model.PushResponse;
import fr.novaevo.workstation.sync.testing.MutableClock;
import fr.novaevo.workstation.sync.testing.RecordingAuditJournal;
import fr.novaevo.workstation.sync.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A migrated H2 file database and the repositories on it; pages and answers are written by hand. */
abstract class StoreTestSupport {

    static final ObjectMapper JSON = SyncJson.newMapper();

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    final RecordingAuditJournal audit = new RecordingAuditJournal();
    SyncDatabase db;
    BookingRepository bookings;
    SyncLedger ledger;
    ConflictRepository conflicts;
    DeadLetterRepository deadLetters;
    SaleRepository sales;
    CommissionRepository commissions;

    @BeforeEach
    void openStore() {
        db = new SyncDatabase(TestDatabase.migrated(dir, "store"), JSON, clock);
        bookings = new BookingRepository(db, audit);
        ledger = new SyncLedger(db);
        conflicts = new ConflictRepository(db, bookings, audit);
        deadLetters = new DeadLetterRepository(db, bookings, audit);
        sales = new SaleRepository(db);
        commissions = new CommissionRepository(db);
    }

    static ObjectNode platformBooking(UUID id, long rev, String status, String source) {
        ObjectNode b = JSON.createObjectNode();
        b.put("id", id.toString()).put("rev", rev).put("garageId", "g-123").put("status", status)
                .put("slotStart", "2026-11-23T08:30:00Z").put("durationMinutes", 60).put("bay", "Pont 2");
        b.putObject("customer").put("name", "Claire Moreau").put("phone", "+33612345678").putNull("email");
        b.putObject("vehicle").put("vin", "VF1RFB00X12345678").put("plate", "AB-123-CD").put("make", "Renault")
                .put("model", "Clio V").put("year", 2021).put("mileageKm", 48210);
        b.putObject("service").put("code", "diagnostic").put("description", "Voyant moteur allumé");
        b.put("notes", "").put("source", source).put("createdAt", "2026-11-20T10:02:11Z")
                .put("updatedAt", "2026-11-21T07:15:40Z");
        return b;
    }

    static ChangesPage page(String cursor, boolean hasMore, Change... changes) {
        return new ChangesPage(List.of(changes), cursor, hasMore);
    }

    static Change live(ObjectNode booking) {
        return new Change(EntityType.BOOKING, UUID.fromString(booking.get("id").asText()), booking.get("rev").asLong(),
                false, booking);
    }

    static Change tombstone(UUID id, long rev) {
        return new Change(EntityType.BOOKING, id, rev, true, null);
    }

    /** Pulls one platform booking into the store. */
    UUID pulled(String status, String source) {
        UUID id = UUID.randomUUID();
        ledger.applyPage(page("c1", false, live(platformBooking(id, 3, status, source))));
        return id;
    }

    /** The platform's answer to a batch, one result per operation from {@code result}. */
    static PushResponse answer(PendingBatch batch, Function<PushOp, OpResult> result) {
        return new PushResponse(batch.request().ops().stream().map(result).toList());
    }

    static JsonNode value(Object v) {
        return JSON.valueToTree(v);
    }
}
