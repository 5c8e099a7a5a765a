package fr.novaevo.workstation.sync.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Dotted paths ({@code vehicle.mileageKm}) into JSON trees, as push updates name fields. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The value at {@code path}; a JSON null when absent, so that "absent" and "null" compare equal. */
    public static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return NullNode.getInstance();
            }
            node = node.get(part);
        }
        return node == null || node instanceof MissingNode ? NullNode.getInstance() : node;
    }

    /** Sets {@code path}, creating intermediate objects (a null parent becomes an object). */
    public static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                ObjectNode created = JsonNodeFactory.instance.objectNode();
                node.set(parts[i], created);
                node = created;
            } else {
                node = (ObjectNode) child;
            }
        }
        node.set(parts[parts.length - 1], value == null ? NullNode.getInstance() : value);
    }

    /** Numbers compare by value (48210 equals 48210.0 is not accepted: integers only), others structurally. */
    public static boolean same(JsonNode a, JsonNode b) {
        JsonNode left = a == null || a.isMissingNode() ? NullNode.getInstance() : a;
        JsonNode right = b == null || b.isMissingNode() ? NullNode.getInstance() : b;
        if (left.isIntegralNumber() && right.isIntegralNumber()) {
            return left.bigIntegerValue().equals(right.bigIntegerValue());
        }
        return left.equals(right);
    }
}
