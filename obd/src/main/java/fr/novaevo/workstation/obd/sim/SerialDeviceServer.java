package fr.novaevo.workstation.obd.sim;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.transport.SimulatedDevice;
import fr.novaevo.workstation.obd.transport.Transport;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link SimulatedDevice} behind a real serial port, such as one end of a pseudo-terminal pair, so
 * that the workstation reaches the virtual vehicle through the operating system's serial path exactly as it
 * reaches a USB adapter. One thread owns the port; "unplugging" closes it.
 */
public final class SerialDeviceServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDeviceServer.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(2);

    private final Transport port;
    private final SimulatedDevice device;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    private SerialDeviceServer(Transport port, SimulatedDevice device) {
        this.port = port;
        this.device = device;
        this.thread = new Thread(this::serve, "sim-serial-" + port.name());
        this.thread.setDaemon(true);
    }

    /** Starts serving {@code device} on the already open {@code port}; the server owns the port from now on. */
    public static SerialDeviceServer start(Transport port, SimulatedDevice device) {
        SerialDeviceServer server = new SerialDeviceServer(port, device);
        server.thread.start();
        return server;
    }

    public boolean isRunning() {
        return running && port.isOpen();
    }

    private void serve() {
        SimulatedDevice.DeviceOutput output = new SimulatedDevice.DeviceOutput() {
            @Override
            public void send(byte[] bytes) {
                if (running) {
                    port.write(bytes);
                }
            }

            @Override
            public void unplug() {
                running = false;
            }
        };
        byte[] buffer = new byte[256];
        try {
            while (running) {
                int n = port.read(buffer, POLL);
                if (n > 0) {
                    device.receive(Arrays.copyOf(buffer, n), output);
                }
            }
        } catch (ObdException e) {
            if (running && e.reason() != ObdErrorCode.CANCELLED) {
                LOG.debug("simulated adapter on {} stops: {}", port.name(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("simulated adapter on {} failed", port.name(), e);
        } finally {
            running = false;
            port.close();
            stopped.countDown();
        }
    }

    /** Stops serving and closes the port, within a bounded wait. */
    @Override
    public void close() {
        running = false;
        try {
            if (!stopped.await(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("simulated adapter on {} did not stop within {}", port.name(), STOP_DEADLINE);
                port.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            port.close();
        }
    }
}
