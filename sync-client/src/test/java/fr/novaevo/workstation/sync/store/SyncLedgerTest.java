package fr.novaevo.workstation.sync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.BookingService;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.Customer;
import fr.novaevo.workstation.sync.model.OpKind;
import fr.novaevo.workstation.sync.model.OpResult;
import fr.novaevo.workstation.sync.model.PushOp;
import fr.novaevo.workstation.sync.model.ServiceCode;
import fr.novaevo.workstation.sync.model.Vehicle;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Outbox, batches, per-operation results and pulled pages, on a real H2 file. */
class SyncLedgerTest extends StoreTestSupport {

    @Test
    void aPulledBookingIsSyncedAndALocalEditMakesItPending() {
        UUID id = pulled("confirmed", "platform");
        assertThat(bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);

        bookings.setNotes(id, "Client attend sur place");

        LocalBooking local = bookings.find(id).orElseThrow();
        assertThat(local.syncState()).isEqualTo(BookingSyncState.PENDING);
        assertThat(local.booking().notes()).isEqualTo("Client attend sur place");
        assertThat(ledger.counts().pendingOperations()).isEqualTo(1);
    }

    @Test
    void pendingEditsOfOneEntityAreCoalescedIntoOneOperation() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "a");
        bookings.setStatus(id, BookingStatus.CHECKED_IN);
        bookings.recordVehicle(id, null, 48_900L);
        bookings.setNotes(id, "b");

        PendingBatch batch = ledger.nextBatch(100).orElseThrow();

        assertThat(batch.request().ops()).singleElement().satisfies(op -> {
            assertThat(op.op()).isEqualTo(OpKind.UPDATE);
            assertThat(op.baseRev()).isEqualTo(3);
            assertThat(op.fields().toString()).isEqualTo(
                    "{\"notes\":\"b\",\"status\":\"checked_in\",\"vehicle.mileageKm\":48900}");
        });
    }

    @Test
    void theOutboxRowAndTheLocalChangeAreOneTransaction() {
        UUID id = pulled("confirmed", "platform");
        // The outbox row fits its column, the booking with it does not: the second write fails.
        String huge = "x".repeat(199_900);

        assertThatThrownBy(() -> bookings.setNotes(id, huge)).isInstanceOf(SyncStoreException.class);

        assertThat(ledger.counts().pendingOperations()).as("the outbox row was rolled back").isZero();
        assertThat(bookings.find(id).orElseThrow().booking().notes()).isEmpty();
        assertThat(ledger.nextBatch(100)).isEmpty();
    }

    @Test
    void anEditBackToThePlatformsValueLeavesNothingToSend() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "a");
        bookings.setNotes(id, "");

        assertThat(ledger.nextBatch(100)).isEmpty();
        assertThat(bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);
    }

    @Test
    void aRefusedEditChangesNothing() {
        UUID id = pulled("confirmed", "platform");

        assertThatThrownBy(() -> bookings.recordVehicle(id, "VF1RFB00O12345678", 1L))
                .isInstanceOfSatisfying(LocalEditException.class,
                        e -> assertThat(e.code()).isEqualTo(LocalEditException.INVALID_FIELD));
        assertThatThrownBy(() -> bookings.setStatus(id, BookingStatus.COMPLETED))
                .isInstanceOfSatisfying(LocalEditException.class,
                        e -> assertThat(e.code()).isEqualTo(LocalEditException.INVALID_TRANSITION));
        assertThat(ledger.counts().pendingOperations()).isZero();
        assertThat(bookings.find(id).orElseThrow().booking().vehicle().mileageKm()).isEqualTo(48210L);
    }

    @Test
    void anUnansweredBatchIsResentUnchangedAndLaterEditsWaitBehindIt() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "first");
        PendingBatch sent = ledger.nextBatch(100).orElseThrow();
        bookings.setNotes(id, "second");

        PendingBatch again = ledger.nextBatch(100).orElseThrow();

        assertThat(again.resend()).isTrue();
        assertThat(again.idempotencyKey()).isEqualTo(sent.idempotencyKey());
        assertThat(again.request()).isEqualTo(sent.request());
        assertThat(bookings.find(id).orElseThrow().booking().notes()).isEqualTo("second");

        ledger.applyResults(again, answer(again, op -> OpResult.applied(op.opId(), 4)));
        PendingBatch next = ledger.nextBatch(100).orElseThrow();

        assertThat(next.resend()).isFalse();
        assertThat(next.request().ops()).singleElement().satisfies(op -> {
            assertThat(op.baseRev()).isEqualTo(4);
            assertThat(op.fields().get("notes").asText()).isEqualTo("second");
            assertThat(op.opId()).isNotEqualTo(sent.request().ops().getFirst().opId());
        });
    }

    @Test
    void aSecondAnswerToTheSameBatchChangesNothing() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "x");
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        ledger.applyResults(batch, answer(batch, op -> OpResult.applied(op.opId(), 4)));
        bookings.setNotes(id, "y");

        PushSummary again = ledger.applyResults(batch, answer(batch, op -> OpResult.rejected(op.opId(), "x", "")));

        assertThat(again).isEqualTo(PushSummary.NONE);
        assertThat(deadLetters.all()).isEmpty();
        assertThat(bookings.find(id).orElseThrow().booking().notes()).isEqualTo("y");
    }

    @Test
    void appliedAndDuplicateMakeTheBookingSyncedAtTheNewRevision() {
        UUID a = pulled("confirmed", "platform");
        UUID b = pulled("confirmed", "platform");
        bookings.setNotes(a, "x");
        bookings.setNotes(b, "y");
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();

        PushSummary summary = ledger.applyResults(batch, answer(batch, op -> op.id().equals(a)
                ? OpResult.applied(op.opId(), 4) : OpResult.duplicate(op.opId(), 4)));

        assertThat(summary).isEqualTo(new PushSummary(2, 1, 1, 0, 0));
        assertThat(bookings.find(a).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);
        assertThat(bookings.find(b).orElseThrow().booking().rev()).isEqualTo(4);
        assertThat(ledger.hasUnansweredBatch()).isFalse();
    }

    @Test
    void theFeedsCopyAtTheSameRevisionReplacesTheLocallyBuiltBase() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "x");
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        ledger.applyResults(batch, answer(batch, op -> OpResult.applied(op.opId(), 4)));

        ObjectNode platform = platformBooking(id, 4, "confirmed", "platform").put("notes", "x")
                .put("updatedAt", "2026-11-21T08:00:05Z");
        ledger.applyPage(page("c2", false, live(platform)));

        assertThat(bookings.find(id).orElseThrow().booking().updatedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:05Z"));
    }

    @Test
    void aConflictOnOtherFieldsIsMergedAndSentAgainOnTheNewBase() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "Pneus dans le coffre");
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        ObjectNode current = platformBooking(id, 5, "confirmed", "platform").put("bay", "Pont 3");

        ledger.applyResults(batch, answer(batch, op -> OpResult.conflict(op.opId(), current)));

        LocalBooking local = bookings.find(id).orElseThrow();
        assertThat(local.booking().bay()).isEqualTo("Pont 3");
        assertThat(local.booking().notes()).isEqualTo("Pneus dans le coffre");
        assertThat(local.syncState()).isEqualTo(BookingSyncState.PENDING);
        PushOp retry = ledger.nextBatch(100).orElseThrow().request().ops().getFirst();
        assertThat(retry.baseRev()).isEqualTo(5);
        assertThat(retry.fields()).isEqualTo(JSON.createObjectNode().put("notes", "Pneus dans le coffre"));
        assertThat(retry.opId()).isNotEqualTo(batch.request().ops().getFirst().opId());
    }

    @Test
    void aConflictOnTheSameFieldGoesToTheUserWithBothValues() {
        UUID id = pulled("confirmed", "platform");
        bookings.recordVehicle(id, null, 49_000L);
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        ObjectNode current = platformBooking(id, 5, "confirmed", "platform");
        ((ObjectNode) current.get("vehicle")).put("mileageKm", 49_500);

        ledger.applyResults(batch, answer(batch, op -> OpResult.conflict(op.opId(), current)));

        assertThat(bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.CONFLICT);
        assertThat(conflicts.of(id)).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("vehicle.mileageKm");
            assertThat(c.localValue().asLong()).isEqualTo(49_000);
            assertThat(c.remoteValue().asLong()).isEqualTo(49_500);
            assertThat(c.baseValue().asLong()).isEqualTo(48_210);
        });
        assertThat(ledger.nextBatch(100)).as("nothing is sent before the user chooses").isEmpty();
        assertThat(ledger.counts().conflictedBookings()).isEqualTo(1);
    }

    @Test
    void theUsersChoiceSettlesAConflictAndIsJournaled() {
        UUID mine = pulled("confirmed", "platform");
        UUID theirs = pulled("confirmed", "platform");
        bookings.setNotes(mine, "local");
        bookings.setNotes(theirs, "local");
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        ledger.applyResults(batch, answer(batch, op -> OpResult.conflict(op.opId(),
                platformBooking(op.id(), 5, "confirmed", "platform").put("notes", "platform"))));

        conflicts.resolve(mine, "notes", ConflictRepository.Choice.KEEP_MINE);
        conflicts.resolve(theirs, "notes", ConflictRepository.Choice.TAKE_THEIRS);

        assertThat(bookings.find(mine).orElseThrow().booking().notes()).isEqualTo("local");
        assertThat(bookings.find(theirs).orElseThrow().booking().notes()).isEqualTo("platform");
        assertThat(bookings.find(theirs).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);
        PendingBatch next = ledger.nextBatch(100).orElseThrow();
        assertThat(next.request().ops()).singleElement().satisfies(op -> {
            assertThat(op.id()).isEqualTo(mine);
            assertThat(op.baseRev()).isEqualTo(5);
        });
        assertThat(audit.entries()).extracting(e -> e.action() + " " + e.subject()).containsExactly(
                "sync.conflict.resolved " + mine, "sync.conflict.resolved " + theirs);
        assertThat(audit.entries().getFirst().details()).contains("keep_mine").contains("notes");
    }

    @Test
    void editingAFieldInConflictSettlesItAndIsJournaled() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "mine");
        ledger.applyPage(page("c2", false, live(platformBooking(id, 4, "confirmed", "platform").put("notes", "theirs"))));
        assertThat(conflicts.of(id)).hasSize(1);

        bookings.setNotes(id, "a third value, written knowing both");

        assertThat(conflicts.of(id)).isEmpty();
        assertThat(audit.entries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("sync.conflict.resolved");
            assertThat(e.details()).contains("notes").contains("edited");
        });
        assertThat(ledger.nextBatch(10).orElseThrow().request().ops().getFirst().baseRev()).isEqualTo(4);
    }

    @Test
    void aRejectedUpdateGoesToTheDeadLetterListAndTheLocalCopyBackToThePlatforms() {
        UUID id = pulled("confirmed", "platform");
        bookings.reschedule(id, Instant.parse("2026-11-23T10:00:00Z"), null, "Pont 1");
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();

        PushSummary summary = ledger.applyResults(batch, answer(batch,
                op -> OpResult.rejected(op.opId(), "slot_taken", "Pont 1 is booked")));

        assertThat(summary.rejected()).isEqualTo(1);
        LocalBooking local = bookings.find(id).orElseThrow();
        assertThat(local.booking().bay()).isEqualTo("Pont 2");
        assertThat(local.syncState()).isEqualTo(BookingSyncState.SYNCED);
        assertThat(deadLetters.all()).singleElement().satisfies(d -> {
            assertThat(d.entityId()).isEqualTo(id);
            assertThat(d.errorCode()).isEqualTo("slot_taken");
            assertThat(d.fields().get("bay").asText()).isEqualTo("Pont 1");
        });
        assertThat(ledger.nextBatch(100)).as("never resent by itself").isEmpty();
    }

    @Test
    void aDeadLetterCanBeSentAgainCorrectedOrDiscarded() {
        UUID id = pulled("confirmed", "platform");
        bookings.reschedule(id, Instant.parse("2026-11-23T10:00:00Z"), null, "Pont 1");
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        ledger.applyResults(batch, answer(batch, op -> OpResult.rejected(op.opId(), "slot_taken", "")));
        DeadLetter letter = deadLetters.all().getFirst();

        deadLetters.resend(letter.id(), JSON.createObjectNode().put("slotStart", "2026-11-23T10:00:00Z").put("bay", "Pont 3"));

        assertThat(deadLetters.all()).isEmpty();
        assertThat(bookings.find(id).orElseThrow().booking().bay()).isEqualTo("Pont 3");
        PendingBatch again = ledger.nextBatch(100).orElseThrow();
        ledger.applyResults(again, answer(again, op -> OpResult.rejected(op.opId(), "slot_taken", "")));
        deadLetters.discard(deadLetters.all().getFirst().id());
        assertThat(deadLetters.all()).isEmpty();
        assertThat(audit.entries()).extracting(e -> e.action())
                .containsExactly("sync.deadletter.resent", "sync.deadletter.discarded");
    }

    @Test
    void aWalkInIsCreatedLocallyAndARejectedCreateRemovesIt() {
        LocalBooking walkIn = bookings.createWalkIn(draft("2026-11-24T09:00:00Z"));
        assertThat(walkIn.syncState()).isEqualTo(BookingSyncState.PENDING);
        assertThat(walkIn.booking().source()).isEqualTo("workstation");
        assertThat(walkIn.booking().rev()).isNull();
        bookings.setNotes(walkIn.booking().id(), "coalesced into the create");

        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        PushOp create = batch.request().ops().getFirst();
        assertThat(create.op()).isEqualTo(OpKind.CREATE);
        assertThat(create.baseRev()).isNull();
        assertThat(create.fields().get("notes").asText()).isEqualTo("coalesced into the create");
        assertThat(create.fields().at("/customer/name").asText()).isEqualTo("Lucas Petit");
        assertThat(create.fields().has("rev")).isFalse();
        assertThat(create.fields().has("garageId")).isFalse();

        ledger.applyResults(batch, answer(batch, op -> OpResult.rejected(op.opId(), "slot_taken", "")));

        assertThat(bookings.find(walkIn.booking().id())).isEmpty();
        assertThat(deadLetters.all()).singleElement().satisfies(d -> assertThat(d.op()).isEqualTo(OpKind.CREATE));
    }

    @Test
    void anAppliedCreateGetsRevisionOneAndLaterEditsAreUpdates() {
        UUID id = bookings.createWalkIn(draft("2026-11-24T09:00:00Z")).booking().id();
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        bookings.setStatus(id, BookingStatus.CHECKED_IN);
        ledger.applyResults(batch, answer(batch, op -> OpResult.applied(op.opId(), 1)));

        PushOp next = ledger.nextBatch(100).orElseThrow().request().ops().getFirst();

        assertThat(next.op()).isEqualTo(OpKind.UPDATE);
        assertThat(next.baseRev()).isEqualTo(1);
        assertThat(next.fields()).isEqualTo(JSON.createObjectNode().put("status", "checked_in"));
    }

    @Test
    void aWalkInCancelledBeforeItsFirstSyncIsCreatedThenCancelledOneOperationAtATime() {
        UUID id = bookings.createWalkIn(draft("2026-11-24T09:00:00Z")).booking().id();
        bookings.setStatus(id, BookingStatus.CHECKED_IN);
        bookings.setStatus(id, BookingStatus.CANCELLED);
        bookings.setNotes(id, "le client est reparti");

        assertThat(bookings.find(id).orElseThrow().booking().status()).as("the bench sees its change at once")
                .isEqualTo(BookingStatus.CANCELLED);
        assertThat(bookings.find(id).orElseThrow().booking().notes()).isEqualTo("le client est reparti");
        PendingBatch first = ledger.nextBatch(100).orElseThrow();
        assertThat(first.request().ops()).as("one operation per entity in a batch").singleElement().satisfies(op -> {
            assertThat(op.op()).isEqualTo(OpKind.CREATE);
            assertThat(op.fields().get("status").asText()).as("a create the platform accepts").isEqualTo("checked_in");
        });
        assertThat(ledger.nextBatch(100).orElseThrow().resend()).as("nothing else while the create is unanswered")
                .isTrue();
        ledger.applyResults(first, answer(first, op -> OpResult.applied(op.opId(), 1)));

        PendingBatch second = ledger.nextBatch(100).orElseThrow();

        assertThat(second.request().ops()).singleElement().satisfies(op -> {
            assertThat(op.op()).isEqualTo(OpKind.UPDATE);
            assertThat(op.baseRev()).isEqualTo(1);
            assertThat(op.fields()).isEqualTo(JSON.createObjectNode().put("status", "cancelled")
                    .put("notes", "le client est reparti"));
        });
        ledger.applyResults(second, answer(second, op -> OpResult.applied(op.opId(), 2)));
        assertThat(bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);
        assertThat(bookings.find(id).orElseThrow().booking().status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void theStatusThatFollowsARejectedCreateGoesToTheDeadLetterListWithIt() {
        UUID id = bookings.createWalkIn(draft("2026-11-24T09:00:00Z")).booking().id();
        bookings.setStatus(id, BookingStatus.NO_SHOW);
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();

        ledger.applyResults(batch, answer(batch, op -> OpResult.rejected(op.opId(), "slot_taken", "")));

        assertThat(bookings.find(id)).isEmpty();
        assertThat(deadLetters.all()).extracting(DeadLetter::op).containsExactlyInAnyOrder(OpKind.CREATE, OpKind.UPDATE);
        assertThat(ledger.nextBatch(100)).isEmpty();
    }

    @Test
    void deletingAWalkInNeverSentForgetsIt() {
        UUID id = bookings.createWalkIn(draft("2026-11-24T09:00:00Z")).booking().id();
        bookings.delete(id);
        assertThat(bookings.find(id)).isEmpty();
        assertThat(ledger.nextBatch(100)).isEmpty();
    }

    @Test
    void deletingASyncedRequestedWalkInSendsADeleteAndOnlyThoseCanBeDeleted() {
        UUID walkIn = pulled("requested", "workstation");
        UUID platform = pulled("requested", "platform");

        assertThatThrownBy(() -> bookings.delete(platform)).isInstanceOfSatisfying(LocalEditException.class,
                e -> assertThat(e.code()).isEqualTo(LocalEditException.NOT_DELETABLE));
        bookings.setNotes(walkIn, "x");
        bookings.delete(walkIn);

        assertThat(bookings.find(walkIn)).as("hidden while the delete is pending").isEmpty();
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        assertThat(batch.request().ops()).singleElement().satisfies(op -> {
            assertThat(op.op()).isEqualTo(OpKind.DELETE);
            assertThat(op.baseRev()).isEqualTo(3);
            assertThat(op.fields()).isEmpty();
        });
        ledger.applyResults(batch, answer(batch, op -> OpResult.applied(op.opId(), 4)));
        assertThat(bookings.all()).extracting(b -> b.booking().id()).containsExactly(platform);
    }

    @Test
    void aPulledChangeMergesWithPendingEditsAndSameFieldChangesBecomeConflicts() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "local note");
        bookings.recordVehicle(id, null, 50_000L);
        ObjectNode remote = platformBooking(id, 4, "confirmed", "platform").put("bay", "Pont 3");
        ((ObjectNode) remote.get("vehicle")).put("mileageKm", 50_100);

        ledger.applyPage(page("c2", false, live(remote)));

        LocalBooking local = bookings.find(id).orElseThrow();
        assertThat(local.booking().bay()).isEqualTo("Pont 3");
        assertThat(local.booking().notes()).isEqualTo("local note");
        assertThat(local.booking().vehicle().mileageKm()).as("the platform's value until the user chooses").isEqualTo(50_100L);
        assertThat(local.syncState()).isEqualTo(BookingSyncState.CONFLICT);
        PushOp op = ledger.nextBatch(100).orElseThrow().request().ops().getFirst();
        assertThat(op.fields()).isEqualTo(JSON.createObjectNode().put("notes", "local note"));
        assertThat(op.baseRev()).isEqualTo(4);
    }

    @Test
    void anOpenConflictAlwaysShowsThePlatformsLatestValue() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "mine");
        ledger.applyPage(page("c2", false, live(platformBooking(id, 4, "confirmed", "platform").put("notes", "first"))));
        assertThat(conflicts.of(id)).singleElement().satisfies(c -> assertThat(c.remoteValue().asText()).isEqualTo("first"));

        ledger.applyPage(page("c3", false, live(platformBooking(id, 5, "confirmed", "platform").put("notes", "second"))));

        assertThat(conflicts.of(id)).singleElement().satisfies(c -> {
            assertThat(c.remoteValue().asText()).isEqualTo("second");
            assertThat(c.remoteRev()).isEqualTo(5);
            assertThat(c.localValue().asText()).isEqualTo("mine");
        });
        ledger.applyPage(page("c4", false, live(platformBooking(id, 6, "confirmed", "platform").put("notes", "mine"))));
        assertThat(conflicts.of(id)).as("the platform took my value").isEmpty();
        assertThat(bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);
    }

    @Test
    void aBookingDeletedWhileInConflictKeepsTheUsersValueInTheDeadLetterList() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "mine");
        ledger.applyPage(page("c2", false, live(platformBooking(id, 4, "confirmed", "platform").put("notes", "theirs"))));

        ledger.applyPage(page("c3", false, tombstone(id, 5)));

        assertThat(conflicts.all()).isEmpty();
        assertThat(deadLetters.all()).singleElement().satisfies(d -> {
            assertThat(d.fields().get("notes").asText()).isEqualTo("mine");
            assertThat(d.errorCode()).isEqualTo("not_found");
        });
    }

    @Test
    void aDeleteThatMeetsAPlatformChangeIsForTheUserToConfirm() {
        UUID confirmDelete = pulled("requested", "workstation");
        UUID keep = pulled("requested", "workstation");
        bookings.delete(confirmDelete);
        bookings.delete(keep);
        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        ledger.applyResults(batch, answer(batch, op -> OpResult.conflict(op.opId(),
                platformBooking(op.id(), 4, "requested", "workstation").put("notes", "le client a rappelé"))));

        assertThat(conflicts.all()).extracting(BookingConflict::field).containsOnly(ConflictRepository.DELETED);
        assertThat(bookings.find(keep).orElseThrow().booking().notes()).as("shown again").isEqualTo("le client a rappelé");

        conflicts.resolve(confirmDelete, ConflictRepository.DELETED, ConflictRepository.Choice.KEEP_MINE);
        conflicts.resolve(keep, ConflictRepository.DELETED, ConflictRepository.Choice.TAKE_THEIRS);

        PendingBatch again = ledger.nextBatch(100).orElseThrow();
        assertThat(again.request().ops()).singleElement().satisfies(op -> {
            assertThat(op.id()).isEqualTo(confirmDelete);
            assertThat(op.op()).isEqualTo(OpKind.DELETE);
            assertThat(op.baseRev()).isEqualTo(4);
        });
        assertThat(bookings.find(keep).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);
    }

    @Test
    void olderOrEqualRevisionsAreIgnored() {
        UUID id = pulled("confirmed", "platform");
        ledger.applyPage(page("c2", false, live(platformBooking(id, 2, "cancelled", "platform"))));
        ledger.applyPage(page("c3", false, live(platformBooking(id, 3, "cancelled", "platform"))));
        assertThat(bookings.find(id).orElseThrow().booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(ledger.cursor()).contains("c3");
    }

    @Test
    void aTombstoneRemovesTheBookingAndPendingEditsGoToTheDeadLetterList() {
        UUID clean = pulled("confirmed", "platform");
        UUID edited = pulled("confirmed", "platform");
        bookings.setNotes(edited, "lost?");

        ledger.applyPage(page("c2", false, tombstone(clean, 4), tombstone(edited, 4)));

        assertThat(bookings.all()).isEmpty();
        assertThat(deadLetters.all()).singleElement().satisfies(d -> {
            assertThat(d.entityId()).isEqualTo(edited);
            assertThat(d.errorCode()).isEqualTo("not_found");
            assertThat(d.fields().get("notes").asText()).isEqualTo("lost?");
        });
    }

    @Test
    void aFullResyncReplacesTheSyncedCopyAndKeepsUnsentChanges() {
        UUID kept = pulled("confirmed", "platform");
        UUID vanished = pulled("confirmed", "platform");
        UUID editedVanished = pulled("confirmed", "platform");
        bookings.setNotes(kept, "unsent");
        bookings.setNotes(editedVanished, "unsent too");
        UUID walkIn = bookings.createWalkIn(draft("2026-11-24T09:00:00Z")).booking().id();

        ledger.startFullResync();
        assertThat(ledger.cursor()).isEmpty();
        ledger.applyPage(page("r1", true, live(platformBooking(kept, 3, "confirmed", "platform"))));
        assertThat(bookings.find(vanished)).as("removed only at the end").isPresent();
        ledger.applyPage(page("r2", false));

        assertThat(bookings.find(vanished)).isEmpty();
        assertThat(bookings.find(kept).orElseThrow().booking().notes()).isEqualTo("unsent");
        assertThat(bookings.find(editedVanished)).as("local work is kept: the push will tell").isPresent();
        assertThat(bookings.find(walkIn)).isPresent();
        assertThat(ledger.resyncRunning()).isFalse();
        assertThat(ledger.cursor()).contains("r2");
        assertThat(ledger.counts().pendingOperations()).isEqualTo(3);
    }

    @Test
    void countsFeedTheStatusBar() {
        UUID id = pulled("confirmed", "platform");
        assertThat(ledger.counts().lastSyncedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        bookings.setNotes(id, "x");
        assertThat(ledger.counts().pendingOperations()).isEqualTo(1);
        assertThat(ledger.counts().deadLetters()).isZero();
    }

    @Test
    void theStoreSurvivesReopening() {
        UUID id = pulled("confirmed", "platform");
        bookings.setNotes(id, "persisted");

        SyncDatabase reopened = new SyncDatabase(fr.novaevo.workstation.sync.testing.TestDatabase.migrated(dir, "store"),
                JSON, clock);

        assertThat(new BookingRepository(reopened, audit).find(id).orElseThrow().booking().notes()).isEqualTo("persisted");
        assertThat(new SyncLedger(reopened).nextBatch(10)).isPresent();
    }

    static Booking draft(String start) {
        return new Booking(null, null, null, BookingStatus.CONFIRMED, Instant.parse(start), 60, "Pont 4",
                new Customer("Lucas Petit", "+33611223344", null),
                new Vehicle("VF1RFB00X12345678", "GH-456-JK", "Renault", "Clio V", 2021, 61_000L),
                new BookingService(ServiceCode.REPAIR, "Embrayage qui patine"), null, null, null, null);
    }

    @Test
    void overlappingBookingsAreFoundByThePlatformsRule() {
        UUID existing = pulled("confirmed", "platform"); // Pont 2, 08:30-09:30
        Instant nine = Instant.parse("2026-11-23T09:00:00Z");

        assertThat(bookings.overlapping(" pont2 ", nine, 30, null)).extracting(b -> b.booking().id()).containsExactly(existing);
        assertThat(bookings.overlapping("Pont 2", Instant.parse("2026-11-23T09:30:00Z"), 30, null)).isEmpty();
        assertThat(bookings.overlapping("Pont 3", nine, 30, null)).isEmpty();
        assertThat(bookings.overlapping("Pont 2", nine, 30, existing)).as("itself").isEmpty();
        bookings.setStatus(existing, BookingStatus.NO_SHOW);
        assertThat(bookings.overlapping("Pont 2", nine, 30, null)).as("a no-show frees the bay").isEmpty();
    }

    @Test
    void walkInDraftsAreCheckedLocally() {
        Booking noCustomer = new Booking(null, null, null, BookingStatus.CONFIRMED, Instant.parse("2026-11-24T09:00:00Z"),
                60, "Pont 4", null, null, new BookingService(ServiceCode.REPAIR, null), null, null, null, null);
        assertThatThrownBy(() -> bookings.createWalkIn(noCustomer)).isInstanceOf(LocalEditException.class);
        Booking finalStatus = new Booking(null, null, null, BookingStatus.COMPLETED, Instant.parse("2026-11-24T09:00:00Z"),
                60, "Pont 4", new Customer("A", null, null), null, new BookingService(ServiceCode.REPAIR, null),
                null, null, null, null);
        assertThatThrownBy(() -> bookings.createWalkIn(finalStatus)).isInstanceOf(LocalEditException.class);
        assertThat(bookings.all()).isEmpty();
    }

    @Test
    void updateRefusesFieldsAWorkstationCannotWrite() {
        UUID id = pulled("confirmed", "platform");
        assertThatThrownBy(() -> bookings.update(id, Map.of("customer.name", value("X"))))
                .isInstanceOf(LocalEditException.class);
    }
}
