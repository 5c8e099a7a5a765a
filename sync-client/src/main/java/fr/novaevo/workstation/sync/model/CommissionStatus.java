package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** {@code pending → validated | cancelled; validated → paid}. */
public enum CommissionStatus {
    PENDING, VALIDATED, CANCELLED, PAID;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CommissionStatus fromJson(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown commission status: " + value));
    }

    public boolean canBecome(CommissionStatus target) {
        return switch (this) {
            case PENDING -> target == VALIDATED || target == CANCELLED;
            case VALIDATED -> target == PAID;
            case CANCELLED, PAID -> false;
        };
    }
}
