package fr.novaevo.workstation.ocr.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Cuts the stored samples of a range into its buckets (sums for counts, maxima for levels, mean CPU). */
final class SupervisionHistory {

    private SupervisionHistory() {
    }

    static List<HistoryPoint> points(SupervisionStore store, HistoryRange range, Instant now) {
        long bucketMillis = range.bucket().toMillis();
        // buckets aligned on the epoch, so that two reads a minute apart show the same stretches
        long end = Math.floorDiv(now.toEpochMilli(), bucketMillis) * bucketMillis + bucketMillis;
        long start = end - range.span().toMillis();
        int count = (int) (range.span().toMillis() / bucketMillis);
        Bucket[] buckets = new Bucket[count];
        for (int i = 0; i < count; i++) {
            buckets[i] = new Bucket(Instant.ofEpochMilli(start + i * bucketMillis));
        }
        for (SupervisionSample s : store.samples(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end))) {
            int index = (int) ((s.sampledAt().toEpochMilli() - start) / bucketMillis);
            if (index >= 0 && index < count) {
                buckets[index].add(s);
            }
        }
        double minutes = bucketMillis / 60_000.0;
        List<HistoryPoint> points = new ArrayList<>(count);
        for (Bucket b : buckets) {
            points.add(b.point(minutes));
        }
        return points;
    }

    private static final class Bucket {
        private final Instant from;
        private int samples;
        private int active;
        private int queued;
        private long documents;
        private long failed;
        private long pages;
        private long heap;
        private double cpuSum;
        private int cpuCount;
        private double cpuMax = Double.NEGATIVE_INFINITY;

        Bucket(Instant from) {
            this.from = from;
        }

        void add(SupervisionSample s) {
            samples++;
            active = Math.max(active, s.activeBatches());
            queued = Math.max(queued, s.queuedBatches());
            documents += s.documentsFinished();
            failed += s.documentsFailed();
            pages += s.pagesFinished();
            heap = Math.max(heap, s.heapUsedMb());
            if (s.cpuPercent().isPresent()) {
                double cpu = s.cpuPercent().getAsDouble();
                cpuSum += cpu;
                cpuCount++;
                cpuMax = Math.max(cpuMax, cpu);
            }
        }

        HistoryPoint point(double minutes) {
            return new HistoryPoint(from, samples, active, queued, documents, failed, pages, heap,
                    cpuCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(cpuSum / cpuCount),
                    cpuCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(cpuMax),
                    documents / minutes, pages / minutes);
        }
    }
}
