package fr.novaevo.workstation.core.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a long operation is, as data the UI binds to a progress bar.
 *
 * @param done    units done so far
 * @param total   units in all, or -1 while unknown (an indeterminate bar)
 * @param step    what is being done now, in the user's words (already a message key or plain text)
 * @param eta     estimated time left, when it can be estimated
 */
public record Progress(long done, long total, String step, Optional<Duration> eta) {

    public static final Progress NOT_STARTED = new Progress(0, -1, "", Optional.empty());

    public Progress {
        step = step == null ? "" : step;
        eta = eta == null ? Optional.empty() : eta;
    }

    public static Progress of(long done, long total, String step) {
        return new Progress(done, total, step, Optional.empty());
    }

    public boolean indeterminate() {
        return total < 0;
    }

    /** 0..1, or -1 while the total is unknown (JavaFX's convention for an indeterminate bar). */
    public double fraction() {
        if (total <= 0) {
            return total == 0 ? 1.0 : -1.0;
        }
        return Math.min(1.0, (double) done / total);
    }
}
