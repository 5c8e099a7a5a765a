package fr.novaevo.workstation.sync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.SyncJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

    private static final ObjectMapper JSON = SyncJson.newMapper();

    private static ObjectNode booking(String bay, String notes, long mileage) {
        ObjectNode b = JSON.createObjectNode().put("bay", bay).put("notes", notes);
        b.putObject("vehicle").put("mileageKm", mileage).putNull("vin");
        return b;
    }

    private static Map<String, JsonNode> changes(Object... kv) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], JSON.valueToTree(kv[i + 1]));
        }
        return m;
    }

    @Test
    void changesToDifferentFieldsMergeByThemselves() {
        ThreeWayMerge.Result r = ThreeWayMerge.merge(booking("Pont 1", "", 1000),
                changes("notes", "Bruit moteur", "vehicle.mileageKm", 1200), booking("Pont 3", "", 1000));

        assertThat(r.conflicts()).isEmpty();
        assertThat(r.keep()).containsOnlyKeys("notes", "vehicle.mileageKm");
    }

    @Test
    void theSameValueOnBothSidesLeavesNothingToSend() {
        ThreeWayMerge.Result r = ThreeWayMerge.merge(booking("Pont 1", "", 1000),
                changes("bay", "Pont 3"), booking("Pont 3", "", 1000));

        assertThat(r.keep()).isEmpty();
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void theSameFieldChangedDifferentlyIsAConflictWithAllThreeValues() {
        ThreeWayMerge.Result r = ThreeWayMerge.merge(booking("Pont 1", "", 1000),
                changes("vehicle.mileageKm", 1200, "notes", "ok"), booking("Pont 1", "", 1500));

        assertThat(r.keep()).containsOnlyKeys("notes");
        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("vehicle.mileageKm");
            assertThat(c.base().asLong()).isEqualTo(1000);
            assertThat(c.local().asLong()).isEqualTo(1200);
            assertThat(c.remote().asLong()).isEqualTo(1500);
        });
    }

    @Test
    void absentAndNullAreTheSameAndANullBaseMakesEveryDifferenceAConflict() {
        ThreeWayMerge.Result fromNull = ThreeWayMerge.merge(booking("Pont 1", "", 1),
                changes("vehicle.vin", "VF1RFB00X12345678"), JSON.createObjectNode().put("bay", "Pont 1"));
        assertThat(fromNull.keep()).containsOnlyKeys("vehicle.vin");

        ThreeWayMerge.Result noBase = ThreeWayMerge.merge(null, changes("bay", "Pont 2"), booking("Pont 1", "", 1));
        assertThat(noBase.conflicts()).hasSize(1);
    }
}
