package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.Vehicle;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The booking fields a workstation may change on {@code update}, and the local checks of their values. */
public final class BookingFields {

    public static final Set<String> WRITABLE = Set.of("status", "slotStart", "durationMinutes", "bay", "notes",
            "vehicle.vin", "vehicle.mileageKm", "vehicle.plate");

    private BookingFields() {
    }

    /** @throws LocalEditException with {@link LocalEditException#INVALID_FIELD} and the path as argument */
    static void check(String path, JsonNode value) {
        boolean ok = WRITABLE.contains(path) && switch (path) {
            case "status" -> value.isTextual() && BookingStatus.fromWire(value.asText()).isPresent();
            case "slotStart" -> value.isTextual() && parses(value.asText());
            case "durationMinutes" -> value.isIntegralNumber() && value.asLong() >= 1 && value.asLong() <= 10_080;
            case "bay" -> value.isTextual() && !value.asText().isBlank();
            case "notes", "vehicle.plate" -> value.isNull() || value.isTextual();
            case "vehicle.vin" -> value.isNull() || (value.isTextual() && Vehicle.isValidVin(value.asText()));
            case "vehicle.mileageKm" -> value.isNull() || (value.isIntegralNumber() && value.asLong() >= 0);
            default -> false;
        };
        if (!ok) {
            throw new LocalEditException(LocalEditException.INVALID_FIELD, "invalid value for " + path, path);
        }
    }

    private static boolean parses(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
