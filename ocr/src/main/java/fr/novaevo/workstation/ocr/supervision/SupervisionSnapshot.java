package fr.novaevo.workstation.ocr.supervision;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything the supervision screen shows, at one instant; immutable, so a UI can keep and compare it.
 *
 * @param active     batches being run now
 * @param queued     batches waiting: for their turn, for their start time, or to be resumed after a crash
 * @param finished   batches ended in the last 24 hours, newest first
 * @param alerts     alerts that need attention (still on, or not acknowledged yet), newest first
 */
public record SupervisionSnapshot(Instant takenAt, List<BatchProgress> active, List<BatchProgress> queued,
                                  List<BatchProgress> finished, long heapUsedMb, OptionalDouble cpuPercent,
                                  List<Alert> alerts) {

    public SupervisionSnapshot {
        active = List.copyOf(active);
        queued = List.copyOf(queued);
        finished = List.copyOf(finished);
        alerts = List.copyOf(alerts);
    }

    /** Before the first measure. */
    public static SupervisionSnapshot empty(Instant at) {
        return new SupervisionSnapshot(at, List.of(), List.of(), List.of(), 0, OptionalDouble.empty(), List.of());
    }

    public long activeAlerts() {
        return alerts.stream().filter(Alert::active).count();
    }
}
