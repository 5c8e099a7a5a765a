package fr.novaevo.workstation.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.Endpoint;
import fr.novaevo.workstation.sync.emulator.Fault;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.engine.Backoff;
import fr.novaevo.workstation.sync.engine.CircuitBreaker;
import fr.novaevo.workstation.sync.engine.CycleReport;
import fr.novaevo.workstation.sync.engine.SyncScheduler;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import fr.novaevo.workstation.sync.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background schedule and the status it publishes, against the emulator. */
class SyncSchedulerTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final LinkedBlockingQueue<SyncStatus> statuses = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<CycleReport> reports = new LinkedBlockingQueue<>();
    private PlatformEmulator platform;
    private Workstation ws;
    private CircuitBreaker breaker;
    private SyncScheduler scheduler;

    @BeforeEach
    void start() {
        platform = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey("key").withClock(clock));
        ws = new Workstation(dir, "ws", platform.baseUri(), "key", clock, 100, 500);
        breaker = new CircuitBreaker(2);
        // A short backoff keeps the test quick; the jitter is still full.
        scheduler = new SyncScheduler(ws.engine, ws.ledger, new Backoff(Duration.ofMillis(20), Duration.ofMillis(200),
                new SplittableRandom(1)), breaker, Duration.ofHours(1), clock);
        scheduler.addListener(statuses::add);
        scheduler.addReportListener(reports::add);
    }

    @AfterEach
    void stop() {
        scheduler.close();
        ws.close();
        platform.close();
    }

    private SyncStatus awaitStatus(Predicate<SyncStatus> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            SyncStatus s = statuses.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && wanted.test(s)) {
                return s;
            }
        }
        throw new AssertionError("no such status within 20 s; last: " + scheduler.status());
    }

    @Test
    void aSuccessfulCycleIsSyncedAtItsTime() throws Exception {
        scheduler.start();

        SyncStatus status = awaitStatus(s -> s.kind() == SyncStatus.Kind.SYNCED);

        assertThat(status.lastSyncedAt()).isEqualTo(clock.instant());
        assertThat(status.pending()).isZero();
        assertThat(reports.poll(10, TimeUnit.SECONDS).pulled()).isPositive();
    }

    @Test
    void failuresAreOfflineWithACountdownThenTheBreakerProbesAndRecovers() throws Exception {
        platform.faults().chaos(1, 1.0, Set.of(Endpoint.CHANGES), List.of(Fault.unavailable(30)));
        scheduler.start();

        SyncStatus offline = awaitStatus(s -> s.kind() == SyncStatus.Kind.OFFLINE);
        assertThat(offline.retryIn()).as("Retry-After honoured").isEqualTo(Duration.ofSeconds(30));
        assertThat(offline.errorCode()).isEqualTo("SYNC-UNAVAILABLE");
        clock.advance(Duration.ofSeconds(12));
        assertThat(scheduler.refreshStatus().retryIn()).as("the countdown of the status bar").isEqualTo(Duration.ofSeconds(18));

        platform.faults().clear();
        scheduler.requestNow();
        scheduler.requestNow();
        awaitStatus(s -> s.kind() == SyncStatus.Kind.SYNCED);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theBreakerOpensAndAFailedProbeKeepsItOpen() throws Exception {
        platform.faults().chaos(1, 1.0, Set.of(Endpoint.CHANGES, Endpoint.PING), List.of(Fault.serverError()));
        scheduler.start();
        awaitStatus(s -> s.kind() == SyncStatus.Kind.OFFLINE);
        for (int i = 0; i < 3; i++) {
            scheduler.requestNow();
            awaitStatus(s -> s.kind() == SyncStatus.Kind.OFFLINE);
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        int pulls = platform.faults().injectedCount();

        platform.faults().clear();
        platform.faults().once(Endpoint.PING, Fault.serverError());
        scheduler.requestNow();
        awaitStatus(s -> s.kind() == SyncStatus.Kind.OFFLINE);

        assertThat(platform.faults().injectedCount()).as("only the probe was tried").isEqualTo(pulls + 1);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        scheduler.requestNow();
        awaitStatus(s -> s.kind() == SyncStatus.Kind.SYNCED);
    }

    @Test
    void aRefusedApiKeyIsSignInRequiredAndStopsUntilAsked() throws Exception {
        ws.credentials.setApiKey("wrong");
        scheduler.start();

        SyncStatus status = awaitStatus(s -> s.kind() == SyncStatus.Kind.SIGN_IN_REQUIRED);
        assertThat(status.errorCode()).isEqualTo("SYNC-SIGN-IN-REQUIRED");

        ws.credentials.setApiKey("key");
        scheduler.requestNow();
        awaitStatus(s -> s.kind() == SyncStatus.Kind.SYNCED);
    }

    @Test
    void aPlatformThatRefusesThisVersionIsUpdateRequired() throws Exception {
        try (fr.novaevo.workstation.sync.testing.ScriptedServer server = new fr.novaevo.workstation.sync.testing.ScriptedServer();
             Workstation old = new Workstation(dir, "old", server.baseUri(), "key", clock, 100, 500);
             SyncScheduler oldScheduler = new SyncScheduler(old.engine, old.ledger, new Backoff(Duration.ofMillis(20),
                     Duration.ofMillis(200), new SplittableRandom(1)), new CircuitBreaker(2), Duration.ofHours(1), clock)) {
            server.then(new fr.novaevo.workstation.sync.testing.ScriptedServer.Reply(400, "application/problem+json",
                    "{\"status\": 400, \"code\": \"schema_unsupported\"}", java.util.Map.of()));
            oldScheduler.addListener(statuses::add);
            oldScheduler.start();

            SyncStatus status = awaitStatus(s -> s.kind() == SyncStatus.Kind.UPDATE_REQUIRED);

            assertThat(status.errorCode()).isEqualTo("SYNC-UPDATE-REQUIRED");
            assertThat(status.retryIn()).as("no retry is scheduled").isNull();
        }
    }

    @Test
    void pendingAndConflictsAreCounted() throws Exception {
        scheduler.start();
        awaitStatus(s -> s.kind() == SyncStatus.Kind.SYNCED);
        UUID id = UUID.fromString(platform.state().liveBookings().getFirst().get("id").asText());
        ws.bookings.setNotes(id, "mine");
        assertThat(scheduler.refreshStatus().kind()).isEqualTo(SyncStatus.Kind.PENDING);
        assertThat(scheduler.refreshStatus().pending()).isEqualTo(1);
        platform.state().platformUpdateBooking(id, java.util.Map.of("notes", "theirs"));

        scheduler.requestNow();
        SyncStatus status = awaitStatus(s -> s.kind() == SyncStatus.Kind.CONFLICTS);

        assertThat(status.conflicts()).isEqualTo(1);
        assertThat(status.pending()).isZero();
    }
}
