package fr.novaevo.workstation.sync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.core.testing.RandomCases;
import fr.novaevo.workstation.sync.json.JsonPaths;
import fr.novaevo.workstation.sync.json.SyncJson;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The merge rule over random edits: every local change is kept, dropped as already there, or a conflict. */
class ThreeWayMergePropertyTest {

    private static final ObjectMapper JSON = SyncJson.newMapper();
    private static final List<String> FIELDS = List.of("status", "bay", "notes", "vehicle.vin", "vehicle.mileageKm",
            "vehicle.plate", "durationMinutes", "slotStart");

    private static ObjectNode doc(List<Integer> values) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < FIELDS.size(); i++) {
            int v = values.get(i % values.size());
            if (v != 0) {
                JsonPaths.set(node, FIELDS.get(i), JSON.getNodeFactory().numberNode(v));
            }
        }
        return node;
    }

    /** One value per field in {@code [min, max]}; 0 means absent, -1 (local only) means not edited. */
    private static List<Integer> values(SplittableRandom random, int min, int max) {
        return java.util.stream.IntStream.range(0, FIELDS.size()).mapToObj(i -> RandomCases.between(random, min, max))
                .toList();
    }

    @Test
    void everyLocalChangeIsAccountedForAndNothingIsDecidedSilently() {
        RandomCases.check(2000, random -> accountedFor(values(random, 0, 3), values(random, 0, 3), values(random, -1, 3)));
    }

    private static void accountedFor(List<Integer> base, List<Integer> remote, List<Integer> local) {
        ObjectNode baseDoc = doc(base);
        ObjectNode remoteDoc = doc(remote);
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (local.get(i) >= 0) {
                changes.put(FIELDS.get(i), local.get(i) == 0 ? JSON.nullNode() : JSON.getNodeFactory().numberNode(local.get(i)));
            }
        }

        ThreeWayMerge.Result r = ThreeWayMerge.merge(baseDoc, changes, remoteDoc);

        Set<String> seen = new HashSet<>(r.keep().keySet());
        for (ThreeWayMerge.FieldConflict c : r.conflicts()) {
            assertThat(seen.add(c.path())).as("a field is kept or in conflict, not both").isTrue();
            JsonNode theirs = JsonPaths.get(remoteDoc, c.path());
            assertThat(JsonPaths.same(theirs, JsonPaths.get(baseDoc, c.path()))).as("the platform changed it too").isFalse();
            assertThat(JsonPaths.same(theirs, changes.get(c.path()))).as("to another value").isFalse();
            assertThat(JsonPaths.same(c.local(), changes.get(c.path()))).isTrue();
            assertThat(JsonPaths.same(c.remote(), theirs)).isTrue();
        }
        for (Map.Entry<String, JsonNode> kept : r.keep().entrySet()) {
            assertThat(JsonPaths.same(JsonPaths.get(remoteDoc, kept.getKey()), JsonPaths.get(baseDoc, kept.getKey())))
                    .as("kept only where the platform did not touch it").isTrue();
            assertThat(kept.getValue()).isEqualTo(changes.get(kept.getKey()));
        }
        for (Map.Entry<String, JsonNode> change : changes.entrySet()) {
            if (!seen.contains(change.getKey())) {
                assertThat(JsonPaths.same(JsonPaths.get(remoteDoc, change.getKey()), change.getValue()))
                        .as("dropped only when the platform already has it").isTrue();
            }
        }
    }
}
