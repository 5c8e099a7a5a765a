package fr.novaevo.workstation.sync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark runs end to end on small inputs (what it counts, not how fast: timings are for
 * {@code docs/benchmarks.md}). {@code -Dsync.bench.full=true} runs the sizes and logs the figures.
 */
class SyncBenchmarkTest {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBenchmarkTest.class);

    @TempDir
    Path dir;

    @Test
    void runsEndToEnd() throws Exception {
        boolean full = Boolean.getBoolean("sync.bench.full");
        int first = full ? 10_000 : 300;
        int memory = full ? 100_000 : 1_500;

        List<SyncBenchmark.Result> results = SyncBenchmark.run(dir, first, memory);

        results.forEach(r -> LOG.info("bench: {} - {} changes in {} ms, live heap growth {} MiB", r.name(), r.count(),
                r.elapsed().toMillis(), r.heapBytes() / (1024 * 1024)));
        assertThat(results).extracting(SyncBenchmark.Result::count).containsExactly((long) first, 0L, (long) memory);
    }
}
