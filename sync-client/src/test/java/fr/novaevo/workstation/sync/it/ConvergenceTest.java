package fr.novaevo.workstation.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.Endpoint;
import fr.novaevo.workstation.sync.emulator.Fault;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.emulator.PlatformState;
import fr.novaevo.workstation.sync.error.SyncException;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.BookingService;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.Customer;
import fr.novaevo.workstation.sync.model.OpKind;
import fr.novaevo.workstation.sync.model.ServiceCode;
import fr.novaevo.workstation.sync.model.Vehicle;
import fr.novaevo.workstation.sync.store.BookingConflict;
import fr.novaevo.workstation.sync.store.ConflictRepository;
import fr.novaevo.workstation.sync.store.DeadLetter;
import fr.novaevo.workstation.sync.store.LocalBooking;
import fr.novaevo.workstation.sync.store.LocalEditException;
import fr.novaevo.workstation.sync.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two workstations and the platform change the same bookings many times under injected faults (errors,
 * 503/429, dropped answers, expired tokens and cursors, garbage answers). At the end all three hold exactly
 * the same bookings; no workstation change was applied twice, lost, or overwritten without the user choosing.
 *
 * <p>Every {@code notes} value written is a unique token, so that each one can be traced through the
 * platform's log.
 */
class ConvergenceTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConvergenceTest.class);
    private static final ObjectMapper JSON = SyncJson.newMapper();
    private static final int ROUNDS = 58;
    private static final int EDITS_PER_WORKSTATION = 8;
    private static final int PLATFORM_EDITS = 4;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final Random random = new Random(20261121);

    /** token -> who wrote it and what that writer saw in the field just before. */
    private record Write(String writer, UUID booking, String prior) {
    }

    private record Key(String writer, UUID booking) {
    }

    private final Map<String, Write> writes = new HashMap<>();
    private final Map<Key, String> lastToken = new HashMap<>();
    /** (workstation, booking, platform value the user chose to overwrite). */
    private final Set<List<Object>> keptMineOver = new HashSet<>();
    /** (workstation, booking, own value the user chose to give up). */
    private final Set<List<Object>> tookTheirsOver = new HashSet<>();
    private int changes;
    private int tokens;

    @Test
    void twoWorkstationsAndThePlatformConvergeUnderFaults() throws Exception {
        try (PlatformEmulator platform = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey("key").withClock(clock));
             Workstation ws1 = new Workstation(dir, "ws1", platform.baseUri(), "key", clock, 20, 50);
             Workstation ws2 = new Workstation(dir, "ws2", platform.baseUri(), "key", clock, 20, 50)) {
            cycle(ws1);
            cycle(ws2);
            platform.faults().chaos(99, 0.2, Set.of(Endpoint.PUSH, Endpoint.CHANGES, Endpoint.REFRESH),
                    List.of(Fault.serverError(), Fault.unavailable(0), Fault.rateLimited(0), Fault.dropAfterProcessing(),
                            Fault.garbageBody(), Fault.expireToken(), Fault.latency(Duration.ofMillis(5)), Fault.concurrentEdit()));
            Map<String, Workstation> stations = Map.of("ws1", ws1, "ws2", ws2);
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, Workstation> ws : stations.entrySet()) {
                    for (int i = 0; i < EDITS_PER_WORKSTATION; i++) {
                        editAtWorkstation(ws.getKey(), ws.getValue());
                    }
                }
                for (int i = 0; i < PLATFORM_EDITS; i++) {
                    editOnPlatform(platform.state());
                }
                if (round % 10 == 7) {
                    platform.expireCursors();
                }
                if (round % 6 == 3) {
                    platform.expireAccessTokens();
                }
                cycle(ws1);
                cycle(ws2);
                if (round % 5 == 4) {
                    resolveAll("ws1", ws1);
                    resolveAll("ws2", ws2);
                }
            }
            platform.faults().clear();
            settle(ws1, ws2);

            LOG.info("convergence: {} changes, {} faults injected, {} operations applied, dead letters {} + {}",
                    changes, platform.faults().injectedCount(), platform.state().appliedOperationCount(),
                    ws1.deadLetters.all().size(), ws2.deadLetters.all().size());
            assertConverged(platform, ws1, ws2);
            assertNothingDuplicated(platform.state());
            assertNothingLost(platform.state(), stations);
            assertNothingSilentlyOverwritten(platform.state());
            assertThat(changes).isGreaterThanOrEqualTo(1000);
            assertThat(platform.faults().injectedCount()).isGreaterThan(20);
        }
    }

    // ------------------------------------------------------------ the workload

    private void editAtWorkstation(String name, Workstation ws) {
        List<LocalBooking> all = ws.bookings.all();
        LocalBooking target = all.get(random.nextInt(all.size()));
        Booking b = target.booking();
        int dice = random.nextInt(100);
        try {
            if (dice < 50) {
                String token = name + "-" + (++tokens);
                ws.bookings.setNotes(b.id(), token);
                wrote(token, name, b.id(), b.notes());
            } else if (dice < 65) {
                ws.bookings.recordVehicle(b.id(), null, (long) random.nextInt(300_000));
            } else if (dice < 80) {
                List<BookingStatus> next = new ArrayList<>(b.status().next());
                if (next.isEmpty()) {
                    return;
                }
                ws.bookings.setStatus(b.id(), next.get(random.nextInt(next.size())));
            } else if (dice < 90) {
                ws.bookings.reschedule(b.id(), randomSlot(), null, "Pont " + (1 + random.nextInt(4)));
            } else if (dice < 96) {
                String token = name + "-" + (++tokens);
                LocalBooking created = ws.bookings.createWalkIn(new Booking(null, null, null,
                        random.nextBoolean() ? BookingStatus.REQUESTED : BookingStatus.CONFIRMED, randomSlot(), 30,
                        "Pont " + (5 + random.nextInt(3)), new Customer("Client de passage " + tokens, null, null),
                        Vehicle.UNKNOWN, new BookingService(ServiceCode.OTHER, null), token, null, null, null));
                wrote(token, name, created.booking().id(), null);
            } else if (Booking.SOURCE_WORKSTATION.equals(b.source()) && b.status() == BookingStatus.REQUESTED) {
                ws.bookings.delete(b.id());
                // The user deleted it: their unsent note goes with it, by their choice.
                lastToken.remove(new Key(name, b.id()));
            } else {
                return;
            }
            changes++;
        } catch (LocalEditException refusedLocally) {
            // A change the contract forbids is refused before the outbox: not a change.
        }
    }

    private void editOnPlatform(PlatformState state) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> all = state.liveBookings();
        JsonNode b = all.get(random.nextInt(all.size()));
        UUID id = UUID.fromString(b.get("id").asText());
        int dice = random.nextInt(100);
        try {
            if (dice < 60) {
                String token = "p-" + (++tokens);
                state.platformUpdateBooking(id, Map.of("notes", token));
                wrote(token, "platform", id, b.get("notes").asText());
            } else if (dice < 80) {
                List<BookingStatus> next = new ArrayList<>(BookingStatus.fromJson(b.get("status").asText()).next());
                if (next.isEmpty()) {
                    return;
                }
                state.platformUpdateBooking(id, Map.of("status", next.get(random.nextInt(next.size())).wire()));
            } else {
                state.platformUpdateBooking(id, Map.of("bay", "Pont " + (1 + random.nextInt(4))));
            }
            changes++;
        } catch (IllegalStateException refused) {
            // slot_taken or a transition the platform refuses: nothing changed.
        }
    }

    private Instant randomSlot() {
        return Instant.parse("2026-11-23T07:00:00Z").plus(random.nextInt(10), ChronoUnit.DAYS)
                .plus(30L * random.nextInt(20), ChronoUnit.MINUTES);
    }

    private void wrote(String token, String writer, UUID booking, String prior) {
        writes.put(token, new Write(writer, booking, prior));
        lastToken.put(new Key(writer, booking), token);
    }

    private static void cycle(Workstation ws) {
        try {
            ws.cycle();
        } catch (SyncException transientFault) {
            // Injected: the next cycle goes on from where this one stopped.
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The users choose, at random, in every conflict; the choices are remembered for the checks. */
    private void resolveAll(String name, Workstation ws) {
        for (BookingConflict c : ws.conflicts.all()) {
            ConflictRepository.Choice choice = random.nextBoolean()
                    ? ConflictRepository.Choice.KEEP_MINE : ConflictRepository.Choice.TAKE_THEIRS;
            try {
                ws.conflicts.resolve(c.bookingId(), c.field(), choice);
            } catch (LocalEditException notPossibleAnyMore) {
                choice = ConflictRepository.Choice.TAKE_THEIRS;
                ws.conflicts.resolve(c.bookingId(), c.field(), choice);
            }
            if (c.field().equals("notes")) {
                if (choice == ConflictRepository.Choice.KEEP_MINE) {
                    keptMineOver.add(List.of(name, c.bookingId(), c.remoteValue().asText()));
                } else {
                    tookTheirsOver.add(List.of(name, c.bookingId(), c.localValue().asText()));
                }
            }
        }
    }

    private void settle(Workstation ws1, Workstation ws2) {
        for (int i = 0; i < 40; i++) {
            resolveAll("ws1", ws1);
            resolveAll("ws2", ws2);
            cycle(ws1);
            cycle(ws2);
            if (quiet(ws1) && quiet(ws2)) {
                cycle(ws1);
                if (quiet(ws1) && quiet(ws2)) {
                    return;
                }
            }
        }
        throw new AssertionError("did not settle: " + ws1.ledger.counts() + " / " + ws2.ledger.counts());
    }

    private static boolean quiet(Workstation ws) {
        return ws.ledger.counts().pendingOperations() == 0 && ws.ledger.counts().conflictedBookings() == 0
                && !ws.ledger.hasUnansweredBatch();
    }

    // ------------------------------------------------------------ the checks

    private static List<JsonNode> snapshot(Workstation ws) {
        return ws.bookings.all().stream().map(b -> JSON.<JsonNode>valueToTree(b.booking()))
                .sorted(Comparator.comparing(n -> n.get("id").asText())).toList();
    }

    private static void assertConverged(PlatformEmulator platform, Workstation ws1, Workstation ws2) {
        List<JsonNode> remote = platform.state().liveBookings().stream()
                .map(b -> JSON.<JsonNode>valueToTree(JSON.convertValue(b, Booking.class)))
                .sorted(Comparator.comparing(n -> n.get("id").asText())).toList();
        assertThat(snapshot(ws1)).isEqualTo(remote);
        assertThat(snapshot(ws2)).isEqualTo(remote);
        assertThat(ws1.commissions.all()).isEqualTo(ws2.commissions.all());
    }

    /** Each unique token was applied at most once, whatever the retries. */
    private void assertNothingDuplicated(PlatformState state) {
        Map<String, Integer> applications = new HashMap<>();
        for (PlatformState.AppliedChange change : state.bookingLog()) {
            if (change.opId() != null && change.fields().hasNonNull("notes")) {
                applications.merge(change.fields().get("notes").asText(), 1, Integer::sum);
            }
        }
        assertThat(applications).isNotEmpty();
        assertThat(applications.values()).allMatch(n -> n == 1);
    }

    /** The last value each workstation wrote reached the platform, or the user dropped it, or it is dead-lettered. */
    private void assertNothingLost(PlatformState state, Map<String, Workstation> stations) {
        Set<String> applied = new HashSet<>();
        for (PlatformState.AppliedChange change : state.bookingLog()) {
            if (change.fields().hasNonNull("notes")) {
                applied.add(change.fields().get("notes").asText());
            }
        }
        Map<String, Set<String>> deadLettered = new HashMap<>();
        stations.forEach((name, ws) -> {
            Set<String> set = new HashSet<>();
            for (DeadLetter d : ws.deadLetters.all()) {
                if (d.fields().hasNonNull("notes")) {
                    set.add(d.fields().get("notes").asText());
                }
            }
            deadLettered.put(name, set);
        });
        int checked = 0;
        for (Map.Entry<Key, String> last : lastToken.entrySet()) {
            String writer = last.getKey().writer();
            if (writer.equals("platform")) {
                continue;
            }
            String token = last.getValue();
            boolean accounted = applied.contains(token) || deadLettered.get(writer).contains(token)
                    || tookTheirsOver.contains(List.of(writer, last.getKey().booking(), token));
            assertThat(accounted).as("%s's last note %s on %s", writer, token, last.getKey().booking()).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    /**
     * Whether the writer had {@code value} under its eyes: the value it wrote over, or, when that was its own
     * unsent note (coalesced away), the value that one was written over, and so on.
     */
    private boolean sawBefore(Write write, String value) {
        Write w = write;
        for (int guard = 0; w != null && guard < 10_000; guard++) {
            String prior = w.prior() == null ? "" : w.prior();
            if (prior.equals(value)) {
                return true;
            }
            Write earlier = writes.get(prior);
            w = earlier != null && earlier.writer().equals(write.writer()) && earlier.booking().equals(write.booking())
                    ? earlier : null;
        }
        return false;
    }

    /**
     * A workstation's note replaced what its writer had seen, or what its user chose to overwrite, never
     * another value it had not seen.
     */
    private void assertNothingSilentlyOverwritten(PlatformState state) {
        int overwrites = 0;
        for (PlatformState.AppliedChange change : state.bookingLog()) {
            if (change.opId() == null || change.op() != OpKind.UPDATE || !change.fields().hasNonNull("notes")) {
                continue;
            }
            String token = change.fields().get("notes").asText();
            Write write = writes.get(token);
            String replaced = change.before().path("notes").asText();
            boolean seen = sawBefore(write, replaced);
            boolean chosen = keptMineOver.contains(List.of(write.writer(), write.booking(), replaced));
            assertThat(seen || chosen).as("%s wrote %s over %s, having seen %s", write.writer(), token, replaced,
                    write.prior()).isTrue();
            overwrites++;
        }
        assertThat(overwrites).isGreaterThan(100);
    }
}
