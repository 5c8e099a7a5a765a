package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code op} of a push operation. */
public enum OpKind {
    CREATE, UPDATE, DELETE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OpKind fromJson(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown op: " + value));
    }

    public static Optional<OpKind> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
