package fr.novaevo.workstation.obd.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.session.LivePoller;
import fr.novaevo.workstation.obd.session.LiveSample;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.sim.FaultInjector;
import fr.novaevo.workstation.obd.testing.ObdFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RecordingReplayTest {

    private static final List<Integer> PIDS = List.of(0x0C, 0x0D, 0x05);

    @TempDir
    Path dir;

    private static long committed(DataSource ds, long recordingId) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM OBD.RECORDING_SAMPLE WHERE RECORDING_ID = ?")) {
            ps.setLong(1, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aRecordingOfTheVirtualVehicleReplaysInOrderAndExportsAsCsv() throws Exception {
        List<LiveSample> live = new ArrayList<>();
        long recordingId;
        try (Database db = ObdFixtures.database(dir.resolve("db"), Clock.systemUTC());
                ObdSession session = ObdFixtures.connector(Locale.FRENCH).connect("sim:demo", 38400)) {
            RecordingStore store = new RecordingStore(db.dataSource(), Clock.systemUTC());
            Recorder recorder = store.start("vf1rja00xkb123456", OptionalLong.empty(), PIDS,
                    new Recorder.Settings(64, 25, Duration.ofMillis(100), Duration.ofSeconds(5),
                            Duration.ofSeconds(10)));
            recordingId = recorder.recordingId();
            new LivePoller(Clock.systemUTC(), 5).run(session.live(), PIDS, LivePoller.Limit.samples(240),
                    sample -> {
                        live.add(sample);
                        recorder.accept(sample);
                    }, () -> false);
            recorder.close();
            assertThat(recorder.dropped()).isZero();
            assertThat(recorder.written()).isEqualTo(240);
        }
        try (Database db = ObdFixtures.database(dir.resolve("db"), Clock.systemUTC())) {
            RecordingStore store = new RecordingStore(db.dataSource(), Clock.systemUTC());
            RecordingInfo info = store.find(recordingId).orElseThrow();
            assertThat(info.vin()).isEqualTo("VF1RJA00XKB123456");
            assertThat(info.samples()).isEqualTo(240);
            assertThat(info.pids()).containsExactlyElementsOf(PIDS);
            assertThat(info.endedAt()).isPresent();

            List<LiveSample> back = new ArrayList<>();
            assertThat(store.replay(recordingId, back::add)).isEqualTo(240);
            assertThat(back).extracting(LiveSample::sequence).isSorted().doesNotHaveDuplicates();
            for (int i = 0; i < live.size(); i++) {
                assertThat(back.get(i).time()).as("stored to the microsecond")
                        .isEqualTo(live.get(i).time().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                assertThat(back.get(i).readings()).extracting(PidReading::ecu, PidReading::pid, PidReading::text)
                        .containsExactlyElementsOf(live.get(i).readings().stream()
                                .map(r -> org.assertj.core.groups.Tuple.tuple(r.ecu(), r.pid(), r.text())).toList());
                List<Double> values = back.get(i).readings().stream().map(PidReading::value).toList();
                assertThat(values).containsExactlyElementsOf(live.get(i).readings().stream()
                        .map(PidReading::value).toList());
            }

            Path csv = dir.resolve("export/recording.csv");
            assertThat(store.exportCsv(recordingId, csv)).isEqualTo(240);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(241);
            assertThat(lines.getFirst()).startsWith("time,sequence,").contains("7E8");
            int columns = lines.getFirst().split(",", -1).length;
            assertThat(columns).isEqualTo(3 + live.getFirst().readings().size());
            assertThat(lines.getFirst()).endsWith(",event");
            assertThat(lines.get(1)).startsWith(back.getFirst().time().toString() + ",1,");
            assertThat(lines.get(240).split(",", -1)).hasSize(columns);
            try (Stream<Path> files = Files.list(csv.getParent())) {
                assertThat(files).containsExactly(csv);
            }
        }
    }

    @Test
    void whenTheAdapterIsPulledOutEverySampleAlreadyReceivedIsCommitted() throws Exception {
        FaultInjector faults = new FaultInjector();
        try (Database db = ObdFixtures.database(dir.resolve("db"), Clock.systemUTC());
                ObdSession session = ObdFixtures.connector(Locale.FRENCH, faults).connect("sim:demo", 38400)) {
            RecordingStore store = new RecordingStore(db.dataSource(), Clock.systemUTC());
            // a flush interval longer than the test: only close() can have committed the samples
            Recorder recorder = store.start("VF1RJA00XKB123456", OptionalLong.empty(), PIDS,
                    new Recorder.Settings(1000, 1000, Duration.ofMinutes(5), Duration.ofSeconds(5),
                            Duration.ofSeconds(20)));
            long[] handed = {0};
            assertThatThrownBy(() -> new LivePoller(Clock.systemUTC(), 3).run(session.live(), PIDS,
                    LivePoller.Limit.samples(10_000), sample -> {
                        recorder.accept(sample);
                        handed[0]++;
                        if (handed[0] == 137) {
                            faults.unplug();
                        }
                    }, () -> false))
                    .isInstanceOfSatisfying(ObdException.class,
                            e -> assertThat(e.reason()).isEqualTo(ObdErrorCode.LINK_LOST));
            assertThat(committed(db.dataSource(), recorder.recordingId())).as("nothing committed yet").isZero();
            recorder.close();
            assertThat(recorder.received()).isEqualTo(137);
            assertThat(committed(db.dataSource(), recorder.recordingId())).isEqualTo(137);
            assertThat(store.find(recorder.recordingId()).orElseThrow().samples()).isEqualTo(137);
        }
    }

    @Test
    void aRecordingGoesOnAfterAReconnectionWithTheBreakMarkedInPlace() throws Exception {
        FaultInjector faults = new FaultInjector();
        List<LiveSample> handed = new ArrayList<>();
        long recordingId;
        try (Database db = ObdFixtures.database(dir.resolve("db"), Clock.systemUTC())) {
            RecordingStore store = new RecordingStore(db.dataSource(), Clock.systemUTC());
            Recorder recorder = store.start("VF1RJA00XKB123456", OptionalLong.empty(), PIDS,
                    new Recorder.Settings(1000, 20, Duration.ofMillis(100), Duration.ofSeconds(5),
                            Duration.ofSeconds(20)));
            recordingId = recorder.recordingId();
            Consumer<LiveSample> sink = sample -> {
                handed.add(sample);
                recorder.accept(sample);
            };
            try (ObdSession first = ObdFixtures.connector(Locale.FRENCH, faults).connect("sim:demo", 38400)) {
                assertThatThrownBy(() -> new LivePoller(Clock.systemUTC(), 3).run(first.live(), PIDS,
                        LivePoller.Limit.samples(10_000), sample -> {
                            sink.accept(sample);
                            if (handed.size() == 57) {
                                faults.unplug();
                            }
                        }, () -> false)).isInstanceOfSatisfying(ObdException.class,
                                e -> assertThat(e.reason()).isEqualTo(ObdErrorCode.LINK_LOST));
            }
            java.time.Instant lostAt = java.time.Instant.now();
            recorder.gap(lostAt, "OBD-LINK-LOST");
            try (ObdSession second = ObdFixtures.connector(Locale.FRENCH).connect("sim:demo", 38400)) {
                new LivePoller(Clock.systemUTC(), 3).run(second.live(), PIDS, LivePoller.Limit.samples(40), sink,
                        () -> false);
            }
            recorder.close();
            assertThat(recorder.received()).isEqualTo(97);
            assertThat(recorder.written()).isEqualTo(97);
            assertThat(recorder.dropped()).isZero();

            assertThat(store.find(recordingId).orElseThrow().samples()).isEqualTo(97);
            assertThat(store.gaps(recordingId)).singleElement().satisfies(g -> {
                assertThat(g.afterSequence()).isEqualTo(57);
                assertThat(g.reason()).isEqualTo("OBD-LINK-LOST");
                assertThat(g.lostAt()).isEqualTo(lostAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                assertThat(g.resumedAt()).hasValue(handed.get(57).time()
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            });
            List<Object> replayed = new ArrayList<>();
            assertThat(store.replay(recordingId, replayed::add, replayed::add)).isEqualTo(97);
            assertThat(replayed).hasSize(98);
            assertThat(replayed.get(57)).isInstanceOf(RecordingGap.class);
            assertThat(replayed.subList(0, 57)).allMatch(LiveSample.class::isInstance);
            assertThat(replayed.subList(58, 98)).allMatch(LiveSample.class::isInstance);
            assertThat(((LiveSample) replayed.get(58)).sequence()).isEqualTo(58);

            Path csv = dir.resolve("export/gap.csv");
            assertThat(store.exportCsv(recordingId, csv)).isEqualTo(97);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(1 + 97 + 1);
            assertThat(lines.get(57)).contains(",57,");
            assertThat(lines.get(58)).startsWith(lostAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS) + ",,")
                    .contains("adapter lost (OBD-LINK-LOST), resumed ");
            assertThat(lines.get(59)).contains(",58,");
        }
    }

    @Test
    void samplesAreCommittedInBatchesWhileRecording() throws Exception {
        try (Database db = ObdFixtures.database(dir.resolve("db"), Clock.systemUTC());
                ObdSession session = ObdFixtures.connector(Locale.FRENCH).connect("sim:demo", 38400)) {
            RecordingStore store = new RecordingStore(db.dataSource(), Clock.systemUTC());
            try (Recorder recorder = store.start("VF1RJA00XKB123456", OptionalLong.empty(), PIDS,
                    new Recorder.Settings(100, 10, Duration.ofMinutes(5), Duration.ofSeconds(5),
                            Duration.ofSeconds(10)))) {
                new LivePoller(Clock.systemUTC(), 5).run(session.live(), PIDS, LivePoller.Limit.samples(50),
                        recorder, () -> false);
                // batches of 10 are committed without waiting for the (5 min) flush interval or close()
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (committed(db.dataSource(), recorder.recordingId()) < 50 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(committed(db.dataSource(), recorder.recordingId())).isEqualTo(50);
            }
        }
    }

    @Test
    void samplesHandedAfterCloseAreCountedAsDropped() {
        try (Database db = ObdFixtures.database(dir.resolve("db"), Clock.systemUTC())) {
            RecordingStore store = new RecordingStore(db.dataSource(), Clock.systemUTC());
            Recorder recorder = store.start("", OptionalLong.empty(), PIDS, Recorder.Settings.defaults());
            recorder.close();
            recorder.accept(new LiveSample(1, java.time.Instant.now(), List.of()));
            assertThat(recorder.dropped()).isEqualTo(1);
            assertThat(store.byVin("")).singleElement().satisfies(r -> assertThat(r.samples()).isZero());
        }
    }
}
