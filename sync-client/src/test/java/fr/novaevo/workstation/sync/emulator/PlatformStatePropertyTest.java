package fr.novaevo.workstation.sync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.core.testing.RandomCases;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.model.BookingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random batches against the emulated platform keep the contract's invariants: no two bookings that hold
 * their bay overlap, every transition is one the contract allows, revisions only grow, and the feed pulled
 * from the beginning is exactly the current state.
 */
class PlatformStatePropertyTest {

    private static final ObjectMapper JSON = SyncJson.newMapper();
    private static final String[] BAYS = {"Pont 1", "pont1", "Pont 2", " PONT 2 "};

    @Test
    void randomBatchesKeepTheInvariants() {
        RandomCases.check(60, PlatformStatePropertyTest::randomBatches);
    }

    private static void randomBatches(SplittableRandom random) {
        PlatformState state = new PlatformState(JSON, InstantSource.fixed(Instant.parse("2026-11-21T08:00:00Z")),
                "g-123", Duration.ofDays(30));
        List<UUID> ids = new ArrayList<>();
        Map<UUID, Long> lastRev = new HashMap<>();
        Map<UUID, String> lastStatus = new HashMap<>();
        for (int batch = 0; batch < 15; batch++) {
            List<JsonNode> ops = new ArrayList<>();
            Set<UUID> used = new HashSet<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                ObjectNode op = randomOp(random, ids, state);
                if (op != null && used.add(UUID.fromString(op.get("id").asText()))) {
                    ops.add(op);
                }
            }
            if (ops.isEmpty()) {
                continue;
            }
            ObjectNode body = JSON.createObjectNode();
            body.putArray("ops").addAll(ops);
            ObjectNode answer = state.push(PlatformState.parseBatch(body));
            assertThat(answer.get("results")).hasSize(ops.size());
            checkInvariants(state, lastRev, lastStatus);
        }
    }

    private static ObjectNode randomOp(SplittableRandom random, List<UUID> ids, PlatformState state) {
        ObjectNode op = JSON.createObjectNode();
        op.put("opId", uuid(random).toString());
        op.put("type", "booking");
        int dice = random.nextInt(10);
        if (dice < 4 || ids.isEmpty()) {
            UUID id = uuid(random);
            ids.add(id);
            op.put("id", id.toString()).put("op", "create").putNull("baseRev");
            ObjectNode f = op.putObject("fields");
            f.put("status", List.of("requested", "confirmed", "checked_in", "in_progress").get(random.nextInt(4)));
            f.put("slotStart", Instant.parse("2026-11-24T08:00:00Z").plusSeconds(900L * random.nextInt(16)).toString());
            f.put("durationMinutes", 15 * (1 + random.nextInt(6)));
            f.put("bay", BAYS[random.nextInt(BAYS.length)]);
            f.putObject("customer").put("name", "Client " + ids.size());
            f.putObject("service").put("code", "repair");
            return op;
        }
        UUID id = ids.get(random.nextInt(ids.size()));
        JsonNode current = state.booking(id).orElse(null);
        long rev = current == null ? 1 : current.get("rev").asLong();
        // Sometimes a stale base, to exercise conflicts.
        long baseRev = random.nextInt(8) == 0 ? rev - 1 : rev;
        op.put("id", id.toString()).put("baseRev", baseRev);
        if (dice == 9) {
            op.put("op", "delete").putObject("fields");
            return op;
        }
        op.put("op", "update");
        ObjectNode f = op.putObject("fields");
        switch (random.nextInt(3)) {
            case 0 -> f.put("status", BookingStatus.values()[random.nextInt(BookingStatus.values().length)].wire());
            case 1 -> f.put("slotStart", Instant.parse("2026-11-24T08:00:00Z").plusSeconds(900L * random.nextInt(16)).toString());
            default -> f.put("bay", BAYS[random.nextInt(BAYS.length)]);
        }
        return op;
    }

    /** Ids drawn from the case's random source, so that a failing seed replays the very same batches. */
    private static UUID uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static void checkInvariants(PlatformState state, Map<UUID, Long> lastRev, Map<UUID, String> lastStatus) {
        List<ObjectNode> live = state.liveBookings();
        for (ObjectNode a : live) {
            UUID id = UUID.fromString(a.get("id").asText());
            long rev = a.get("rev").asLong();
            assertThat(rev).isGreaterThanOrEqualTo(lastRev.getOrDefault(id, 1L));
            lastRev.put(id, rev);
            String status = a.get("status").asText();
            String before = lastStatus.put(id, status);
            if (before != null && !before.equals(status)) {
                assertThat(BookingStatus.fromJson(before).canBecome(BookingStatus.fromJson(status)))
                        .as(before + " -> " + status).isTrue();
            }
            for (ObjectNode b : live) {
                if (a == b || !BookingStatus.fromJson(a.get("status").asText()).occupiesBay()
                        || !BookingStatus.fromJson(b.get("status").asText()).occupiesBay()
                        || !BookingRules.bayKey(a.get("bay").asText()).equals(BookingRules.bayKey(b.get("bay").asText()))) {
                    continue;
                }
                Instant aStart = Instant.parse(a.get("slotStart").asText());
                Instant bStart = Instant.parse(b.get("slotStart").asText());
                Instant aEnd = aStart.plusSeconds(60 * a.get("durationMinutes").asLong());
                Instant bEnd = bStart.plusSeconds(60 * b.get("durationMinutes").asLong());
                assertThat(aStart.isBefore(bEnd) && bStart.isBefore(aEnd)).as(a.get("id") + " overlaps " + b.get("id")).isFalse();
            }
        }
        JsonNode feed = state.changes(null, "1000").get("changes");
        Map<String, Long> fromFeed = new HashMap<>();
        for (JsonNode c : feed) {
            if (!c.get("deleted").asBoolean()) {
                assertThat(fromFeed.put(c.get("id").asText(), c.get("rev").asLong())).as("once in the feed").isNull();
                assertThat(c.get("data")).isEqualTo(state.booking(UUID.fromString(c.get("id").asText())).orElseThrow());
            } else {
                assertThat(state.isDeleted(UUID.fromString(c.get("id").asText()))).isTrue();
            }
        }
        assertThat(fromFeed).hasSize(live.size());
    }
}
