package fr.novaevo.workstation.sync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.testing.RawHttp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Push rules of the emulated platform: results, idempotency, conflicts, booking and sale rules. */
class EmulatorPushTest extends EmulatorTestSupport {

    private static final String NINE = "2026-11-24T09:00:00Z";

    @Test
    void createThenUpdateBumpsTheRevisionAndKeepsServerFields() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));
        JsonNode created = emulator.state().booking(id).orElseThrow();
        assertThat(created.get("rev").asLong()).isEqualTo(1);
        assertThat(created.get("source").asText()).isEqualTo("workstation");
        assertThat(created.get("garageId").asText()).isEqualTo("g-123");
        assertThat(created.get("notes").asText()).isEmpty();
        assertThat(created.at("/customer/email").isNull()).isTrue();

        JsonNode result = pushOne(op(UUID.randomUUID(), "booking", id, "update", 1L,
                fields("status", "checked_in", "vehicle.mileageKm", "123456")));

        assertThat(result.get("status").asText()).isEqualTo("applied");
        assertThat(result.get("rev").asLong()).isEqualTo(2);
        JsonNode updated = emulator.state().booking(id).orElseThrow();
        assertThat(updated.at("/vehicle/mileageKm").asLong()).isEqualTo(123456);
        assertThat(updated.at("/vehicle/vin").asText()).isEqualTo("VF1RFB00X12345678");
        assertThat(updated.get("status").asText()).isEqualTo("checked_in");
    }

    @Test
    void aResentOpIdIsADuplicateWithTheOriginalRevision() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));
        ObjectNode note = op(UUID.randomUUID(), "booking", id, "update", 1L, fields("notes", "Pneus dans le coffre"));
        assertThat(pushOne(note).get("rev").asLong()).isEqualTo(2);
        pushOne(op(UUID.randomUUID(), "booking", id, "update", 2L, fields("bay", "Pont 3")));

        JsonNode again = pushOne(note);

        assertThat(again.get("status").asText()).isEqualTo("duplicate");
        assertThat(again.get("rev").asLong()).isEqualTo(2);
        assertThat(emulator.state().booking(id).orElseThrow().get("rev").asLong()).isEqualTo(3);
    }

    @Test
    void sameKeyAndSameBodyReplaysTheAnswerAndADifferentBodyIsRefused() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));
        String key = UUID.randomUUID().toString();
        String body = batch(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("notes", "a")));
        RawHttp.Reply first = http.push(key, body);
        // Same JSON value written differently: still the same body.
        String reformatted = JSON.readTree(body).toPrettyString();

        RawHttp.Reply replay = http.push(key, reformatted);
        RawHttp.Reply reused = http.push(key, batch(op(UUID.randomUUID(), "booking", id, "update", 2L, fields("notes", "b"))));

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(replay.json().at("/results/0/status").asText()).isEqualTo("applied");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(emulator.state().booking(id).orElseThrow().get("notes").asText()).isEqualTo("a");
    }

    @Test
    void idempotencyKeyIsRequiredAndMustBeAUuid() throws Exception {
        String body = batch(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "update", 1L, fields("notes", "a")));
        assertThat(http.push(null, body).code()).isEqualTo("missing_idempotency_key");
        assertThat(http.push("batch-1", body).code()).isEqualTo("invalid_idempotency_key");
    }

    @Test
    void staleBaseRevIsAConflictCarryingThePlatformsCopy() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));
        emulator.state().platformUpdateBooking(id, Map.of("notes", "Client rappellera"));

        JsonNode result = pushOne(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("bay", "Pont 1")));

        assertThat(result.get("status").asText()).isEqualTo("conflict");
        assertThat(result.at("/current/rev").asLong()).isEqualTo(2);
        assertThat(result.at("/current/notes").asText()).isEqualTo("Client rappellera");
        assertThat(result.has("rev")).isFalse();
    }

    @Test
    void aConflictedOperationIsNotRememberedAndIsEvaluatedAgain() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));
        emulator.state().platformUpdateBooking(id, Map.of("notes", "x"));
        ObjectNode stale = op(UUID.randomUUID(), "booking", id, "update", 1L, fields("bay", "Pont 1"));
        assertThat(pushOne(stale).get("status").asText()).isEqualTo("conflict");
        assertThat(pushOne(stale).get("status").asText()).isEqualTo("conflict");
        assertThat(emulator.state().appliedOperationCount()).isEqualTo(1);
    }

    @Test
    void transitionsOutsideTheContractAreRejected() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));

        JsonNode skip = pushOne(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("status", "completed")));
        JsonNode ok = pushOne(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("status", "cancelled")));
        JsonNode back = pushOne(op(UUID.randomUUID(), "booking", id, "update", 2L, fields("status", "confirmed")));
        JsonNode noteOnFinal = pushOne(op(UUID.randomUUID(), "booking", id, "update", 2L, fields("notes", "annulé par tél.")));

        assertThat(skip.at("/error/code").asText()).isEqualTo("invalid_transition");
        assertThat(ok.get("status").asText()).isEqualTo("applied");
        assertThat(back.at("/error/code").asText()).isEqualTo("invalid_transition");
        assertThat(noteOnFinal.get("status").asText()).as("other fields stay editable in final states").isEqualTo("applied");
    }

    @Test
    void overlappingBookingsOnTheSameBayAreSlotTakenIgnoringCaseAndSpaces() throws Exception {
        UUID first = create(walkIn(NINE, 60, "Pont 2"));

        JsonNode clash = pushOne(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "create", null,
                walkIn("2026-11-24T09:59:00Z", 30, "pont2")));
        JsonNode touching = pushOne(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "create", null,
                walkIn("2026-11-24T10:00:00Z", 30, " PONT 2 ")));
        JsonNode otherBay = pushOne(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "create", null,
                walkIn("2026-11-24T09:15:00Z", 30, "Pont 3")));

        assertThat(clash.at("/error/code").asText()).isEqualTo("slot_taken");
        assertThat(touching.get("status").asText()).isEqualTo("applied");
        assertThat(otherBay.get("status").asText()).isEqualTo("applied");

        JsonNode moveOnto = pushOne(op(UUID.randomUUID(), "booking", idOfOnlyBookingOn("Pont 3"), "update", 1L,
                fields("bay", "Pont 2")));
        assertThat(moveOnto.at("/error/code").asText()).isEqualTo("slot_taken");
        JsonNode longer = pushOne(op(UUID.randomUUID(), "booking", first, "update", 1L, fields("durationMinutes", "61")));
        assertThat(longer.at("/error/code").asText()).as("overlaps the 10:00 booking").isEqualTo("slot_taken");
    }

    private UUID idOfOnlyBookingOn(String bay) {
        return emulator.state().liveBookings().stream().filter(b -> b.get("bay").asText().equals(bay))
                .map(b -> UUID.fromString(b.get("id").asText())).findFirst().orElseThrow();
    }

    @Test
    void cancelledAndNoShowBookingsFreeTheirBay() throws Exception {
        UUID first = create(walkIn(NINE, 60, "Pont 2"));
        pushOne(op(UUID.randomUUID(), "booking", first, "update", 1L, fields("status", "no_show")));

        JsonNode reuse = pushOne(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "create", null,
                walkIn(NINE, 60, "Pont 2")));

        assertThat(reuse.get("status").asText()).isEqualTo("applied");
    }

    @Test
    void invalidFieldsNameTheDottedPath() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));
        assertThat(pushOne(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("vehicle.vin", "VF1RFB00O12345678")))
                .get("error")).isEqualTo(JSON.readTree("{\"code\": \"invalid_field\", \"message\": \"vehicle.vin\"}"));
        assertThat(pushOne(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("customer.name", "Autre")))
                .at("/error/message").asText()).isEqualTo("customer.name");
        assertThat(pushOne(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("durationMinutes", "10081")))
                .at("/error/message").asText()).isEqualTo("durationMinutes");
        ObjectNode noName = walkIn(NINE, 60, "Pont 4");
        ((ObjectNode) noName.get("customer")).remove("name");
        assertThat(pushOne(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "create", null, noName))
                .at("/error/message").asText()).isEqualTo("customer.name");
        ObjectNode finalStatus = walkIn(NINE, 60, "Pont 4").put("status", "completed");
        assertThat(pushOne(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "create", null, finalStatus))
                .at("/error/message").asText()).isEqualTo("status");
    }

    @Test
    void checksRunInTheContractsOrder() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));
        emulator.state().platformUpdateBooking(id, Map.of("notes", "x"));

        // invalid_field before not_found
        assertThat(pushOne(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "update", 1L, fields("vehicle.vin", "short")))
                .at("/error/code").asText()).isEqualTo("invalid_field");
        // not_found before conflict
        assertThat(pushOne(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "update", 99L, fields("notes", "y")))
                .at("/error/code").asText()).isEqualTo("not_found");
        // conflict before invalid_transition
        assertThat(pushOne(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("status", "completed")))
                .get("status").asText()).isEqualTo("conflict");
    }

    @Test
    void onlyRequestedWalkInsCanBeDeleted() throws Exception {
        UUID platformBooking = emulator.state().platformCreateBooking(walkIn(NINE, 60, "Pont 1").put("status", "requested"));
        UUID walkIn = create(walkIn(NINE, 60, "Pont 2").put("status", "requested"));
        UUID confirmed = create(walkIn(NINE, 60, "Pont 3"));

        assertThat(pushOne(op(UUID.randomUUID(), "booking", platformBooking, "delete", 1L, JSON.createObjectNode()))
                .at("/error/code").asText()).isEqualTo("not_deletable");
        assertThat(pushOne(op(UUID.randomUUID(), "booking", confirmed, "delete", 1L, JSON.createObjectNode()))
                .at("/error/code").asText()).isEqualTo("not_deletable");
        JsonNode deleted = pushOne(op(UUID.randomUUID(), "booking", walkIn, "delete", 1L, JSON.createObjectNode()));
        assertThat(deleted.get("status").asText()).isEqualTo("applied");
        assertThat(deleted.get("rev").asLong()).isEqualTo(2);
        assertThat(emulator.state().isDeleted(walkIn)).isTrue();
        assertThat(pushOne(op(UUID.randomUUID(), "booking", walkIn, "update", 2L, fields("notes", "x")))
                .at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void aCreateNamingAnExistingIdIsAConflict() throws Exception {
        UUID id = create(walkIn(NINE, 60, "Pont 2"));
        JsonNode again = pushOne(op(UUID.randomUUID(), "booking", id, "create", null, walkIn(NINE, 60, "Pont 2")));
        assertThat(again.get("status").asText()).isEqualTo("conflict");
        assertThat(again.at("/current/id").asText()).isEqualTo(id.toString());
    }

    @Test
    void aBatchSeesItsOwnEarlierOperations() throws Exception {
        UUID booking = UUID.randomUUID();
        UUID sale = UUID.randomUUID();
        RawHttp.Reply reply = http.push(UUID.randomUUID().toString(), batch(
                op(UUID.randomUUID(), "booking", booking, "create", null, walkIn(NINE, 60, "Pont 2")),
                op(UUID.randomUUID(), "sale", sale, "create", null, sale(booking, "o-55821", "p-pex", 1, 18990))));

        assertThat(reply.json().at("/results/0/status").asText()).isEqualTo("applied");
        assertThat(reply.json().at("/results/1/status").asText()).isEqualTo("applied");
        assertThat(reply.json().at("/results/1/rev").asLong()).isEqualTo(1);
    }

    @Test
    void anAcceptedSaleBecomesAPendingCommissionRoundedHalfUpInTheFrenchMonth() throws Exception {
        UUID sale = UUID.randomUUID();
        ObjectNode fields = sale(null, "o-55821", "p-pex", 1, 18990).put("declaredAt", "2026-10-31T23:30:00Z");

        assertThat(pushOne(op(UUID.randomUUID(), "sale", sale, "create", null, fields)).get("status").asText())
                .isEqualTo("applied");

        JsonNode commission = emulator.state().commissions().getFirst();
        assertThat(commission.get("saleId").asText()).isEqualTo(sale.toString());
        assertThat(commission.get("status").asText()).isEqualTo("pending");
        assertThat(commission.get("saleAmountCents").asLong()).isEqualTo(18990);
        assertThat(commission.get("rateBps").asInt()).isEqualTo(550);
        assertThat(commission.get("commissionCents").asLong()).isEqualTo(1044);
        assertThat(commission.get("period").asText()).isEqualTo("2026-11");
        assertThat(commission.at("/partner/name").asText()).isEqualTo("Pièces Express");
    }

    @Test
    void saleRulesAreUnknownOfferAndInvalidField() throws Exception {
        assertThat(pushOne(op(UUID.randomUUID(), "sale", UUID.randomUUID(), "create", null,
                sale(null, "o-00000", "p-pex", 1, 100))).at("/error/code").asText()).isEqualTo("unknown_offer");
        assertThat(pushOne(op(UUID.randomUUID(), "sale", UUID.randomUUID(), "create", null,
                sale(null, "o-55821", "p-pex", 0, 100))).at("/error/message").asText()).isEqualTo("lines[0].quantity");
        assertThat(pushOne(op(UUID.randomUUID(), "sale", UUID.randomUUID(), "create", null,
                sale(null, "o-55821", "p-oscaro", 1, 100))).at("/error/message").asText()).isEqualTo("partnerId");
        assertThat(pushOne(op(UUID.randomUUID(), "sale", UUID.randomUUID(), "create", null,
                sale(UUID.randomUUID(), "o-55821", "p-pex", 1, 100))).at("/error/message").asText()).isEqualTo("bookingId");
        assertThat(emulator.state().commissions()).isEmpty();
    }

    @Test
    void aSaleCannotBeUpdatedNorACommissionWritten() throws Exception {
        assertThat(http.push(UUID.randomUUID().toString(), batch(op(UUID.randomUUID(), "sale", UUID.randomUUID(),
                "update", 1L, fields("orderRef", "x")))).code()).isEqualTo("invalid_request");
        assertThat(http.push(UUID.randomUUID().toString(), batch(op(UUID.randomUUID(), "commission", UUID.randomUUID(),
                "update", 1L, fields("status", "paid")))).code()).isEqualTo("invalid_request");
    }

    @Test
    void twoOperationsOnOneEntityInABatchAreRefused() throws Exception {
        UUID id = UUID.randomUUID();
        RawHttp.Reply reply = http.push(UUID.randomUUID().toString(), batch(
                op(UUID.randomUUID(), "booking", id, "update", 1L, fields("notes", "a")),
                op(UUID.randomUUID(), "booking", id, "update", 2L, fields("notes", "b"))));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_request");
    }

    static ObjectNode sale(UUID bookingId, String offerId, String partnerId, int quantity, long unitPriceCents) {
        ObjectNode s = JSON.createObjectNode();
        if (bookingId != null) {
            s.put("bookingId", bookingId.toString());
        }
        s.put("offerId", offerId).put("partnerId", partnerId).put("orderRef", "PX-2026-118822");
        s.putArray("lines").addObject().put("sku", "BOS-0258006537").put("description", "Sonde lambda amont")
                .put("quantity", quantity).put("unitPriceCents", unitPriceCents);
        s.put("currency", "EUR").put("declaredAt", "2026-11-21T16:39:02Z");
        return s;
    }
}
