package fr.novaevo.workstation.app.cli.docs;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import fr.novaevo.workstation.app.bootstrap.BatchEta;
import fr.novaevo.workstation.core.jobs.JobContext;

/**
 * A batch's progress on stderr: on a terminal, one line redrawn in place ({@code \r}) at most ten times a
 * second; otherwise (a log, a pipe), a plain line every few seconds. Documents per second and the ETA count
 * only what this run did, so a resumed batch does not look faster than it is.
 */
final class ProgressLine implements JobContext {

    private static final int BAR = 24;
    private static final long TERMINAL_EVERY = Duration.ofMillis(100).toNanos();
    private static final long PLAIN_EVERY = Duration.ofSeconds(5).toNanos();

    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastShown = Long.MIN_VALUE;
    private long doneAtStart = -1;
    private long lastDone;
    private long lastTotal = -1;
    private String lastStep = "";
    private int lastWidth;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(long done, long total, String step) {
        if (doneAtStart < 0) {
            doneAtStart = done;
        }
        lastDone = Math.max(lastDone, done);
        lastTotal = total;
        if (step != null && !step.isEmpty()) {
            lastStep = step;
        }
        long now = System.nanoTime();
        if (lastShown != Long.MIN_VALUE && now - lastShown < (terminal ? TERMINAL_EVERY : PLAIN_EVERY)) {
            return;
        }
        lastShown = now;
        show(render(lastDone, lastTotal, lastStep, eta(now)));
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** The last state, then the cursor on a new line. */
    synchronized void finish() {
        if (lastTotal >= 0) {
            show(render(lastDone, lastTotal, "", Optional.empty()));
        }
        if (terminal) {
            err.println();
        }
        err.flush();
    }

    private void show(String line) {
        if (terminal) {
            String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
            lastWidth = line.length();
            err.print("\r" + padded);
        } else {
            err.println(line);
        }
        err.flush();
    }

    private Optional<Duration> eta(long now) {
        return BatchEta.remaining(now - started, doneAtStart, lastDone, lastTotal);
    }

    /** {@code [##########--------------]  12/50  24%  ETA 0:42  doc-012.pdf} */
    static String render(long done, long total, String step, Optional<Duration> eta) {
        StringBuilder line = new StringBuilder("[");
        int filled = total > 0 ? (int) Math.min(BAR, done * BAR / total) : 0;
        line.append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ");
        line.append(done).append('/').append(total < 0 ? "?" : String.valueOf(total));
        if (total > 0) {
            line.append("  ").append(done * 100 / total).append('%');
        }
        eta.ifPresent(d -> line.append("  ETA ").append(clock(d)));
        if (step != null && !step.isEmpty()) {
            line.append("  ").append(step.length() > 40 ? "…" + step.substring(step.length() - 39) : step);
        }
        return line.toString();
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
