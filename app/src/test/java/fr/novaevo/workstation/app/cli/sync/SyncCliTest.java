package fr.novaevo.workstation.app.cli.sync;

import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.assertOneErrorLine;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.keyFile;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.platformCopy;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.run;
import static fr.novaevo.workstation.app.cli.sync.SyncCliSupport.syncOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import fr.novaevo.workstation.app.MainRunner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.app.cli.sync.SyncCliSupport.Result;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workstation sync} against the platform emulator over real HTTP on 127.0.0.1. */
class SyncCliTest {

    @TempDir
    Path dir;

    private PlatformEmulator emulator;
    private Path key;

    @BeforeEach
    void startPlatform() throws Exception {
        emulator = PlatformEmulator.start(EmulatorConfig.defaults());
        key = keyFile(dir.resolve("keys"), emulator.config().apiKey());
    }

    @AfterEach
    void stopPlatform() {
        emulator.close();
    }

    @Test
    void syncOncePullsTheSampleBookingsAndListShowsThemWithTheContractsFieldNames() {
        Path ws = dir.resolve("ws");
        List<ObjectNode> platform = emulator.state().liveBookings();
        assertThat(platform).hasSizeGreaterThan(10);

        JsonNode report = syncOnce(ws, emulator, key);
        assertThat(report.path("pushed").asInt(-1)).isZero();
        assertThat(report.path("applied").asInt(-1)).isZero();
        assertThat(report.path("duplicates").asInt(-1)).isZero();
        assertThat(report.path("conflicts").asInt(-1)).isZero();
        assertThat(report.path("rejected").asInt(-1)).isZero();
        assertThat(report.path("pulled").asInt()).isEqualTo(platform.size() + emulator.state().commissions().size());

        JsonNode list = run(ws, "bookings", "list", "--json").json();
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(platform.size());
        Map<String, JsonNode> local = new HashMap<>();
        list.forEach(b -> local.put(b.path("id").asText(), b));
        for (ObjectNode booking : platform) {
            // Exactly the platform's representation: same field names, same values.
            assertThat(local.get(booking.get("id").asText())).isEqualTo(platformCopy(booking));
        }
        JsonNode first = list.get(0);
        assertThat(first.has("slotStart")).isTrue();
        assertThat(first.has("durationMinutes")).isTrue();
        assertThat(first.path("customer").has("name")).isTrue();
        assertThat(first.path("vehicle").has("mileageKm")).isTrue();
        assertThat(first.path("service").has("code")).isTrue();
        assertThat(first.path("garageId").asText()).isEqualTo("g-123");

        Result text = run(ws, "bookings", "list");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().lines()).hasSize(platform.size());
        assertThat(text.out()).contains("synced").contains(platform.getFirst().get("id").asText());

