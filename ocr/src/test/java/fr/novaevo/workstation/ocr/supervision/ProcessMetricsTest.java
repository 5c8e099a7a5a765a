package fr.novaevo.workstation.ocr.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JVM's figures: the memory alert looks at what the application holds, not at garbage waiting for a collection. */
class ProcessMetricsTest {

    private static final int MB = 1024 * 1024;

    @Test
    void theHeapFigureIsWhatSurvivedTheLastCollection() {
        ProcessMetrics metrics = ProcessMetrics.jvm();
        byte[][] held = new byte[96][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[MB];
        }
        System.gc();
        long holding = metrics.heapUsedBytes();
        assertThat(holding).as("96 MB held through a collection").isGreaterThanOrEqualTo(96L * MB);

        held = null;
        System.gc();
        long released = metrics.heapUsedBytes();
        assertThat(released).as("released at the next collection").isLessThan(holding - 64L * MB);
        // garbage made after the collection does not count until a collection says it is still in use
        long garbage = 0;
        for (int i = 0; i < 80; i++) {
            garbage += new byte[MB].length;
        }
        assertThat(garbage).isEqualTo(80L * MB);
        assertThat(metrics.heapUsedBytes()).isLessThan(holding - 32L * MB);
    }

    @Test
    void processorLoadIsAPercentageWhenKnown() {
        ProcessMetrics.jvm().cpuPercent().ifPresent(p -> assertThat(p).isBetween(0.0, 100.0));
    }
}
