package fr.novaevo.workstation.sync.bench;

import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.sync.client.ClientConfig;
import fr.novaevo.workstation.sync.client.CredentialStore;
import fr.novaevo.workstation.sync.client.MemoryCredentials;
import fr.novaevo.workstation.sync.client.PlatformClient;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.engine.CycleReport;
import fr.novaevo.workstation.sync.engine.SyncEngine;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.store.SyncDatabase;
import fr.novaevo.workstation.sync.store.SyncLedger;
import fr.novaevo.workstation.sync.store.SyncSchema;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The sync benchmarks of the issue, with fixed inputs, against a local emulator over loopback HTTP and a
 * real H2 file: the first pull of N bookings, a cycle with nothing to do, and the heap while pulling many
 * changes. The app's {@code bench} command runs it and prints the results; numbers go to
 * {@code docs/benchmarks.md}.
 */
public final class SyncBenchmark {

    /**
     * @param name        what was measured
     * @param count       how many changes it involved
     * @param elapsed     wall time (a median for repeated measures)
     * @param heapBytes   for the memory benchmark: the largest live heap growth seen during the pull
     */
    public record Result(String name, long count, Duration elapsed, long heapBytes) {
    }

    private static final JobContext QUIET = new JobContext() {
        @Override
        public void progress(long done, long total, String step) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private SyncBenchmark() {
    }

    public static List<Result> run(Path workDir, int firstPullBookings, int memoryPullBookings) throws CancelledException {
        List<Result> results = new ArrayList<>();
        try (Stack stack = new Stack(workDir.resolve("first"), firstPullBookings)) {
            long start = System.nanoTime();
            CycleReport first = stack.engine.runCycle(QUIET);
            results.add(new Result("first pull", first.pulled(), Duration.ofNanos(System.nanoTime() - start), 0));
            long[] idle = new long[21];
            for (int i = 0; i < idle.length; i++) {
                long t = System.nanoTime();
                stack.engine.runCycle(QUIET);
                idle[i] = System.nanoTime() - t;
            }
            Arrays.sort(idle);
            results.add(new Result("cycle with nothing to do (median of 21)", 0, Duration.ofNanos(idle[idle.length / 2]), 0));
        }
        try (Stack stack = new Stack(workDir.resolve("memory"), memoryPullBookings)) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong();
            AtomicLong pages = new AtomicLong();
            JobContext sampling = new JobContext() {
                @Override
                public void progress(long done, long total, String step) {
                    if (pages.incrementAndGet() % 10 == 0) {
                        // Live heap (after a collection), not garbage: what the pull really keeps.
                        System.gc();
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - baseline, Math::max);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            long start = System.nanoTime();
            CycleReport report = stack.engine.runCycle(sampling);
            results.add(new Result("pull with live-heap sampling", report.pulled(),
                    Duration.ofNanos(System.nanoTime() - start), peak.get()));
        }
        return results;
    }

    /** An emulator with N bookings and one workstation's sync stack on its own H2 file. */
    private static final class Stack implements AutoCloseable {
        final PlatformEmulator platform;
        final PlatformClient client;
        final JdbcConnectionPool pool;
        final SyncEngine engine;

        Stack(Path dir, int bookings) {
            platform = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey("bench").withSampleData(false));
            platform.seedBulkBookings(bookings);
            CredentialStore credentials = new MemoryCredentials("bench");
            client = new PlatformClient(ClientConfig.of(platform.baseUri(), "g-123", UUID.randomUUID(), "bench"),
                    credentials, SyncJson.newMapper(), InstantSource.system());
            pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath(), "sa", "");
            SyncSchema.migrate(pool);
            engine = new SyncEngine(client, new SyncLedger(new SyncDatabase(pool, SyncJson.newMapper(),
                    InstantSource.system())), 100, 1000);
        }

        @Override
        public void close() {
            client.close();
            platform.close();
            pool.dispose();
        }
    }
}
