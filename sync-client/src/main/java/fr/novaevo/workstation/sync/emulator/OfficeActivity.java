package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What happens on the platform side while the demo runs: customers book online or cancel, the office adds
 * notes, partners validate and pay commissions. One {@link #step()} is one such event.
 */
public final class OfficeActivity {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String[] NAMES = {"Manon Girard", "Louis Fontaine", "Inès Rousseau", "Paul Vincent",
            "Chloé Lemoine", "Nicolas Perrin"};
    private static final String[] NOTES = {"Le client demande un véhicule de prêt", "Rappeler le client avant 17 h",
            "Pièces commandées, livraison demain", "Client fidèle : proposer le contrôle climatisation"};

    private final PlatformState state;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final Random random;

    OfficeActivity(PlatformState state, ObjectMapper json, InstantSource clock, long seed) {
        this.state = state;
        this.json = json;
        this.clock = clock;
        this.random = new Random(seed);
    }

    /** @return a short description of what happened, or empty when the drawn event was not possible */
    public String step() {
        int dice = random.nextInt(100);
        try {
            if (dice < 40) {
                return bookOnline();
            }
            List<ObjectNode> bookings = state.liveBookings();
            if (dice < 60 && !bookings.isEmpty()) {
                ObjectNode b = bookings.get(random.nextInt(bookings.size()));
                state.platformUpdateBooking(UUID.fromString(b.get("id").asText()),
                        Map.of("notes", NOTES[random.nextInt(NOTES.length)]));
                return "note on " + b.get("id").asText();
            }
            if (dice < 80) {
                return advanceCommission();
            }
            for (ObjectNode b : bookings) {
                BookingStatus status = BookingStatus.fromJson(b.get("status").asText());
                if (status == BookingStatus.REQUESTED || status == BookingStatus.CONFIRMED) {
                    state.platformUpdateBooking(UUID.fromString(b.get("id").asText()),
                            Map.of("status", BookingStatus.CANCELLED.wire()));
                    return "cancelled " + b.get("id").asText();
                }
            }
            return "";
        } catch (IllegalStateException refused) {
            return "";
        }
    }

    private String bookOnline() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), PARIS).plusDays(1 + random.nextInt(7));
        Instant start = day.atTime(LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(18))).atZone(PARIS).toInstant();
        ObjectNode b = json.createObjectNode();
        b.put("status", "requested").put("slotStart", start.toString()).put("durationMinutes", 60)
                .put("bay", "Pont " + (1 + random.nextInt(3)));
        b.putObject("customer").put("name", NAMES[random.nextInt(NAMES.length)]).put("phone", "+3361234" + (1000 + random.nextInt(9000)));
        b.putObject("service").put("code", "maintenance").put("description", "Révision annuelle");
        return "booked " + state.platformCreateBooking(b);
    }

    private String advanceCommission() {
        for (ObjectNode c : state.commissions()) {
            CommissionStatus status = CommissionStatus.fromJson(c.get("status").asText());
            CommissionStatus next = status == CommissionStatus.PENDING ? CommissionStatus.VALIDATED
                    : status == CommissionStatus.VALIDATED ? CommissionStatus.PAID : null;
            if (next != null) {
                state.platformSetCommissionStatus(UUID.fromString(c.get("id").asText()), next);
                return next.wire() + " " + c.get("id").asText();
            }
        }
        return "";
    }
}
