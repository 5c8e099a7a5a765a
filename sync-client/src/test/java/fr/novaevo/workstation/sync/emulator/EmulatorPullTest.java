package fr.novaevo.workstation.sync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.sync.testing.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The change feed: server order, pages, cursors, compaction, tombstones, expiry. */
class EmulatorPullTest extends EmulatorTestSupport {

    private List<UUID> createFive() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(walkIn("2026-11-24T0" + (i + 1) + ":00:00Z", 60, "Pont 1")));
        }
        return ids;
    }

    @Test
    void pagesFollowTheServerSequenceUntilHasMoreIsFalse() throws Exception {
        List<UUID> ids = createFive();

        RawHttp.Reply first = http.get("sync/changes?limit=2");
        RawHttp.Reply second = http.get("sync/changes?limit=2&since=" + first.json().get("nextCursor").asText());
        RawHttp.Reply third = http.get("sync/changes?limit=2&since=" + second.json().get("nextCursor").asText());
        RawHttp.Reply empty = http.get("sync/changes?limit=2&since=" + third.json().get("nextCursor").asText());

        assertThat(first.json().get("hasMore").asBoolean()).isTrue();
        assertThat(second.json().get("hasMore").asBoolean()).isTrue();
        assertThat(third.json().get("hasMore").asBoolean()).isFalse();
        List<String> seen = new ArrayList<>();
        for (RawHttp.Reply r : List.of(first, second, third)) {
            r.json().get("changes").forEach(c -> seen.add(c.get("id").asText()));
        }
        assertThat(seen).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        assertThat(empty.json().get("changes")).isEmpty();
        assertThat(empty.json().get("hasMore").asBoolean()).isFalse();
        JsonNode change = first.json().get("changes").get(0);
        assertThat(change.get("type").asText()).isEqualTo("booking");
        assertThat(change.get("rev").asLong()).isEqualTo(1);
        assertThat(change.get("deleted").asBoolean()).isFalse();
        assertThat(change.at("/data/id").asText()).isEqualTo(ids.getFirst().toString());
    }

    @Test
    void theFeedIsCompactedAndAnEntityComesBackWithAHigherRev() throws Exception {
        List<UUID> ids = createFive();
        String cursor = http.get("sync/changes?limit=1000").json().get("nextCursor").asText();
        emulator.state().platformUpdateBooking(ids.get(1), Map.of("notes", "a"));
        emulator.state().platformUpdateBooking(ids.get(1), Map.of("notes", "b"));

        JsonNode page = http.get("sync/changes?since=" + cursor).json();
        JsonNode fromStart = http.get("sync/changes").json();

        assertThat(page.get("changes")).hasSize(1);
        assertThat(page.at("/changes/0/rev").asLong()).as("revision 2 was skipped").isEqualTo(3);
        assertThat(page.at("/changes/0/data/notes").asText()).isEqualTo("b");
        assertThat(fromStart.get("changes")).hasSize(5);
        assertThat(fromStart.at("/changes/4/id").asText()).as("moved to the end of the sequence").isEqualTo(ids.get(1).toString());
    }

    @Test
    void aPullFromTheBeginningIncludesTombstones() throws Exception {
        List<UUID> ids = createFive();
        emulator.state().platformDeleteBooking(ids.get(2));

        JsonNode changes = http.get("sync/changes").json().get("changes");

        JsonNode tombstone = changes.get(4);
        assertThat(tombstone.get("id").asText()).isEqualTo(ids.get(2).toString());
        assertThat(tombstone.get("deleted").asBoolean()).isTrue();
        assertThat(tombstone.get("data").isNull()).isTrue();
        assertThat(tombstone.get("rev").asLong()).isEqualTo(2);
    }

    @Test
    void badLimitIsInvalidParameterAndBadCursorInvalidCursor() throws Exception {
        assertThat(http.get("sync/changes?limit=0").code()).isEqualTo("invalid_parameter");
        assertThat(http.get("sync/changes?limit=1001").code()).isEqualTo("invalid_parameter");
        assertThat(http.get("sync/changes?limit=many").code()).isEqualTo("invalid_parameter");
        assertThat(http.get("sync/changes?limit=1000").status()).isEqualTo(200);
        assertThat(http.get("sync/changes?since=not-a-cursor").code()).isEqualTo("invalid_cursor");
        assertThat(http.get("sync/changes?since=djE6MDp4OjA").code()).isEqualTo("invalid_cursor");
    }

    @Test
    void expiredCursorsAreGone() throws Exception {
        createFive();
        String cursor = http.get("sync/changes").json().get("nextCursor").asText();

        emulator.expireCursors();
        RawHttp.Reply gone = http.get("sync/changes?since=" + cursor);

        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.code()).isEqualTo("cursor_expired");
        String fresh = http.get("sync/changes").json().get("nextCursor").asText();
        assertThat(http.get("sync/changes?since=" + fresh).status()).isEqualTo(200);
    }

    @Test
    void cursorsExpireWithTime() throws Exception {
        createFive();
        String cursor = http.get("sync/changes").json().get("nextCursor").asText();
        String refresh = refreshToken;

        clock.advance(Duration.ofDays(31));
        RawHttp.Reply renewed = new RawHttp(emulator.baseUri())
                .post("auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}");
        http.bearer(renewed.json().get("accessToken").asText());

        assertThat(http.get("sync/changes?since=" + cursor).code()).isEqualTo("cursor_expired");
    }

    @Test
    void commissionsFlowThroughTheFeed() throws Exception {
        http.push(UUID.randomUUID().toString(), batch(op(UUID.randomUUID(), "sale", UUID.randomUUID(), "create", null,
                EmulatorPushTest.sale(null, "o-70210", "p-autodis", 3, 4590))));
        UUID commission = UUID.fromString(emulator.state().commissions().getFirst().get("id").asText());
        emulator.state().platformSetCommissionStatus(commission, fr.novaevo.workstation.sync.model.CommissionStatus.VALIDATED);

        JsonNode changes = http.get("sync/changes").json().get("changes");

        assertThat(changes).hasSize(1);
        assertThat(changes.at("/0/type").asText()).isEqualTo("commission");
        assertThat(changes.at("/0/rev").asLong()).isEqualTo(2);
        assertThat(changes.at("/0/data/status").asText()).isEqualTo("validated");
        assertThat(changes.at("/0/data/saleAmountCents").asLong()).isEqualTo(13770);
        assertThat(changes.at("/0/data/commissionCents").asLong()).isEqualTo(964); // 963.9
    }
}
