package fr.novaevo.workstation.sync.model;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking (rendez-vous) exactly as the platform represents it.
 *
 * <p>{@code rev}, {@code garageId}, {@code createdAt} and {@code updatedAt} are owned by the platform and are
 * null on a booking the workstation has created but not yet pushed.
 */
public record Booking(
        UUID id,
        Long rev,
        String garageId,
        BookingStatus status,
        Instant slotStart,
        Integer durationMinutes,
        String bay,
        Customer customer,
        Vehicle vehicle,
        BookingService service,
        String notes,
        String source,
        Instant createdAt,
        Instant updatedAt) {

    public static final String SOURCE_PLATFORM = "platform";
    public static final String SOURCE_WORKSTATION = "workstation";

    public Instant slotEnd() {
        return slotStart.plus(Duration.ofMinutes(durationMinutes));
    }
}
