package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The {@code status} of one operation's result. */
public enum OpStatus {
    APPLIED, DUPLICATE, CONFLICT, REJECTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OpStatus fromJson(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown operation status: " + value));
    }
}
