package fr.novaevo.workstation.app.cli.sync;

import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.assertOneErrorLine;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.keyFile;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.platformCopy;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.run;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.syncOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.app.cli.sync.SyncCliSupport.Result;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workstation bookings ...}: local changes with their outbox entries, pushed by the next sync. */
class BookingsCliTest {

    @TempDir
    Path dir;

    private PlatformEmulator emulator;
    private Path key;
    /** Far from the sample agenda (two weeks around today), on a bay the samples do not use. */
    private final Instant free = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(60, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);

    @BeforeEach
    void startPlatform() throws Exception {
        emulator = PlatformEmulator.start(EmulatorConfig.defaults());
        key = keyFile(dir.resolve("keys"), emulator.config().apiKey());
    }

    @AfterEach
    void stopPlatform() {
        emulator.close();
    }

    private static Result ok(Result result) {
        assertThat(result.exit()).as(result.err()).isZero();
        return result;
    }

    private JsonNode createWalkIn(Path ws, Instant start, String bay, String customer) {
        return run(ws, "bookings", "create", "--start", start.toString(), "--duration", "45", "--bay", bay,
                "--customer", customer, "--phone", "+33611223344", "--service", "diagnostic",
                "--description", "Voyant moteur allumé", "--vin", "VF1RFB00X12345678", "--plate", "GH-456-JK",
                "--make", "Renault", "--model", "Clio V", "--year", "2019", "--mileage", "84210", "--json").json();
    }

    private ObjectNode sample(String status) {
        return emulator.state().liveBookings().stream().filter(b -> b.get("status").asText().equals(status))
                .findFirst().orElseThrow();
    }

