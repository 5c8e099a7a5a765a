package fr.novaevo.workstation.app.cli.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.novaevo.workstation.sync.json.SyncJson;

/**
 * {@code --json} output with the platform contract's own mapping (its field names, RFC 3339 times, money in
 * cents), so that a booking printed here reads exactly like the platform's representation.
 */
final class CliJson {

    private static final ObjectMapper MAPPER = SyncJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CliJson() {
    }

    private static final ObjectMapper COMPACT = SyncJson.newMapper();

    /** One compact line: for outputs that stream one object per event. */
    static String writeLine(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
