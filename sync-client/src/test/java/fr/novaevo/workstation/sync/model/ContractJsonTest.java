package fr.novaevo.workstation.sync.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.error.PlatformProblemException;
import fr.novaevo.workstation.sync.error.ProblemCode;
import fr.novaevo.workstation.sync.json.SyncJson;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractJsonTest {

    private final ObjectMapper json = SyncJson.newMapper();

    private static final String BOOKING = """
            {
              "id": "0193a1c2-0000-7000-8000-000000000001", "rev": 42, "garageId": "g-123",
              "status": "confirmed",
              "slotStart": "2026-11-23T08:30:00Z", "durationMinutes": 60, "bay": "Pont 2",
              "customer": {"name": "Claire Moreau", "phone": "+33612345678", "email": "claire.moreau@example.fr"},
              "vehicle": {"vin": "VF1RFB00X12345678", "plate": "AB-123-CD", "make": "Renault", "model": "Clio V",
                          "year": 2021, "mileageKm": 48210},
              "service": {"code": "diagnostic", "description": "Voyant moteur allumé"},
              "notes": "",
              "source": "platform",
              "createdAt": "2026-11-20T10:02:11Z", "updatedAt": "2026-11-21T07:15:40Z",
              "loyaltyTier": "gold"
            }
            """;

    @Test
    void readsTheContractsBookingAndIgnoresUnknownFields() throws Exception {
        Booking booking = json.readValue(BOOKING, Booking.class);

        assertThat(booking.rev()).isEqualTo(42);
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.slotStart()).isEqualTo(Instant.parse("2026-11-23T08:30:00Z"));
        assertThat(booking.slotEnd()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(booking.customer().name()).isEqualTo("Claire Moreau");
        assertThat(booking.vehicle().mileageKm()).isEqualTo(48210L);
        assertThat(booking.service().code()).isEqualTo(ServiceCode.DIAGNOSTIC);
        assertThat(booking.service().description()).isEqualTo("Voyant moteur allumé");
    }

    @Test
    void writesABookingWithTheContractsFieldNamesAndRfc3339Times() throws Exception {
        Booking booking = json.readValue(BOOKING, Booking.class);
        JsonNode written = json.valueToTree(booking);

        assertThat(written.get("slotStart").asText()).isEqualTo("2026-11-23T08:30:00Z");
        assertThat(written.get("status").asText()).isEqualTo("confirmed");
        assertThat(written.get("service").get("code").asText()).isEqualTo("diagnostic");
        assertThat(written.at("/vehicle/mileageKm").asLong()).isEqualTo(48210);
        assertThat(written.has("loyaltyTier")).isFalse();
        assertThat(json.treeToValue(written, Booking.class)).isEqualTo(booking);
    }

    @Test
    void readsACommissionWithMoneyAsCentsAndCurrency() throws Exception {
        Commission c = json.readValue("""
                {"id": "0194a1c2-0000-7000-8000-000000000001", "rev": 7, "garageId": "g-123",
                 "bookingId": "0193a1c2-0000-7000-8000-000000000001", "saleId": "0199a1c2-0000-7000-8000-000000000001",
                 "partner": {"id": "p-pex", "name": "Pièces Express"}, "orderRef": "PX-2026-118822",
                 "saleAmountCents": 18990, "currency": "EUR", "rateBps": 550, "commissionCents": 1044,
                 "status": "validated", "period": "2026-11",
                 "validatedAt": "2026-11-22T09:00:00Z", "paidAt": null,
                 "createdAt": "2026-11-21T16:40:00Z", "updatedAt": "2026-11-22T09:00:00Z", "extra": [1, 2]}
                """, Commission.class);

        assertThat(c.saleAmount()).isEqualTo(Money.eur(18990));
        assertThat(c.commission()).isEqualTo(Money.eur(1044));
        assertThat(c.period()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(c.status()).isEqualTo(CommissionStatus.VALIDATED);
        assertThat(c.paidAt()).isNull();
        assertThat(json.valueToTree(c).get("period").asText()).isEqualTo("2026-11");
        assertThat(json.valueToTree(c).has("saleAmount")).isFalse();
    }

    @Test
    void commissionIsRoundedHalfUpToTheCent() {
        assertThat(Commission.commissionCents(18990, 550)).isEqualTo(1044); // 1044.45
        assertThat(Commission.commissionCents(1000, 5)).isEqualTo(1);       // 0.5 -> 1
        assertThat(Commission.commissionCents(999, 5)).isEqualTo(0);        // 0.4995 -> 0
        assertThat(Commission.commissionCents(30, 5000)).isEqualTo(15);
        assertThat(Commission.commissionCents(1, 5000)).isEqualTo(1);       // 0.5 -> 1
    }

    @Test
    void commissionPeriodIsTheMonthInFrance() {
        assertThat(Commission.periodOf(Instant.parse("2026-10-31T23:30:00Z"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(Commission.periodOf(Instant.parse("2026-10-31T22:30:00Z"))).isEqualTo(YearMonth.of(2026, 10));
        // Summer time: UTC+2.
        assertThat(Commission.periodOf(Instant.parse("2026-06-30T21:59:59Z"))).isEqualTo(YearMonth.of(2026, 6));
        assertThat(Commission.periodOf(Instant.parse("2026-06-30T22:00:00Z"))).isEqualTo(YearMonth.of(2026, 7));
    }

    @Test
    void readsAChangesPageWithATombstone() throws Exception {
        ChangesPage page = json.readValue("""
                {"changes": [
                  {"type": "booking", "id": "0193a1c2-0000-7000-8000-000000000001", "rev": 42, "deleted": false,
                   "data": {"id": "0193a1c2-0000-7000-8000-000000000001", "status": "confirmed"}},
                  {"type": "booking", "id": "0190a1c2-0000-7000-8000-000000000001", "rev": 12, "deleted": true,
                   "data": null}],
                 "nextCursor": "opaque", "hasMore": true, "serverHint": "x"}
                """, ChangesPage.class);

        assertThat(page.changes()).hasSize(2);
        assertThat(page.changes().get(1).deleted()).isTrue();
        assertThat(page.changes().get(1).data() == null || page.changes().get(1).data().isNull()).isTrue();
        assertThat(page.nextCursor()).isEqualTo("opaque");
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void writesAPushOpWithAnExplicitNullBaseRev() {
        ObjectNode fields = json.createObjectNode().put("status", "checked_in").put("vehicle.mileageKm", 123456);
        PushOp op = new PushOp(UUID.fromString("0195a1c2-0000-7000-8000-0000000000a1"), EntityType.BOOKING,
                UUID.fromString("0193a1c2-0000-7000-8000-0000000000b1"), OpKind.CREATE, null, fields);

        JsonNode written = json.valueToTree(new PushRequest(java.util.List.of(op)));

        JsonNode first = written.get("ops").get(0);
        assertThat(first.has("baseRev")).isTrue();
        assertThat(first.get("baseRev").isNull()).isTrue();
        assertThat(first.get("op").asText()).isEqualTo("create");
        assertThat(first.get("type").asText()).isEqualTo("booking");
        assertThat(first.get("fields").get("vehicle.mileageKm").asLong()).isEqualTo(123456);
    }

    @Test
    void everyPerOperationResultBecomesATypedOutcome() throws Exception {
        PushResponse response = json.readValue("""
                {"results": [
                  {"opId": "0195a1c2-0000-7000-8000-0000000000a1", "status": "applied", "rev": 43},
                  {"opId": "0195a1c2-0000-7000-8000-0000000000a2", "status": "duplicate", "rev": 1},
                  {"opId": "0195a1c2-0000-7000-8000-0000000000a3", "status": "conflict", "current": {"rev": 9}},
                  {"opId": "0195a1c2-0000-7000-8000-0000000000a4", "status": "rejected",
                   "error": {"code": "unknown_offer", "message": "o-1"}}]}
                """, PushResponse.class);

        assertThat(response.results()).extracting(OpResult::outcome).containsExactly(
                new OpOutcome.Applied(43), new OpOutcome.Duplicate(1),
                new OpOutcome.Conflict(json.readTree("{\"rev\": 9}")), new OpOutcome.Rejected("unknown_offer", "o-1"));
    }

    @Test
    void anIncompleteResultIsRefused() throws Exception {
        OpResult appliedWithoutRev = json.readValue(
                "{\"opId\": \"0195a1c2-0000-7000-8000-0000000000a1\", \"status\": \"applied\"}", OpResult.class);
        OpResult conflictWithoutCurrent = json.readValue(
                "{\"opId\": \"0195a1c2-0000-7000-8000-0000000000a1\", \"status\": \"conflict\"}", OpResult.class);

        assertThatThrownBy(appliedWithoutRev::outcome).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(conflictWithoutCurrent::outcome).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.readValue("{\"opId\": \"0195a1c2-0000-7000-8000-0000000000a1\", \"status\": \"maybe\"}",
                OpResult.class)).isInstanceOf(Exception.class);
    }

    @Test
    void problemsAreTypedByCodeNeverByTitle() throws Exception {
        Problem problem = json.readValue("""
                {"type": "about:blank", "title": "Slot already booked", "status": 409, "code": "slot_taken",
                 "detail": "Pont 2 is busy", "instance": "/x"}
                """, Problem.class);
        PlatformProblemException error = new PlatformProblemException(409, problem, null);

        assertThat(error.problemCode()).isEqualTo(ProblemCode.SLOT_TAKEN);
        assertThat(error.code()).isEqualTo("SYNC-SLOT-TAKEN");
        assertThat(error.isTransient()).isFalse();
        assertThat(new PlatformProblemException(503, Problem.of(503, "unavailable", "maintenance"),
                Duration.ofSeconds(7)).isTransient()).isTrue();
        assertThat(new PlatformProblemException(400, Problem.of(400, "brand_new_code", "x"), null).problemCode())
                .isEqualTo(ProblemCode.UNKNOWN);
    }

    @Test
    void secretsNeverAppearInToString() {
        assertThat(new TokenRequest("g-123", "sk-secret-key").toString()).doesNotContain("sk-secret-key");
        assertThat(new RefreshRequest("rt-secret").toString()).doesNotContain("rt-secret");
        assertThat(new TokenResponse("at-secret", "Bearer", 900, "rt-secret").toString())
                .doesNotContain("at-secret").doesNotContain("rt-secret");
    }

    @Test
    void bookingStatusFollowsTheContractsTransitions() {
        assertThat(BookingStatus.REQUESTED.next()).containsExactlyInAnyOrder(BookingStatus.CONFIRMED, BookingStatus.CANCELLED);
        assertThat(BookingStatus.CONFIRMED.canBecome(BookingStatus.NO_SHOW)).isTrue();
        assertThat(BookingStatus.CHECKED_IN.canBecome(BookingStatus.COMPLETED)).isFalse();
        assertThat(BookingStatus.IN_PROGRESS.canBecome(BookingStatus.COMPLETED)).isTrue();
        assertThat(BookingStatus.COMPLETED.isFinal()).isTrue();
        assertThat(BookingStatus.CANCELLED.occupiesBay()).isFalse();
        assertThat(BookingStatus.fromWire("checked_in")).contains(BookingStatus.CHECKED_IN);
    }

    @Test
    void vinRuleExcludesIOAndQ() {
        assertThat(Vehicle.isValidVin("VF1RFB00X12345678")).isTrue();
        assertThat(Vehicle.isValidVin("VF1RFB00X1234567")).isFalse();
        assertThat(Vehicle.isValidVin("VF1RFB00O12345678")).isFalse();
        assertThat(Vehicle.isValidVin("vf1rfb00x12345678")).isFalse();
    }

    @Test
    void saleAmountIsTheSumOfItsLines() {
        Sale sale = new Sale(UUID.randomUUID(), null, "o-1", "p-pex", "PX-1",
                java.util.List.of(new SaleLine("A", "a", 2, 1250), new SaleLine("B", "b", 1, 999)), "EUR",
                Instant.parse("2026-11-21T16:39:02Z"));
        assertThat(sale.amount()).isEqualTo(Money.eur(3499));
    }
}
