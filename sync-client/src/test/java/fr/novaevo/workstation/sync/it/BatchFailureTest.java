package fr.novaevo.workstation.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.Endpoint;
import fr.novaevo.workstation.sync.emulator.Fault;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.engine.CycleReport;
import fr.novaevo.workstation.sync.error.PlatformProblemException;
import fr.novaevo.workstation.sync.error.UpdateRequiredException;
import fr.novaevo.workstation.sync.store.BookingSyncState;
import fr.novaevo.workstation.sync.testing.MutableClock;
import fr.novaevo.workstation.sync.testing.ScriptedServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches the platform refuses as a whole, or that keep failing, do not block sync forever. */
class BatchFailureTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));

    @Test
    void aBatchThatKeepsGettingServerErrorsIsDeadLetteredAndSyncGoesOn() throws Exception {
        try (PlatformEmulator platform = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey("key").withClock(clock));
             Workstation ws = new Workstation(dir, "ws", platform.baseUri(), "key", clock, 100, 500)) {
            ws.cycle();
            UUID id = UUID.fromString(platform.state().liveBookings().getFirst().get("id").asText());
            String notes = platform.state().booking(id).orElseThrow().get("notes").asText();
            ws.bookings.setNotes(id, "déclenche une erreur");
            for (int i = 0; i < 8; i++) {
                platform.faults().once(Endpoint.PUSH, Fault.serverError());
            }
            for (int i = 0; i < 7; i++) {
                assertThatThrownBy(ws::cycle).isInstanceOf(PlatformProblemException.class);
                assertThat(ws.ledger.hasUnansweredBatch()).isTrue();
            }

            CycleReport report = ws.cycle();

            assertThat(report.rejected()).isEqualTo(1);
            assertThat(ws.deadLetters.all()).singleElement().satisfies(d -> {
                assertThat(d.errorCode()).isEqualTo("keeps_failing");
                assertThat(d.fields().get("notes").asText()).isEqualTo("déclenche une erreur");
            });
            assertThat(ws.bookings.find(id).orElseThrow().booking().notes()).isEqualTo(notes);
            assertThat(ws.bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);
        }
    }

    @Test
    void aBatchRefusedAsAWholeIsDeadLetteredAndThePullStillRuns() throws Exception {
        try (PlatformEmulator platform = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey("key").withClock(clock));
             Workstation seeded = new Workstation(dir, "seed", platform.baseUri(), "key", clock, 100, 500)) {
            seeded.cycle();
            UUID id = UUID.fromString(platform.state().liveBookings().getFirst().get("id").asText());
            seeded.bookings.setNotes(id, "x");
            try (ScriptedServer server = new ScriptedServer();
                 Workstation ws = new Workstation(dir, "seed", server.baseUri(), "key", clock, 100, 500)) {
                server.then(ScriptedServer.Reply.json(200, "{\"accessToken\": \"a\", \"tokenType\": \"Bearer\","
                                + " \"expiresIn\": 900, \"refreshToken\": \"r\"}"))
                        .then(new ScriptedServer.Reply(400, "application/problem+json",
                                "{\"status\": 400, \"code\": \"invalid_request\"}", Map.of()))
                        .then(ScriptedServer.Reply.json(200, "{\"changes\": [], \"nextCursor\": \"n\", \"hasMore\": false}"));

                CycleReport report = ws.cycle();

                assertThat(report.rejected()).isEqualTo(1);
                assertThat(ws.deadLetters.all()).singleElement()
                        .satisfies(d -> assertThat(d.errorCode()).isEqualTo("invalid_request"));
                assertThat(ws.ledger.cursor()).contains("n");
                assertThat(ws.ledger.hasUnansweredBatch()).isFalse();
            }
        }
    }

    @Test
    void schemaUnsupportedStopsSyncWithoutTouchingTheOutbox() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             Workstation ws = new Workstation(dir, "ws", server.baseUri(), "key", clock, 100, 500)) {
            server.then(new ScriptedServer.Reply(400, "application/problem+json",
                    "{\"status\": 400, \"code\": \"schema_unsupported\"}", Map.of()));

            assertThatThrownBy(ws::cycle).isInstanceOf(UpdateRequiredException.class);
            assertThat(ws.deadLetters.all()).isEmpty();
        }
    }
}
