package fr.novaevo.workstation.obd.transport;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process link to a {@link SimulatedDevice}. The device runs on its own thread, as a real adapter
 * runs on its own chip, so answers arrive asynchronously and can be late, split or lost like real ones.
 */
public final class SimTransport implements Transport, SimulatedDevice.DeviceOutput {

    private static final Logger LOG = LoggerFactory.getLogger(SimTransport.class);

    private final String name;
    private final SimulatedDevice device;
    private final ExecutorService deviceThread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ByteArrayOutputStream inbound = new ByteArrayOutputStream();
    private volatile boolean open = true;
    private volatile boolean unplugged;

    public SimTransport(String name, SimulatedDevice device) {
        this.name = name;
        this.device = device;
        this.deviceThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sim-device-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(byte[] data) {
        checkUsable();
        byte[] copy = data.clone();
        try {
            deviceThread.execute(() -> {
                try {
                    device.receive(copy, this);
                } catch (RuntimeException e) {
                    LOG.warn("simulated device failed on {} bytes", copy.length, e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ObdException(ObdErrorCode.LINK_LOST, "Simulated link " + name + " is closed", e, name);
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        long remaining = Math.max(0, timeout.toNanos());
        lock.lock();
        try {
            while (inbound.size() == 0) {
                checkUsable();
                if (remaining <= 0) {
                    return 0;
                }
                remaining = arrived.awaitNanos(remaining);
            }
            byte[] all = inbound.toByteArray();
            int n = Math.min(buffer.length, all.length);
            System.arraycopy(all, 0, buffer, 0, n);
            inbound.reset();
            inbound.write(all, n, all.length - n);
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObdException(ObdErrorCode.CANCELLED, "Interrupted while reading " + name, e, name);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void discardInput() {
        lock.lock();
        try {
            inbound.reset();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isOpen() {
        return open && !unplugged;
    }

    @Override
    public void close() {
        open = false;
        deviceThread.shutdownNow();
        try {
            deviceThread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signal();
    }

    // Device side.

    @Override
    public void send(byte[] bytes) {
        if (unplugged || !open) {
            return;
        }
        lock.lock();
        try {
            inbound.write(bytes, 0, bytes.length);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unplug() {
        unplugged = true;
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void checkUsable() {
        if (unplugged) {
            throw new ObdException(ObdErrorCode.LINK_LOST, "Adapter " + name + " was unplugged", name);
        }
        if (!open) {
            throw new ObdException(ObdErrorCode.LINK_LOST, "Link " + name + " is closed", name);
        }
    }
}
