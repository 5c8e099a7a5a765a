package fr.novaevo.workstation.sync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.Vehicle;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDataTest {

    private final PlatformState state = new PlatformState(SyncJson.newMapper(),
            InstantSource.fixed(Instant.parse("2026-11-21T08:00:00Z")), "g-123", java.time.Duration.ofDays(30));

    @Test
    void seededBookingsAreValidContractBookingsThatNeverOverlap() throws Exception {
        new SampleData(SyncJson.newMapper(), InstantSource.fixed(Instant.parse("2026-11-21T08:00:00Z")), "g-123")
                .seed(state);
        List<Booking> bookings = new java.util.ArrayList<>();
        for (ObjectNode node : state.liveBookings()) {
            bookings.add(SyncJson.newMapper().treeToValue(node, Booking.class));
        }

        assertThat(bookings).hasSizeGreaterThan(50);
        for (Booking b : bookings) {
            assertThat(Vehicle.isValidVin(b.vehicle().vin())).as(b.vehicle().vin()).isTrue();
            assertThat(b.vehicle().plate()).matches("[A-HJ-NP-TV-Z]{2}-\\d{3}-[A-HJ-NP-TV-Z]{2}");
            assertThat(b.customer().name()).isNotBlank();
            for (Booking o : bookings) {
                boolean overlap = !o.id().equals(b.id()) && o.bay().equals(b.bay())
                        && b.slotStart().isBefore(o.slotEnd()) && o.slotStart().isBefore(b.slotEnd());
                if (overlap) {
                    throw new AssertionError(b.id() + " overlaps " + o.id());
                }
            }
        }
    }

    @Test
    void seededCommissionsAreRoundedLikeThePlatform() throws Exception {
        new SampleData(SyncJson.newMapper(), InstantSource.fixed(Instant.parse("2026-11-21T08:00:00Z")), "g-123")
                .seed(state);
        for (JsonNode node : state.commissions()) {
            Commission c = SyncJson.newMapper().treeToValue(node, Commission.class);
            assertThat(c.commissionCents()).isEqualTo(Commission.commissionCents(c.saleAmountCents(), c.rateBps()));
            assertThat(c.period()).isEqualTo(Commission.periodOf(c.createdAt().minusSeconds(58)));
        }
        assertThat(state.commissions()).hasSize(16);
    }
}
