package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code type} of a change or an operation. */
public enum EntityType {
    BOOKING, COMMISSION, SALE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EntityType fromJson(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown entity type: " + value));
    }

    public static Optional<EntityType> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
