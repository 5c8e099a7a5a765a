package fr.novaevo.workstation.app.bootstrap;

import java.time.Duration;
import java.util.Optional;

/**
 * The time a batch still needs, at the pace of this run only: documents finished before a resume do not count,
 * so a resumed batch does not look faster than it is.
 */
public final class BatchEta {

    private BatchEta() {
    }

    /**
     * @param elapsedNanos time since this run started
     * @param doneAtStart  documents already finished when it started
     * @return empty until this run has finished a document, and once every document is finished
     */
    public static Optional<Duration> remaining(long elapsedNanos, long doneAtStart, long done, long total) {
        long doneHere = done - Math.max(0, doneAtStart);
        if (doneHere <= 0 || total <= 0 || done >= total) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(elapsedNanos / doneHere * (total - done)));
    }
}