        Result again = run(ws, "sync", "--server", emulator.baseUri().toString(), "--garage", "g-123",
                "--api-key-file", key.toString(), "--once");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out().strip())
                .isEqualTo("pushed 0, applied 0, duplicates 0, conflicts 0, rejected 0, pulled 0");
    }

    @Test
    void theSavedServerAndGarageAreUsedWhenNotGivenAgain() {
        Path ws = dir.resolve("ws");
        syncOnce(ws, emulator, key);
        emulator.state().platformUpdateBooking(java.util.UUID.fromString(
                emulator.state().liveBookings().getFirst().get("id").asText()), Map.of("notes", "Rappeler le client"));
        JsonNode report = run(ws, "sync", "--api-key-file", key.toString(), "--once", "--json").json();
        assertThat(report.path("pulled").asInt()).isEqualTo(1);
        assertThat(run(ws, "bookings", "list", "--json").out()).contains("Rappeler le client");
    }

    @Test
    void aWrongApiKeyIsOneClearLineAndANonZeroExit() throws Exception {
        Path ws = dir.resolve("ws");
        Path wrong = keyFile(dir.resolve("keys"), "not-the-garage-key");
        Result result = run(ws, "sync", "--server", emulator.baseUri().toString(), "--garage", "g-123",
                "--api-key-file", wrong.toString(), "--once");
        assertOneErrorLine(result, "SYNC-SIGN-IN-REQUIRED");
        assertThat(result.err()).contains("g-123").contains("--api-key-file");
        assertThat(run(ws, "bookings", "list", "--json").json()).isEmpty();
    }

    @Test
    void aRefreshTokenFromAnEarlierRunDoesNotLetAWrongKeyIn() throws Exception {
        Path ws = dir.resolve("ws");
        syncOnce(ws, emulator, key);
        Path wrong = keyFile(dir.resolve("keys"), "not-the-garage-key");
        Result result = run(ws, "sync", "--server", emulator.baseUri().toString(), "--garage", "g-123",
                "--api-key-file", wrong.toString(), "--once");
        assertOneErrorLine(result, "SYNC-SIGN-IN-REQUIRED");
        // The right key still works afterwards.
        assertThat(syncOnce(ws, emulator, key).path("pulled").asInt(-1)).isZero();
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedBeforeAnythingIsSent() {
        Path ws = dir.resolve("ws");
        Result result = run(ws, "sync", "--server", "http://192.0.2.10/v1", "--garage", "g-123",
                "--api-key-file", key.toString(), "--once");
        assertOneErrorLine(result, "SYNC-INSECURE-URL");
        assertThat(fr.novaevo.workstation.core.storage.DataLayout.at(ws.resolve("data")).databaseFile())
                .as("refused before the database is even opened").doesNotExist();
    }

    @Test
    void aMissingKeyFileOrServerIsAClearError() {
        Path ws = dir.resolve("ws");
        Result noFile = run(ws, "sync", "--server", emulator.baseUri().toString(), "--garage", "g-123",
                "--api-key-file", dir.resolve("missing.txt").toString(), "--once");
        assertOneErrorLine(noFile, "SYNC-CLI-API-KEY-FILE");
        Result noServer = run(dir.resolve("other"), "sync", "--garage", "g-123", "--api-key-file", key.toString(), "--once");
        assertThat(noServer.exit()).isEqualTo(2);
        assertThat(noServer.err()).contains("--server");
    }

    @Test
    void anUnreachablePlatformIsOneLineAndNothingIsRemembered() {
        Path ws = dir.resolve("ws");
        java.net.URI gone;
        try (PlatformEmulator closed = PlatformEmulator.start(EmulatorConfig.defaults())) {
            gone = closed.baseUri();
        }
        Result result = run(ws, "sync", "--server", gone.toString(), "--garage", "g-123",
                "--api-key-file", key.toString(), "--once");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("workstation: [SYNC-").doesNotContain("\n").doesNotContain("\tat ");
        // The address that failed was not saved: without --server, the command still asks for one.
        Result again = run(ws, "sync", "--garage", "g-123", "--api-key-file", key.toString(), "--once");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("--server");
    }

    @Test
    void aDataFolderKeepsToItsGarage() {
        Path ws = dir.resolve("ws");
        syncOnce(ws, emulator, key);
        Result other = run(ws, "sync", "--server", emulator.baseUri().toString(), "--garage", "g-999",
                "--api-key-file", key.toString(), "--once");
        assertOneErrorLine(other, "SYNC-CLI-OTHER-GARAGE");
    }

    /** Runs a command in its own thread, for the mode that keeps syncing. */
    private static final class Background {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exit = new AtomicInteger(Integer.MIN_VALUE);
        final Thread thread;

        Background(Path root, String... args) {
            List<String> all = new ArrayList<>(List.of("--data-dir", root.resolve("data").toString(),
                    "--config-dir", root.resolve("config").toString()));
            all.addAll(List.of(args));
            thread = Thread.ofPlatform().name("sync-cli-test").start(() -> exit.set(MainRunner.run(
                    all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true))));
        }

        /** Waits (at most a minute: a deadline, not a measure) until the output holds {@code text}. */
        void awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!out.toString().contains(text) && thread.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).as("stderr: " + err).contains(text);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.MINUTES.toMillis(1));
            assertThat(thread.isAlive()).as("the command stopped").isFalse();
            return exit.get();
        }
    }

    @Test
    void withoutOnceItKeepsSyncingUntilStopped() throws Exception {
        Path ws = dir.resolve("ws");
        int everything = emulator.state().liveBookings().size() + emulator.state().commissions().size();
        Background sync = new Background(ws, "sync", "--server", emulator.baseUri().toString(), "--garage", "g-123",
                "--api-key-file", key.toString(), "--interval", "1");
        sync.awaitOutput("pulled " + everything + System.lineSeparator());
        java.util.UUID changed = java.util.UUID.fromString(emulator.state().liveBookings().getFirst().get("id").asText());
        emulator.state().platformUpdateBooking(changed, Map.of("notes", "Pièce arrivée"));
        sync.awaitOutput("pulled 1" + System.lineSeparator());
        assertThat(sync.stop()).as(sync.err.toString()).isZero();
        assertThat(sync.out.toString()).startsWith("Synchronising garage g-123 every 1 s");
        assertThat(run(ws, "bookings", "list", "--json").out()).contains("Pièce arrivée");
    }

    @Test
    void withoutOnceARefusedKeyStopsWithOneLine() throws Exception {
        Path wrong = keyFile(dir.resolve("keys"), "not-the-garage-key");
        Background sync = new Background(dir.resolve("ws"), "sync", "--server", emulator.baseUri().toString(),
                "--garage", "g-123", "--api-key-file", wrong.toString(), "--interval", "1");
        sync.thread.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(sync.thread.isAlive()).as("a refused key ends the command").isFalse();
        assertThat(sync.exit.get()).isEqualTo(1);
        assertThat(sync.err.toString().strip()).startsWith("workstation: [SYNC-SIGN-IN-REQUIRED]").doesNotContain("\n");
    }
}
