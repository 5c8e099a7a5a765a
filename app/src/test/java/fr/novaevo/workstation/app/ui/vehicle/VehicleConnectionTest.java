package fr.novaevo.workstation.app.ui.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.audit.AuditVerification;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.session.LivePoller;
import fr.novaevo.workstation.obd.session.ObdConnector;
import fr.novaevo.workstation.obd.session.PollSummary;
import fr.novaevo.workstation.obd.sim.Elm327Emulator;
import fr.novaevo.workstation.obd.sim.FaultInjector;
import fr.novaevo.workstation.obd.sim.SimulatorSettings;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import fr.novaevo.workstation.obd.transport.TransportFactory;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The area's connection without a screen: a lost adapter is noticed through the poller's failure, a connect
 * can be cancelled, two connects cannot run at once.
 */
class VehicleConnectionTest {

    private final Clock clock = Clock.systemUTC();
    private final FaultInjector faults = new FaultInjector();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    /** When the listener heard LOST, in {@link System#nanoTime()}. */
    private final java.util.concurrent.atomic.AtomicLong lostAt = new java.util.concurrent.atomic.AtomicLong();
    private VehicleConnection connection;

    private VehicleConnection connection(SimulatorSettings settings) {
        VirtualVehicles vehicles = new VirtualVehicles(clock);
        TransportFactory transports = new TransportFactory(
                sim -> new Elm327Emulator(vehicles.create(sim.scenario()), settings, faults), Duration.ofSeconds(5));
        ObdConnector connector = new ObdConnector(transports, ElmSettings.defaults(), new PidCatalog(),
                new FaultCodeDatabase(), new VinDecoder(clock), new NoJournal(), Locale.FRENCH);
        connection = new VehicleConnection(connector, new VehicleConnection.Listener() {
            @Override
            public void stateChanged(VehicleConnection.State state, String port, Optional<Throwable> failure) {
                long now = System.nanoTime();
                failure.ifPresent(lastFailure::set);
                events.add(state.name());
                if (state == VehicleConnection.State.LOST) {
                    lostAt.compareAndSet(0, now); // last: a test that sees it sees the failure too
                }
            }

            @Override
            public void voltage(double volts) {
                events.add("voltage");
            }
        });
        return connection;
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void anUnpluggedAdapterDuringLiveDataTurnsTheConnectionLost() throws Exception {
        VehicleConnection c = connection(SimulatorSettings.instant());
        c.connect("sim", 0).get(30, TimeUnit.SECONDS);
        assertThat(c.state()).isEqualTo(VehicleConnection.State.CONNECTED);
        LiveBuffer buffer = new LiveBuffer();
        buffer.reset(List.of(0x0C, 0x0D), java.util.Map.of());
        CompletableFuture<PollSummary> live = c.startLive(new LivePoller(clock, 3), List.of(0x0C, 0x0D), buffer::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (buffer.samples() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(buffer.samples()).isGreaterThanOrEqualTo(5);

        faults.unplug();

        assertThatThrownBy(() -> live.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(c.state()).isEqualTo(VehicleConnection.State.LOST);
        assertThat(events).containsSubsequence("CONNECTING", "CONNECTED", "LOST");
        assertThat(lastFailure.get()).isInstanceOf(ObdException.class);
        assertThat(((ObdException) lastFailure.get()).reason()).isEqualTo(ObdErrorCode.LINK_LOST);
        assertThat(buffer.snapshot().series()).allSatisfy(s -> assertThat(s.values().length)
                .isLessThanOrEqualTo(LiveBuffer.CAPACITY));
    }

    /**
     * A silent adapter (Bluetooth out of range, a hung chip: the link stays up, nothing answers) is noticed
     * within 2 s. The bound comes from the deadlines themselves; the measure allows some scheduling slack for a
     * loaded build machine, no more.
     */
    private static final Duration SCHEDULING_SLACK = Duration.ofMillis(700);

    @Test
    void aSilentAdapterIsNoticedWithinTwoSecondsWhileIdle() throws Exception {
        assertThat(VehicleConnection.idleDetectionBound()).isLessThanOrEqualTo(Duration.ofSeconds(2));
        VehicleConnection c = connection(SimulatorSettings.instant());
        c.connect("sim", 0).get(30, TimeUnit.SECONDS);
        awaitUntil(() -> events.contains("voltage"));

        long muted = System.nanoTime();
        faults.mute();

        awaitUntil(() -> lostAt.get() != 0);
        assertThat(Duration.ofNanos(lostAt.get() - muted))
                .isLessThanOrEqualTo(VehicleConnection.idleDetectionBound().plus(SCHEDULING_SLACK));
        assertThat(((ObdException) lastFailure.get()).reason()).isEqualTo(ObdErrorCode.TIMEOUT);
    }

    @Test
    void aSilentAdapterIsNoticedWithinTwoSecondsDuringLiveData() throws Exception {
        ElmSettings elm = ElmSettings.defaults();
        Duration bound = elm.requestFloor().plus(fr.novaevo.workstation.obd.elm.Elm327.DRAIN).multipliedBy(3);
        assertThat(bound).isLessThanOrEqualTo(Duration.ofSeconds(2));
        VehicleConnection c = connection(SimulatorSettings.instant());
        c.connect("sim", 0).get(30, TimeUnit.SECONDS);
        LiveBuffer buffer = new LiveBuffer();
        buffer.reset(List.of(0x0C, 0x0D), java.util.Map.of());
        CompletableFuture<PollSummary> live = c.startLive(new LivePoller(clock, 3), List.of(0x0C, 0x0D), buffer::add);
        awaitUntil(() -> buffer.samples() >= 20);

        long muted = System.nanoTime();
        faults.mute();

        assertThatThrownBy(() -> live.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        awaitUntil(() -> lostAt.get() != 0);
        assertThat(Duration.ofNanos(lostAt.get() - muted)).isLessThanOrEqualTo(bound.plus(SCHEDULING_SLACK));
        assertThat(((ObdException) lastFailure.get()).reason()).isEqualTo(ObdErrorCode.LINK_LOST);
    }

    /**
     * Ten minutes of live data at full rate (20 passes a second, a CAN car's pace) on a clock that the passes
     * themselves move forward: what the screen holds stays the same size, whatever the duration.
     */
    @Test
    void tenMinutesOfFullRateLiveDataKeepAFixedNumberOfPoints() throws Exception {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        java.time.Instant start = java.time.Instant.parse("2026-03-02T08:00:00Z");
        Clock fast = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return start.plusNanos(nanos.get());
            }
        };
        VirtualVehicles vehicles = new VirtualVehicles(fast);
        TransportFactory transports = new TransportFactory(sim -> new Elm327Emulator(vehicles.create(sim.scenario()),
                SimulatorSettings.instant(), faults), Duration.ofSeconds(5));
        ObdConnector connector = new ObdConnector(transports, ElmSettings.defaults(), new PidCatalog(),
                new FaultCodeDatabase(), new VinDecoder(fast), new NoJournal(), Locale.FRENCH);
        connection = new VehicleConnection(connector, new VehicleConnection.Listener() {
                    @Override
                    public void stateChanged(VehicleConnection.State state, String port, Optional<Throwable> failure) {
                    }

                    @Override
                    public void voltage(double volts) {
                    }
                });
        connection.connect("sim", 0).get(30, TimeUnit.SECONDS);
        List<Integer> pids = List.of(0x0C, 0x0D, 0x05, 0x04, 0x11, 0x10);
        long passes = Duration.ofMinutes(10).toSeconds() * 20;
        LiveBuffer buffer = new LiveBuffer();
        buffer.reset(pids, java.util.Map.of());
        CompletableFuture<PollSummary> live = connection.startLive(new LivePoller(fast, 3), pids, sample -> {
            buffer.add(sample);
            nanos.addAndGet(Duration.ofMillis(50).toNanos());
            if (sample.sequence() >= passes) {
                connection.stopLive();
            }
        });
        PollSummary summary = live.get(120, TimeUnit.SECONDS);
        assertThat(summary.samples()).isEqualTo(passes);
        assertThat(summary.errors()).isZero();
        assertThat(Duration.ofNanos(nanos.get())).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        LiveBuffer.Snapshot shown = buffer.snapshot();
        assertThat(shown.samples()).isEqualTo(passes);
        assertThat(shown.series()).hasSize(pids.size()).allSatisfy(series -> assertThat(series.values())
                .as("PID %02X", series.pid()).hasSize(LiveBuffer.CAPACITY));
        // The newest points are there: the engine is warm after ten minutes of the drive cycle.
        LiveBuffer.Series coolant = shown.series().stream().filter(x -> x.pid() == 0x05).findFirst().orElseThrow();
        assertThat(coolant.latest()).isGreaterThan(80);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aConnectCanBeCancelledAndASecondConnectIsRefusedMeanwhile() throws Exception {
        VehicleConnection c = connection(SimulatorSettings.realistic());
        CompletableFuture<?> first = c.connect("sim", 0);
        CompletableFuture<?> second = c.connect("sim", 0);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        c.cancelConnect();
        assertThat(c.state()).isEqualTo(VehicleConnection.State.DISCONNECTED);
        assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ObdException.class);
        assertThat(c.state()).isEqualTo(VehicleConnection.State.DISCONNECTED);
        assertThat(c.awaitClosed(Duration.ofSeconds(30))).isTrue();
        assertThat(events).containsExactly("CONNECTING", "DISCONNECTED");
        assertThat(((ObdException) lastFailure.get()).reason()).isEqualTo(ObdErrorCode.CANCELLED);
    }

    @Test
    void theLiveBufferKeepsAFixedNumberOfPoints() {
        LiveBuffer buffer = new LiveBuffer();
        buffer.reset(List.of(0x0D), java.util.Map.of(0x0D, "Vitesse"));
        for (int i = 0; i < LiveBuffer.CAPACITY * 3 + 7; i++) {
            buffer.add(new fr.novaevo.workstation.obd.session.LiveSample(i + 1, clock.instant(), List.of(
                    new fr.novaevo.workstation.obd.service.PidReading("7E8", 0x0D, "Vehicle speed",
                            List.of(new fr.novaevo.workstation.obd.service.Quantity("Vehicle speed", i, "km/h")),
                            i + " km/h"))));
        }
        LiveBuffer.Series series = buffer.snapshot().series().getFirst();
        assertThat(series.values()).hasSize(LiveBuffer.CAPACITY);
        assertThat(series.values()[LiveBuffer.CAPACITY - 1]).isEqualTo(LiveBuffer.CAPACITY * 3 + 6);
        assertThat(series.values()[0]).isEqualTo(LiveBuffer.CAPACITY * 2 + 7);
        assertThat(buffer.samples()).isEqualTo(LiveBuffer.CAPACITY * 3 + 7);
    }

    /** The journal is not what these tests look at. */
    private static final class NoJournal implements AuditJournal {
        @Override
        public AuditEntry record(String action, String subject, String details) {
            return null;
        }

        @Override
        public List<AuditEntry> find(AuditQuery query) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            return null;
        }
    }
}
