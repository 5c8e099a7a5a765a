package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.JsonPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge rule of the contract, per field: local changes are compared with the base they were made on and
 * with the platform's new copy. A field only we changed is kept (to be sent on the new base); a field the
 * platform set to our value is dropped (nothing left to send); a field both changed differently is a
 * conflict for the user. Nothing is decided silently.
 */
public final class ThreeWayMerge {

    /** The same field changed on both sides to different values. */
    public record FieldConflict(String path, JsonNode base, JsonNode local, JsonNode remote) {
    }

    /**
     * @param keep      local changes still to send, against the platform's copy
     * @param conflicts fields for the user
     */
    public record Result(Map<String, JsonNode> keep, List<FieldConflict> conflicts) {
    }

    private ThreeWayMerge() {
    }

    /**
     * @param base    the platform's copy the local changes were made on (null: none, every field is new)
     * @param local   the local changes, by dotted path
     * @param remote  the platform's current copy
     */
    public static Result merge(ObjectNode base, Map<String, JsonNode> local, ObjectNode remote) {
        Map<String, JsonNode> keep = new LinkedHashMap<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> change : local.entrySet()) {
            String path = change.getKey();
            JsonNode mine = change.getValue();
            JsonNode theirs = JsonPaths.get(remote, path);
            JsonNode original = base == null ? null : JsonPaths.get(base, path);
            if (JsonPaths.same(theirs, mine)) {
                continue;
            }
            if (JsonPaths.same(theirs, original)) {
                keep.put(path, mine);
            } else {
                conflicts.add(new FieldConflict(path, original, mine, theirs));
            }
        }
        return new Result(keep, conflicts);
    }
}
