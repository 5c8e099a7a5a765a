package fr.novaevo.workstation.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.core.testing.RandomCases;
import fr.novaevo.workstation.sync.error.SyncProtocolException;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.model.Change;
import fr.novaevo.workstation.sync.model.ChangesPage;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import fr.novaevo.workstation.sync.model.OpResult;
import fr.novaevo.workstation.sync.model.PushOp;
import fr.novaevo.workstation.sync.model.PushRequest;
import fr.novaevo.workstation.sync.model.PushResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Answers come from outside: whatever the bytes, reading them gives a fully checked value or a
 * {@link SyncProtocolException}, never another exception.
 */
class AnswersPropertyTest {

    private static final ObjectMapper JSON = SyncJson.newMapper();
    private static final Answers ANSWERS = new Answers(JSON);

    private static final String PAGE = """
            {"changes": [
              {"type": "booking", "id": "0193a1c2-0000-7000-8000-000000000001", "rev": 42, "deleted": false,
               "data": {"id": "0193a1c2-0000-7000-8000-000000000001", "rev": 42, "garageId": "g-123",
                        "status": "confirmed", "slotStart": "2026-11-23T08:30:00Z", "durationMinutes": 60,
                        "bay": "Pont 2", "customer": {"name": "Claire Moreau", "phone": null, "email": null},
                        "vehicle": {"vin": "VF1RFB00X12345678", "plate": "AB-123-CD", "make": "Renault",
                                    "model": "Clio V", "year": 2021, "mileageKm": 48210},
                        "service": {"code": "diagnostic", "description": "Voyant"}, "notes": "",
                        "source": "platform", "createdAt": "2026-11-20T10:02:11Z", "updatedAt": "2026-11-21T07:15:40Z"}},
              {"type": "commission", "id": "0194a1c2-0000-7000-8000-000000000001", "rev": 7, "deleted": false,
               "data": {"id": "0194a1c2-0000-7000-8000-000000000001", "rev": 7, "garageId": "g-123",
                        "bookingId": null, "saleId": "0199a1c2-0000-7000-8000-000000000001",
                        "partner": {"id": "p-pex", "name": "Pièces Express"}, "orderRef": "PX-1",
                        "saleAmountCents": 18990, "currency": "EUR", "rateBps": 550, "commissionCents": 1044,
                        "status": "validated", "period": "2026-11", "validatedAt": null, "paidAt": null,
                        "createdAt": "2026-11-21T16:40:00Z", "updatedAt": "2026-11-22T09:00:00Z"}},
              {"type": "booking", "id": "0190a1c2-0000-7000-8000-000000000001", "rev": 12, "deleted": true, "data": null}],
             "nextCursor": "opaque", "hasMore": true}
            """;

    @Test
    void anyBytesAreAPageOrAProtocolError() {
        RandomCases.check(300, random -> readPage(RandomCases.bytes(random, 2048)));
    }

    @Test
    void aDamagedPageIsRefusedOrFullyValid() {
        RandomCases.check(1000, random -> aDamagedPage(damage(random)));
    }

    private static void aDamagedPage(Damage damage) {
        ChangesPage page = readPage(damage.apply(PAGE).getBytes(StandardCharsets.UTF_8));
        if (page != null) {
            assertThat(page.nextCursor()).isNotEmpty();
            for (Change c : page.changes()) {
                assertThat(c.id()).isNotNull();
                assertThat(c.rev()).isPositive();
                assertThat(c.deleted() || (c.data() != null && c.data().isObject())).isTrue();
            }
        }
    }

    @Test
    void aDamagedPushAnswerIsRefusedOrHasOneValidResultPerOperation() throws Exception {
        UUID opId = UUID.fromString("0195a1c2-0000-7000-8000-0000000000a1");
        PushRequest batch = new PushRequest(List.of(new PushOp(opId, EntityType.BOOKING,
                UUID.fromString("0193a1c2-0000-7000-8000-000000000001"), OpKind.UPDATE, 42L,
                JSON.createObjectNode().put("notes", "x"))));
        String valid = JSON.writeValueAsString(new PushResponse(List.of(OpResult.applied(opId, 43))));
        RandomCases.check(500, random -> aDamagedPushAnswer(batch, opId, damage(random).apply(valid)));
    }

    private static void aDamagedPushAnswer(PushRequest batch, UUID opId, String damaged) {
        try {
            PushResponse response = ANSWERS.pushResponse(batch, damaged.getBytes(StandardCharsets.UTF_8));
            assertThat(response.results()).hasSize(1);
            assertThat(response.results().getFirst().opId()).isEqualTo(opId);
            assertThat(response.results().getFirst().outcome()).isNotNull();
        } catch (SyncProtocolException expected) {
            assertThat(expected.code()).isEqualTo(SyncProtocolException.INVALID_RESPONSE);
        }
    }

    private static ChangesPage readPage(byte[] bytes) {
        try {
            return ANSWERS.changesPage(bytes);
        } catch (SyncProtocolException expected) {
            assertThat(expected.code()).isEqualTo(SyncProtocolException.INVALID_RESPONSE);
            return null;
        }
    }

    /** Cuts, deletes or overwrites a span of a valid answer. */
    record Damage(int kind, int at, int length, String with) {
        String apply(String text) {
            int start = Math.min(at, text.length());
            int end = Math.min(text.length(), start + length);
            return switch (kind) {
                case 0 -> text.substring(0, start);
                case 1 -> text.substring(0, start) + text.substring(end);
                default -> text.substring(0, start) + with + text.substring(end);
            };
        }
    }

    private static final List<String> TOKENS = List.of("null", "0", "-1", "\"\"", "[]", "{}", "true", "\"x\"", "1e309",
            "\"2026-13-45T99:00:00Z\"", "9223372036854775808", "\"booking\"", "\"sale\"", ",", ":", "\"");

    private static Damage damage(SplittableRandom random) {
        return new Damage(RandomCases.between(random, 0, 2), RandomCases.between(random, 0, 2600),
                RandomCases.between(random, 1, 40), RandomCases.oneOf(random, TOKENS));
    }

    @Test
    void theValidAnswerIsAccepted() {
        ChangesPage page = ANSWERS.changesPage(PAGE.getBytes(StandardCharsets.UTF_8));
        assertThat(page.changes()).hasSize(3);
    }
}
