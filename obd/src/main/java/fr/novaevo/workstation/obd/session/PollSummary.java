package fr.novaevo.workstation.obd.session;

import java.util.Locale;

/**
 * How a polling run went.
 *
 * @param samples complete passes delivered
 * @param errors  passes lost to a failed request (garbage, no data, timeout) and skipped
 * @param seconds wall time of the run
 * @param stoppedEarly whether the run was stopped before its limit
 */
public record PollSummary(long samples, long errors, double seconds, boolean stoppedEarly) {

    /** Samples per second, 0 for an empty run. */
    public double rate() {
        return seconds > 0 ? samples / seconds : 0;
    }

    /** The line {@code workstation obd watch} prints at the end: {@code samples=<n> seconds=<s> rate=<r>/s}. */
    public String line() {
        return String.format(Locale.ROOT, "samples=%d seconds=%.2f rate=%.1f/s", samples, seconds, rate());
    }
}