    @Test
    void aWalkInCreatedChangedAndMovedOfflineIsPushedByTheNextSync() {
        Path ws = dir.resolve("ws");
        syncOnce(ws, emulator, key);

        JsonNode created = createWalkIn(ws, free, "Pont 9", "Léa Dubois");
        String id = created.path("id").asText();
        assertThat(created.path("status").asText()).isEqualTo("confirmed");
        assertThat(created.path("source").asText()).isEqualTo("workstation");
        assertThat(created.path("customer").path("name").asText()).isEqualTo("Léa Dubois");
        assertThat(created.path("vehicle").path("mileageKm").asLong()).isEqualTo(84210);
        assertThat(emulator.state().booking(UUID.fromString(id))).as("not sent before the sync").isEmpty();
        assertThat(ok(run(ws, "bookings", "list")).out()).contains(id).contains("pending");

        ok(run(ws, "bookings", "set-status", id, "checked_in"));
        Instant moved = free.plus(2, ChronoUnit.HOURS);
        JsonNode rescheduled = run(ws, "bookings", "reschedule", id.substring(0, 13), "--start", moved.toString(),
                "--bay", "Pont 8", "--json").json();
        assertThat(rescheduled.path("slotStart").asText()).isEqualTo(moved.toString());
        assertThat(rescheduled.path("status").asText()).isEqualTo("checked_in");

        // A platform booking changed at the bench too.
        ObjectNode confirmed = sample("confirmed");
        String sampleId = confirmed.get("id").asText();
        ok(run(ws, "bookings", "set-status", sampleId, "checked-in"));

        JsonNode report = syncOnce(ws, emulator, key);
        assertThat(report.path("pushed").asInt()).as("the walk-in's edits were coalesced into its create").isEqualTo(2);
        assertThat(report.path("applied").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(report.path("conflicts").asInt()).isZero();

        ObjectNode onPlatform = emulator.state().booking(UUID.fromString(id)).orElseThrow();
        assertThat(onPlatform.get("status").asText()).isEqualTo("checked_in");
        assertThat(onPlatform.get("slotStart").asText()).isEqualTo(moved.toString());
        assertThat(onPlatform.get("bay").asText()).isEqualTo("Pont 8");
        assertThat(onPlatform.get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(onPlatform.get("source").asText()).isEqualTo("workstation");
        assertThat(onPlatform.path("customer").path("name").asText()).isEqualTo("Léa Dubois");
        assertThat(onPlatform.path("vehicle").path("vin").asText()).isEqualTo("VF1RFB00X12345678");
        assertThat(emulator.state().booking(UUID.fromString(sampleId)).orElseThrow().get("status").asText())
                .isEqualTo("checked_in");

        // The platform's copy came back with the server-owned fields; nothing is pending any more.
        Map<String, JsonNode> local = byId(run(ws, "bookings", "list", "--json").json());
        assertThat(local.get(id)).isEqualTo(platformCopy(emulator.state().booking(UUID.fromString(id)).orElseThrow()));
        assertThat(local.get(id).path("garageId").asText()).isEqualTo("g-123");
        assertThat(ok(run(ws, "bookings", "list")).out()).doesNotContain("pending");
    }

    @Test
    void aStatusChangeTheContractForbidsIsRefusedAndChangesNothing() {
        Path ws = dir.resolve("ws");
        String id = createWalkIn(ws, free, "Pont 9", "Léa Dubois").path("id").asText();

        Result skip = run(ws, "bookings", "set-status", id, "completed");
        assertOneErrorLine(skip, "SYNC-EDIT-INVALID-TRANSITION");
        assertThat(skip.err()).contains("confirmed").contains("completed").contains("checked_in");

        assertThat(run(ws, "bookings", "set-status", id, "finished").exit()).as("unknown status").isEqualTo(2);
        JsonNode list = run(ws, "bookings", "list", "--json").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("status").asText()).isEqualTo("confirmed");

        ok(run(ws, "bookings", "set-status", id, "cancelled"));
        Result fromFinal = run(ws, "bookings", "set-status", id, "confirmed");
        assertOneErrorLine(fromFinal, "SYNC-EDIT-INVALID-TRANSITION");
        assertThat(fromFinal.err()).contains("cancelled is final");
    }

    @Test
    void aWalkInCancelledBeforeItsFirstSyncReachesThePlatformCreatedThenCancelled() {
        Path ws = dir.resolve("ws");
        String id = createWalkIn(ws, free, "Pont 9", "Léa Dubois").path("id").asText();

        Result cancelled = ok(run(ws, "bookings", "set-status", id, "cancelled", "--json"));
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(ok(run(ws, "bookings", "list")).out()).contains("cancelled").contains("pending");

        JsonNode report = syncOnce(ws, emulator, key);
        assertThat(report.path("pushed").asInt()).as("the create, then the status once the create was answered")
                .isEqualTo(2);
        assertThat(report.path("applied").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isZero();
        ObjectNode onPlatform = emulator.state().booking(UUID.fromString(id)).orElseThrow();
        assertThat(onPlatform.get("status").asText()).isEqualTo("cancelled");
        assertThat(onPlatform.get("rev").asLong()).isEqualTo(2);
        assertThat(ok(run(ws, "bookings", "list")).out()).doesNotContain("pending");
    }

    @Test
    void aSlotTakenOnTheSameBayIsRefusedAtTheBench() {
        Path ws = dir.resolve("ws");
        syncOnce(ws, emulator, key);
        ObjectNode taken = sample("confirmed");
        Instant start = Instant.parse(taken.get("slotStart").asText());
        String bay = taken.get("bay").asText().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        Result result = run(ws, "bookings", "create", "--start", start.plus(10, ChronoUnit.MINUTES).toString(),
                "--bay", bay, "--customer", "Paul Martin", "--service", "repair");
        assertOneErrorLine(result, "SYNC-EDIT-SLOT-TAKEN");
        assertThat(result.err()).contains(taken.get("id").asText());
        assertThat(run(ws, "bookings", "list", "--json").json()).hasSize(emulator.state().liveBookings().size());
        assertThat(run(ws, "bookings", "reschedule", "0000", "--start", free.toString()).err()).contains("SYNC-EDIT-NOT-FOUND");
    }

    @Test
    void twoWorkstationsConvergeThroughThePlatform() {
        Path a = dir.resolve("workstation-a");
        Path b = dir.resolve("workstation-b");
        syncOnce(a, emulator, key);
        syncOnce(b, emulator, key);

        String walkIn = createWalkIn(a, free, "Pont 9", "Léa Dubois").path("id").asText();
        List<ObjectNode> confirmed = emulator.state().liveBookings().stream()
                .filter(n -> n.get("status").asText().equals("confirmed")).toList();
        String checkedInByB = confirmed.get(0).get("id").asText();
        String movedByB = confirmed.get(1).get("id").asText();
        ok(run(b, "bookings", "set-status", checkedInByB, "checked_in"));
        ok(run(b, "bookings", "reschedule", movedByB, "--start", free.plus(3, ChronoUnit.HOURS).toString(),
                "--bay", "Pont 7"));
        // A edits a different field of the same booking: merged, not a conflict.
        ok(run(a, "bookings", "reschedule", checkedInByB, "--start", free.plus(5, ChronoUnit.HOURS).toString(),
                "--bay", "Pont 6"));

        syncOnce(a, emulator, key);
        JsonNode fromB = syncOnce(b, emulator, key);
        assertThat(fromB.path("rejected").asInt()).isZero();
        syncOnce(a, emulator, key);

        JsonNode listA = run(a, "bookings", "list", "--json").json();
        JsonNode listB = run(b, "bookings", "list", "--json").json();
        assertThat(listA).isEqualTo(listB);
        Map<String, JsonNode> local = byId(listA);
        List<ObjectNode> platform = emulator.state().liveBookings();
        assertThat(local).hasSize(platform.size());
        for (ObjectNode booking : platform) {
            assertThat(local.get(booking.get("id").asText())).isEqualTo(platformCopy(booking));
        }
        assertThat(local.get(walkIn).path("customer").path("name").asText()).isEqualTo("Léa Dubois");
        assertThat(local.get(checkedInByB).path("status").asText()).isEqualTo("checked_in");
        assertThat(local.get(checkedInByB).path("bay").asText()).isEqualTo("Pont 6");
        assertThat(local.get(movedByB).path("bay").asText()).isEqualTo("Pont 7");
        assertThat(ok(run(a, "bookings", "list")).out()).doesNotContain("pending").doesNotContain("conflict");
        assertThat(ok(run(b, "bookings", "list")).out()).doesNotContain("pending").doesNotContain("conflict");
    }

    private static Map<String, JsonNode> byId(JsonNode list) {
        Map<String, JsonNode> result = new HashMap<>();
        List<String> ids = new ArrayList<>();
        list.forEach(n -> {
            ids.add(n.path("id").asText());
            result.put(n.path("id").asText(), n);
        });
        assertThat(ids).doesNotHaveDuplicates();
        return result;
    }
}
