package fr.novaevo.workstation.obd.session;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.core.testing.RandomCases;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.service.ClearConfirmation;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.sim.Elm327Emulator;
import fr.novaevo.workstation.obd.sim.FaultInjector;
import fr.novaevo.workstation.obd.sim.SimulatorSettings;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import fr.novaevo.workstation.obd.testing.MemoryAuditJournal;
import fr.novaevo.workstation.obd.transport.SimulatedDevice;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole sessions against the virtual vehicle while its adapter misbehaves at random: connect, scan, live
 * polling, clear with confirmation, one PID read once. Whatever happens, only the typed {@link ObdException}
 * escapes, every session ends before its deadline, and the adapter never receives a bare carriage return (after
 * a clear request it would clear the codes a second time).
 */
class SessionFuzzTest {

    /** Short driver deadlines, so that the many injected silences cost little time. */
    private static final ElmSettings FAST = new ElmSettings(Duration.ofMillis(300), Duration.ofMillis(200),
            Duration.ofMillis(400), Duration.ofMillis(100), Duration.ofMillis(400));
    /** Far above the worst legitimate session with these deadlines: reaching it means something hangs. */
    private static final Duration SESSION_DEADLINE = Duration.ofSeconds(20);
    private static final List<Integer> LIVE_PIDS = List.of(0x04, 0x05, 0x0C, 0x0D, 0x0F, 0x11, 0x42, 0xA6);

    private final ExecutorService sessions = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("fuzz-session").daemon(true).factory());

    @AfterEach
    void stop() {
        sessions.shutdownNow();
    }

    /**
     * In front of the emulator: before each command line the host sends, may arm a fault for its answer or wait
     * a little, drawing from the case's own random source (device thread only, so the case replays exactly).
     */
    private static final class Chaos implements SimulatedDevice {
        private final Elm327Emulator emulator;
        private final SplittableRandom random;
        private final double rate;

        Chaos(Elm327Emulator emulator, SplittableRandom random, double rate) {
            this.emulator = emulator;
            this.random = random;
            this.rate = rate;
        }

        @Override
        public void receive(byte[] data, DeviceOutput output) {
            if (random.nextDouble() < rate) {
                FaultInjector f = emulator.faults();
                switch (random.nextInt(12)) {
                    case 0, 1, 2 -> f.garbage(1);
                    case 3, 4 -> f.losePrompt(1);
                    case 5, 6, 7 -> f.noDataBurst(RandomCases.between(random, 1, 4));
                    case 8 -> f.unplug();
                    case 9 -> f.mute();
                    default -> sleep(RandomCases.between(random, 1, 30));
                }
            }
            emulator.receive(data, output);
        }

        private static void sleep(int millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void sessionsUnderRandomFaultsEndInTimeWithOnlyTheTypedError() {
        RandomCases.check(60, r -> {
            String scenario = RandomCases.oneOf(r, VirtualVehicles.SCENARIOS);
            double rate = RandomCases.oneOf(r, 0.0, 0.02, 0.05, 0.15);
            SplittableRandom deviceRandom = r.split();
            AtomicReference<Elm327Emulator> emulator = new AtomicReference<>();
            VirtualVehicles vehicles = new VirtualVehicles(Clock.systemUTC());
            TransportFactory factory = new TransportFactory(sim -> {
                Elm327Emulator e = new Elm327Emulator(vehicles.create(sim.scenario()), SimulatorSettings.instant(),
                        new FaultInjector());
                emulator.set(e);
                return new Chaos(e, deviceRandom, rate);
            }, Duration.ofSeconds(1));
            ObdConnector connector = new ObdConnector(factory, FAST, new PidCatalog(), new FaultCodeDatabase(),
                    new VinDecoder(Clock.systemUTC()), new MemoryAuditJournal(), Locale.FRENCH);
            List<Integer> pids = pick(r);
            int samples = RandomCases.between(r, 1, 25);
            boolean clear = r.nextInt(3) > 0;

            Future<String> run = sessions.submit(() -> session(connector, "sim:" + scenario, pids, samples, clear));
            String outcome;
            try {
                outcome = run.get(SESSION_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                throw new AssertionError("the session on " + scenario + " did not end within " + SESSION_DEADLINE);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("an untyped failure escaped on " + scenario + ": " + e.getCause(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            assertThat(outcome).isNotNull();

            List<String> sent = emulator.get() == null ? List.of() : emulator.get().commands();
            assertThat(sent).as("no bare carriage return, ever").doesNotContain("");
            assertThat(sent.stream().filter(c -> c.equals("04")).count()).as("a clear is sent once at most")
                    .isLessThanOrEqualTo(clear ? 1 : 0);
        });
    }

    private static List<Integer> pick(SplittableRandom r) {
        List<Integer> pool = new ArrayList<>(LIVE_PIDS);
        List<Integer> out = new ArrayList<>();
        int n = RandomCases.between(r, 1, 6);
        for (int i = 0; i < n; i++) {
            out.add(pool.remove(r.nextInt(pool.size())));
        }
        return out;
    }

    /** One whole session; returns how it ended. Any exception but {@link ObdException} is a failure. */
    private static String session(ObdConnector connector, String port, List<Integer> pids, int samples,
            boolean clear) {
        try (ObdSession session = connector.connect(port, 38400)) {
            ScanResult scan = session.scan();
            List<Integer> watched = pids.stream()
                    .filter(p -> scan.supportedPids().contains(String.format("%02X", p))).toList();
            if (!watched.isEmpty()) {
                new LivePoller(Clock.systemUTC(), 3).run(session.live(), watched, LivePoller.Limit.samples(samples),
                        sample -> { }, () -> Thread.currentThread().isInterrupted());
            }
            if (clear) {
                session.clearCodes(new ClearConfirmation(scan.vin().orElse(port), List.of(), true));
                session.codes(fr.novaevo.workstation.obd.service.CodeKind.STORED);
            }
            session.readPid(0x0D);
            return "completed";
        } catch (ObdException expected) {
            return expected.code();
        }
    }
}
