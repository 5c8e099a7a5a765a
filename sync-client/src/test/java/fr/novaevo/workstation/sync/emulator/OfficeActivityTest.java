package fr.novaevo.workstation.sync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.novaevo.workstation.sync.testing.RawHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficeActivityTest {

    @Test
    void theDemoTimerKeepsThePlatformBusyUntilClosed() throws Exception {
        try (PlatformEmulator emulator = PlatformEmulator.start(EmulatorConfig.defaults())) {
            int before = emulator.state().liveBookings().size() + emulator.state().bookingLog().size();
            emulator.startActivity(java.time.Duration.ofMillis(5), 11);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (emulator.state().liveBookings().size() + emulator.state().bookingLog().size() < before + 5) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no platform activity within 20 s");
                }
                Thread.sleep(10);
            }
        }
    }

    @Test
    void platformSideEventsReachTheFeedAndFollowTheRules() throws Exception {
        try (PlatformEmulator emulator = PlatformEmulator.start(EmulatorConfig.defaults())) {
            RawHttp http = new RawHttp(emulator.baseUri());
            http.signIn("g-123", "demo-api-key");
            String cursor = http.get("sync/changes?limit=1000").json().get("nextCursor").asText();
            int bookingsBefore = emulator.state().liveBookings().size();
            OfficeActivity activity = emulator.officeActivity(3);

            List<String> events = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                events.add(activity.step());
            }

            assertThat(events).anyMatch(e -> e.startsWith("booked "));
            assertThat(events).anyMatch(e -> e.startsWith("note on "));
            assertThat(events).anyMatch(e -> e.startsWith("validated ") || e.startsWith("paid "));
            assertThat(emulator.state().liveBookings().size()).isGreaterThan(bookingsBefore);
            JsonNode changes = http.get("sync/changes?limit=1000&since=" + cursor).json().get("changes");
            assertThat(changes).isNotEmpty();
            for (JsonNode c : changes) {
                assertThat(c.get("rev").asLong()).isPositive();
            }
        }
    }
}
