package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a booking is for ({@code service.code}). */
public enum ServiceCode {
    DIAGNOSTIC, MAINTENANCE, REPAIR, ECU_PROGRAMMING, TYRES, BODYWORK, OTHER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ServiceCode fromJson(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown service code: " + value));
    }

    public static Optional<ServiceCode> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
