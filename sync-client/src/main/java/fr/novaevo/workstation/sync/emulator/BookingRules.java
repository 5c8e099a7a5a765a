package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.JsonPaths;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.ServiceCode;
import fr.novaevo.workstation.sync.model.Vehicle;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The booking field checks of the contract ({@code invalid_field} with the dotted path). */
final class BookingRules {

    static final Set<String> WRITABLE = Set.of("status", "slotStart", "durationMinutes", "bay", "notes",
            "vehicle.vin", "vehicle.mileageKm", "vehicle.plate");

    private static final Set<String> SERVER_OWNED = Set.of("rev", "garageId", "createdAt", "updatedAt");

    private BookingRules() {
    }

    static void checkUpdate(ObjectNode fields) {
        Iterator<Map.Entry<String, JsonNode>> it = fields.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!WRITABLE.contains(e.getKey())) {
                throw invalid(e.getKey());
            }
            checkValue(e.getKey(), e.getValue(), false);
        }
    }

    static void checkCreate(ObjectNode booking, String id) {
        for (String owned : SERVER_OWNED) {
            if (booking.hasNonNull(owned)) {
                throw invalid(owned);
            }
        }
        if (booking.hasNonNull("id") && !booking.get("id").asText().equals(id)) {
            throw invalid("id");
        }
        JsonNode status = booking.get("status");
        if (status == null || !status.isTextual()
                || BookingStatus.fromWire(status.asText()).filter(BookingStatus::allowedOnCreate).isEmpty()) {
            throw invalid("status");
        }
        checkValue("slotStart", JsonPaths.get(booking, "slotStart"), true);
        checkValue("durationMinutes", JsonPaths.get(booking, "durationMinutes"), true);
        checkValue("bay", JsonPaths.get(booking, "bay"), true);
        JsonNode customer = booking.get("customer");
        if (customer == null || !customer.isObject()) {
            throw invalid("customer.name");
        }
        requireText(JsonPaths.get(booking, "customer.name"), "customer.name", true);
        requireText(JsonPaths.get(booking, "customer.phone"), "customer.phone", false);
        requireText(JsonPaths.get(booking, "customer.email"), "customer.email", false);
        JsonNode service = booking.get("service");
        JsonNode code = JsonPaths.get(booking, "service.code");
        if (service == null || !service.isObject() || !code.isTextual() || ServiceCode.fromWire(code.asText()).isEmpty()) {
            throw invalid("service.code");
        }
        requireText(JsonPaths.get(booking, "service.description"), "service.description", false);
        JsonNode vehicle = booking.get("vehicle");
        if (vehicle != null && !vehicle.isNull() && !vehicle.isObject()) {
            throw invalid("vehicle");
        }
        checkValue("vehicle.vin", JsonPaths.get(booking, "vehicle.vin"), false);
        checkValue("vehicle.plate", JsonPaths.get(booking, "vehicle.plate"), false);
        checkValue("vehicle.mileageKm", JsonPaths.get(booking, "vehicle.mileageKm"), false);
        requireText(JsonPaths.get(booking, "vehicle.make"), "vehicle.make", false);
        requireText(JsonPaths.get(booking, "vehicle.model"), "vehicle.model", false);
        JsonNode year = JsonPaths.get(booking, "vehicle.year");
        if (!year.isNull() && (!year.canConvertToInt() || !year.isIntegralNumber() || year.asInt() < 1886)) {
            throw invalid("vehicle.year");
        }
        checkValue("notes", JsonPaths.get(booking, "notes"), false);
        JsonNode source = booking.get("source");
        if (source != null && !source.isNull() && !"workstation".equals(source.asText())) {
            throw invalid("source");
        }
    }

    private static void checkValue(String path, JsonNode value, boolean required) {
        if (value == null || value.isNull()) {
            if (required || path.equals("status") || path.equals("slotStart") || path.equals("durationMinutes")
                    || path.equals("bay")) {
                throw invalid(path);
            }
            return;
        }
        switch (path) {
            case "status" -> {
                if (!value.isTextual() || BookingStatus.fromWire(value.asText()).isEmpty()) {
                    throw invalid(path);
                }
            }
            case "slotStart" -> parseInstant(value, path);
            case "durationMinutes" -> {
                if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 10_080) {
                    throw invalid(path);
                }
            }
            case "bay" -> requireText(value, path, true);
            case "notes", "vehicle.plate" -> requireText(value, path, false);
            case "vehicle.vin" -> {
                if (!value.isTextual() || !Vehicle.isValidVin(value.asText())) {
                    throw invalid(path);
                }
            }
            case "vehicle.mileageKm" -> {
                if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > 10_000_000) {
                    throw invalid(path);
                }
            }
            default -> throw invalid(path);
        }
    }

    static Instant parseInstant(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw invalid(path);
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw invalid(path);
        }
    }

    private static void requireText(JsonNode value, String path, boolean required) {
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(path);
            }
            return;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            throw invalid(path);
        }
    }

    /** Bay names compare ignoring case and spaces. */
    static String bayKey(String bay) {
        return bay == null ? "" : bay.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    static OpRejected invalid(String path) {
        return new OpRejected("invalid_field", path);
    }
}
