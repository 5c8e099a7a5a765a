package fr.novaevo.workstation.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.Endpoint;
import fr.novaevo.workstation.sync.emulator.Fault;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.engine.CycleReport;
import fr.novaevo.workstation.sync.error.PlatformProblemException;
import fr.novaevo.workstation.sync.error.SyncProtocolException;
import fr.novaevo.workstation.sync.error.SyncTransportException;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.BookingService;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import fr.novaevo.workstation.sync.model.Customer;
import fr.novaevo.workstation.sync.model.Sale;
import fr.novaevo.workstation.sync.model.SaleLine;
import fr.novaevo.workstation.sync.model.ServiceCode;
import fr.novaevo.workstation.sync.model.Vehicle;
import fr.novaevo.workstation.sync.store.BookingSyncState;
import fr.novaevo.workstation.sync.store.ConflictRepository;
import fr.novaevo.workstation.sync.store.LocalBooking;
import fr.novaevo.workstation.sync.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole stack (store, engine, client) against the emulator, over real HTTP on 127.0.0.1. */
class SyncCycleIntegrationTest {

    private static final ObjectMapper JSON = SyncJson.newMapper();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private PlatformEmulator platform;
    private Workstation ws;

    @BeforeEach
    void start() {
        platform = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey("key").withClock(clock));
        ws = new Workstation(dir, "ws", platform.baseUri(), "key", clock, 100, 50);
    }

    @AfterEach
    void stop() {
        ws.close();
        platform.close();
    }

    private UUID confirmedBooking() {
        return platform.state().liveBookings().stream().filter(b -> b.get("status").asText().equals("confirmed"))
                .map(b -> UUID.fromString(b.get("id").asText())).findFirst().orElseThrow();
    }

    private JsonNode onPlatform(UUID id) {
        return platform.state().booking(id).orElseThrow();
    }

    private void assertSameAsPlatform() {
        List<JsonNode> local = ws.bookings.all().stream().map(b -> JSON.<JsonNode>valueToTree(b.booking()))
                .sorted(java.util.Comparator.comparing(n -> n.get("id").asText())).toList();
        List<JsonNode> remote = platform.state().liveBookings().stream()
                .map(b -> JSON.<JsonNode>valueToTree(JSON.convertValue(b, Booking.class)))
                .sorted(java.util.Comparator.comparing(n -> n.get("id").asText())).toList();
        assertThat(local).isEqualTo(remote);
    }

    @Test
    void theFirstCyclePullsEverythingInPages() throws Exception {
        CycleReport report = ws.cycle();

        assertThat(report.pulled()).isEqualTo(platform.state().liveBookings().size() + platform.state().commissions().size());
        assertSameAsPlatform();
        assertThat(ws.commissions.all()).hasSize(platform.state().commissions().size());
        assertThat(ws.ledger.counts().lastSyncedAt()).isEqualTo(clock.instant());
        assertThat(ws.cycle().pulled()).as("nothing new").isZero();
    }

    @Test
    void neitherTheApiKeyNorTheRefreshTokenIsWrittenToDisk() throws Exception {
        String apiKey = "sk-garage-123-8f3a9c2e71d4b6a0";
        Path own = dir.resolve("secrets");
        java.nio.file.Files.createDirectories(own);
        try (PlatformEmulator keyed = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey(apiKey).withClock(clock));
             Workstation station = new Workstation(own, "ws", keyed.baseUri(), apiKey, clock, 100, 50)) {
            station.cycle();
            keyed.expireAccessTokens();
            station.bookings.setNotes(UUID.fromString(keyed.state().liveBookings().getFirst().get("id").asText()), "x");
            station.cycle();
            String refresh = station.credentials.refreshToken().orElseThrow();

            try (var files = java.nio.file.Files.walk(own)) {
                List<Path> all = files.filter(java.nio.file.Files::isRegularFile).toList();
                assertThat(all).isNotEmpty();
                for (Path file : all) {
                    String content = new String(java.nio.file.Files.readAllBytes(file),
                            java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(content).as(file.toString()).doesNotContain(refresh).doesNotContain(apiKey);
                }
            }
        }
    }

    @Test
    void aCancelledCycleStopsBetweenPagesAndTheNextOneResumes() throws Exception {
        java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
        fr.novaevo.workstation.core.jobs.JobContext cancelAfterOnePage = new fr.novaevo.workstation.core.jobs.JobContext() {
            @Override
            public void progress(long done, long total, String step) {
                pages.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return pages.get() >= 1;
            }
        };

        assertThatThrownBy(() -> ws.engine.runCycle(cancelAfterOnePage))
                .isInstanceOf(fr.novaevo.workstation.core.jobs.CancelledException.class);
        assertThat(ws.bookings.all().size() + ws.commissions.all().size()).as("one page of 50").isEqualTo(50);
        assertThat(ws.ledger.cursor()).isPresent();

        ws.cycle();
        assertSameAsPlatform();
    }

    @Test
    void concurrentCyclesDoNotOverlap() throws Exception {
        ws.cycle();
        List<UUID> ids = platform.state().liveBookings().stream().limit(30)
                .map(b -> UUID.fromString(b.get("id").asText())).toList();
        for (UUID id : ids) {
            ws.bookings.setNotes(id, "note " + id);
        }
        platform.faults().once(Endpoint.PUSH, Fault.latency(Duration.ofMillis(300)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<CycleReport>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> ws.cycle()));
            }
            int applied = 0;
            for (java.util.concurrent.Future<CycleReport> run : runs) {
                applied += run.get(30, java.util.concurrent.TimeUnit.SECONDS).applied();
            }
            assertThat(applied).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
        assertThat(platform.state().appliedOperationCount()).isEqualTo(30);
        assertSameAsPlatform();
    }

    @Test
    void aLocalEditReachesThePlatformAndEverythingIsSynced() throws Exception {
        ws.cycle();
        UUID id = confirmedBooking();
        ws.bookings.setStatus(id, BookingStatus.CHECKED_IN);
        ws.bookings.recordVehicle(id, "VF1RFB00X12345678", 123_456L);

        CycleReport report = ws.cycle();

        assertThat(report.pushed()).isEqualTo(1);
        assertThat(report.applied()).isEqualTo(1);
        assertThat(onPlatform(id).get("status").asText()).isEqualTo("checked_in");
        assertThat(onPlatform(id).at("/vehicle/mileageKm").asLong()).isEqualTo(123_456);
        assertThat(ws.bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.SYNCED);
        assertSameAsPlatform();
    }

    @Test
    void aWalkInIsCreatedOnThePlatformAndComesBackWithItsServerFields() throws Exception {
        ws.cycle();
        LocalBooking walkIn = ws.bookings.createWalkIn(new Booking(null, null, null, BookingStatus.CHECKED_IN,
                Instant.parse("2026-12-24T08:00:00Z"), 45, "Pont 1", new Customer("Lucas Petit", "+33611223344", null),
                new Vehicle(null, "GH-456-JK", "Peugeot", "208", 2019, null),
                new BookingService(ServiceCode.TYRES, "Crevaison avant gauche"), null, null, null, null));

        ws.cycle();
        ws.cycle();

        JsonNode remote = onPlatform(walkIn.booking().id());
        assertThat(remote.get("source").asText()).isEqualTo("workstation");
        assertThat(remote.get("rev").asLong()).isEqualTo(1);
        Booking local = ws.bookings.find(walkIn.booking().id()).orElseThrow().booking();
        assertThat(local.garageId()).isEqualTo("g-123");
        assertThat(local.createdAt()).isNotNull();
        assertSameAsPlatform();
    }

    @Test
    void aPushWhoseAnswerIsLostIsResentWithTheSameKeyAndAppliedOnce() throws Exception {
        ws.cycle();
        UUID id = confirmedBooking();
        long rev = onPlatform(id).get("rev").asLong();
        ws.bookings.setNotes(id, "Pare-brise fissuré");
        platform.faults().once(Endpoint.PUSH, Fault.dropAfterProcessing());

        assertThatThrownBy(ws::cycle).isInstanceOf(SyncTransportException.class);
        assertThat(onPlatform(id).get("rev").asLong()).as("applied before the drop").isEqualTo(rev + 1);
        assertThat(ws.ledger.hasUnansweredBatch()).isTrue();
        ws.bookings.setNotes(id, "Pare-brise fissuré, client prévenu");

        CycleReport retry = ws.cycle();

        assertThat(retry.applied()).as("the replayed answer, then the new edit").isEqualTo(2);
        assertThat(onPlatform(id).get("rev").asLong()).isEqualTo(rev + 2);
        assertThat(platform.state().appliedOperationCount()).isEqualTo(2);
        assertSameAsPlatform();
    }

    @Test
    void serviceUnavailableStopsTheCycleWithRetryAfterAndChangesNothingLocally() throws Exception {
        ws.cycle();
        UUID id = confirmedBooking();
        ws.bookings.setNotes(id, "x");
        platform.faults().once(Endpoint.PUSH, Fault.unavailable(12));

        assertThatThrownBy(ws::cycle).isInstanceOfSatisfying(PlatformProblemException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
        assertThat(ws.bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.PENDING);

        assertThat(ws.cycle().applied()).isEqualTo(1);
        assertSameAsPlatform();
    }

    @Test
    void anInvalidAnswerIsATypedErrorAndTheCursorDoesNotMove() throws Exception {
        ws.cycle();
        String cursor = ws.ledger.cursor().orElseThrow();
        platform.state().platformUpdateBooking(confirmedBooking(), Map.of("notes", "changed"));
        platform.faults().once(Endpoint.CHANGES, Fault.garbageBody());

        assertThatThrownBy(ws::cycle).isInstanceOf(SyncProtocolException.class);

        assertThat(ws.ledger.cursor()).contains(cursor);
        assertThat(ws.cycle().pulled()).isEqualTo(1);
    }

    @Test
    void anExpiredCursorMeansAFullResyncThatDropsWhatThePlatformNoLongerHas() throws Exception {
        ws.cycle();
        UUID gone = confirmedBooking();
        platform.state().platformDeleteBooking(gone);
        platform.expireCursors();
        UUID kept = UUID.fromString(platform.state().liveBookings().stream()
                .filter(b -> !b.get("id").asText().equals(gone.toString())).findFirst().orElseThrow().get("id").asText());
        ws.bookings.setNotes(kept, "local note");

        CycleReport report = ws.cycle();

        assertThat(report.resynced()).isTrue();
        assertThat(ws.bookings.find(gone)).isEmpty();
        assertThat(onPlatform(kept).get("notes").asText()).isEqualTo("local note");
        assertThat(ws.ledger.resyncRunning()).isFalse();
        assertSameAsPlatform();
    }

    @Test
    void expiredTokensAreRenewedWithinTheCycle() throws Exception {
        ws.cycle();
        UUID id = confirmedBooking();
        ws.bookings.setNotes(id, "x");
        platform.expireAccessTokens();

        assertThat(ws.cycle().applied()).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        platform.state().platformUpdateBooking(id, Map.of("notes", "y"));
        assertThat(ws.cycle().pulled()).isEqualTo(1);
    }

    @Test
    void editsOfDifferentFieldsOnBothSidesMerge() throws Exception {
        ws.cycle();
        UUID id = confirmedBooking();
        platform.state().platformUpdateBooking(id, Map.of("notes", "Client rappellera"));
        ws.bookings.recordVehicle(id, null, 99_999L);

        CycleReport report = ws.cycle();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(onPlatform(id).get("notes").asText()).isEqualTo("Client rappellera");
        assertThat(onPlatform(id).at("/vehicle/mileageKm").asLong()).isEqualTo(99_999);
        assertThat(ws.conflicts.all()).isEmpty();
        assertSameAsPlatform();
    }

    @Test
    void theSameFieldOnBothSidesWaitsForTheUser() throws Exception {
        ws.cycle();
        UUID id = confirmedBooking();
        platform.state().platformUpdateBooking(id, Map.of("bay", "Pont 9"));
        ws.bookings.reschedule(id, ws.bookings.find(id).orElseThrow().booking().slotStart(), null, "Pont 8");

        ws.cycle();

        assertThat(onPlatform(id).get("bay").asText()).as("never overwritten silently").isEqualTo("Pont 9");
        assertThat(ws.bookings.find(id).orElseThrow().syncState()).isEqualTo(BookingSyncState.CONFLICT);
        assertThat(ws.conflicts.of(id)).singleElement().satisfies(c -> {
            assertThat(c.localValue().asText()).isEqualTo("Pont 8");
            assertThat(c.remoteValue().asText()).isEqualTo("Pont 9");
        });

        ws.conflicts.resolve(id, "bay", ConflictRepository.Choice.KEEP_MINE);
        ws.cycle();

        assertThat(onPlatform(id).get("bay").asText()).isEqualTo("Pont 8");
        assertSameAsPlatform();
    }

    @Test
    void aRejectedOperationIsDeadLetteredAndTheBookingShowsThePlatformsCopy() throws Exception {
        ws.cycle();
        List<JsonNode> onBayOne = platform.state().liveBookings().stream().filter(b -> b.get("bay").asText().equals("Pont 1")
                && b.get("status").asText().equals("confirmed")).map(b -> (JsonNode) b).toList();
        JsonNode target = onBayOne.getFirst();
        JsonNode other = platform.state().liveBookings().stream().filter(b -> !b.get("bay").asText().equals("Pont 1")
                && b.get("status").asText().equals("confirmed")).findFirst().orElseThrow();
        UUID id = UUID.fromString(other.get("id").asText());
        ws.bookings.reschedule(id, Instant.parse(target.get("slotStart").asText()), null, "Pont 1");

        CycleReport report = ws.cycle();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(ws.deadLetters.all()).singleElement().satisfies(d -> assertThat(d.errorCode()).isEqualTo("slot_taken"));
        assertThat(ws.bookings.find(id).orElseThrow().booking().bay()).isEqualTo(other.get("bay").asText());
        assertSameAsPlatform();
    }

    @Test
    void aDeclaredSaleComesBackAsAPendingCommission() throws Exception {
        ws.cycle();
        int before = ws.commissions.all().size();
        Sale sale = ws.sales.declare(new Sale(null, confirmedBooking(), "o-55821", "p-pex", "PX-2026-118822",
                List.of(new SaleLine("BOS-0258006537", "Sonde lambda amont", 1, 18990)), "EUR",
                Instant.parse("2026-10-31T23:30:00Z")));

        ws.cycle();

        assertThat(ws.sales.find(sale.id()).state()).isEqualTo("SYNCED");
        assertThat(ws.commissions.all()).hasSize(before + 1);
        Commission commission = ws.commissions.all().stream().filter(c -> sale.id().equals(c.saleId())).findFirst()
                .orElseThrow();
        assertThat(commission.status()).isEqualTo(CommissionStatus.PENDING);
        assertThat(commission.commissionCents()).isEqualTo(1044);
        assertThat(commission.period()).hasToString("2026-11");
    }

    @Test
    void aPlatformDeletionWhileEditingGoesToTheDeadLetterList() throws Exception {
        ws.cycle();
        UUID id = confirmedBooking();
        ws.bookings.setNotes(id, "edited here");
        platform.state().platformDeleteBooking(id);

        CycleReport report = ws.cycle();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(ws.deadLetters.all()).singleElement().satisfies(d -> assertThat(d.errorCode()).isEqualTo("not_found"));
        assertThat(ws.bookings.find(id)).isEmpty();
        assertSameAsPlatform();
    }
}
