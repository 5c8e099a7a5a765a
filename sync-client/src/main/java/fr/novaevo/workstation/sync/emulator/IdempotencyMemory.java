package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** Answers of processed push batches, by {@code Idempotency-Key}, compared with the body as a JSON value. */
final class IdempotencyMemory {

    sealed interface Begin {
    }

    record Started() implements Begin {
    }

    record Replay(JsonNode answer) implements Begin {
    }

    private record Entry(JsonNode body, JsonNode answer) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    synchronized Begin begin(String key, JsonNode body) {
        Entry entry = entries.get(key);
        if (entry == null) {
            entries.put(key, new Entry(body, null));
            return new Started();
        }
        if (!entry.body().equals(body)) {
            throw new ApiProblem(422, "idempotency_key_reused", "this key was used with another body");
        }
        if (entry.answer() == null) {
            throw new ApiProblem(409, "idempotency_in_progress", "this batch is being processed");
        }
        return new Replay(entry.answer());
    }

    synchronized void complete(String key, JsonNode body, JsonNode answer) {
        entries.put(key, new Entry(body, answer));
    }

    synchronized boolean inProgress(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.answer() == null;
    }

    /** A batch that failed before being processed is not remembered. */
    synchronized void abandon(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.answer() == null) {
            entries.remove(key);
        }
    }
}
