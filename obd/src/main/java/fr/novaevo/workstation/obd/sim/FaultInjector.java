package fr.novaevo.workstation.obd.sim;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The failures a real adapter shows, switched on from outside (a test, the demo's "bad adapter" mode) and
 * counted, so that a test knows exactly which requests fail. Thread-safe.
 */
public final class FaultInjector {

    private final AtomicInteger garbage = new AtomicInteger();
    private final AtomicInteger lostPrompts = new AtomicInteger();
    private final AtomicInteger noData = new AtomicInteger();
    private final AtomicBoolean unplugged = new AtomicBoolean();
    private final AtomicBoolean muted = new AtomicBoolean();

    /** The next {@code answers} answers start with a line of garbage bytes (noise on a cheap clone's UART). */
    public FaultInjector garbage(int answers) {
        garbage.addAndGet(answers);
        return this;
    }

    /** The next {@code answers} answers come without their {@code >} prompt. */
    public FaultInjector losePrompt(int answers) {
        lostPrompts.addAndGet(answers);
        return this;
    }

    /** The next {@code requests} vehicle requests answer {@code NO DATA} (a busy or sleeping ECU). */
    public FaultInjector noDataBurst(int requests) {
        noData.addAndGet(requests);
        return this;
    }

    /** The adapter is pulled out: it never answers again and the link fails. */
    public FaultInjector unplug() {
        unplugged.set(true);
        return this;
    }

    /**
     * The adapter goes silent but the link stays up, as a Bluetooth adapter out of range or a serial adapter
     * whose chip hangs: nothing is answered any more, only the host's deadlines notice it.
     */
    public FaultInjector mute() {
        muted.set(true);
        return this;
    }

    public boolean isMuted() {
        return muted.get();
    }

    public boolean isUnplugged() {
        return unplugged.get();
    }

    boolean takeGarbage() {
        return take(garbage);
    }

    boolean takeLostPrompt() {
        return take(lostPrompts);
    }

    boolean takeNoData() {
        return take(noData);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
