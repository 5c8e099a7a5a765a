package fr.novaevo.workstation.obd.discovery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices adapters being plugged in or pulled out by listing the ports periodically, as the connect screen
 * needs. Paused while a scan or a flash owns a port (listing ports can disturb some USB drivers). The
 * executor belongs to the caller; {@link #close()} stops the polling, not the executor.
 */
public final class PortWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortWatcher.class);

    private final SerialPortDiscovery discovery;
    private final Consumer<SerialPortDiscovery.Changes> listener;
    private final AtomicBoolean paused = new AtomicBoolean();
    private List<SerialPortInfo> last;
    private ScheduledFuture<?> task;

    /** Takes the first listing now; {@code listener} hears only the changes after it. */
    public PortWatcher(SerialPortDiscovery discovery, Consumer<SerialPortDiscovery.Changes> listener) {
        this.discovery = discovery;
        this.listener = listener;
        this.last = discovery.list();
    }

    /** The ports of the latest listing. */
    public synchronized List<SerialPortInfo> ports() {
        return last;
    }

    /** Lists the ports every {@code period} on {@code executor} until {@link #close()}. */
    public synchronized void start(ScheduledExecutorService executor, Duration period) {
        if (task != null) {
            throw new IllegalStateException("already started");
        }
        task = executor.scheduleWithFixedDelay(this::pollQuietly, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
    }

    /**
     * Lists the ports now and tells the listener what changed since the last listing; does nothing while
     * paused.
     *
     * @return the changes (empty when paused or when nothing changed)
     */
    public SerialPortDiscovery.Changes pollNow() {
        if (paused.get()) {
            return new SerialPortDiscovery.Changes(List.of(), List.of());
        }
        List<SerialPortInfo> now = discovery.list();
        SerialPortDiscovery.Changes changes;
        synchronized (this) {
            changes = SerialPortDiscovery.diff(last, now);
            last = now;
        }
        if (!changes.isEmpty()) {
            listener.accept(changes);
        }
        return changes;
    }

    private void pollQuietly() {
        try {
            pollNow();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep watching.
            LOG.warn("listing serial ports failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
