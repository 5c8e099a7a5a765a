package fr.novaevo.workstation.obd.transport;

import fr.novaevo.workstation.obd.ObdException;
import java.time.Duration;

/**
 * Bytes in, bytes out, to one adapter. One thread owns a transport at a time.
 *
 * <p>Every read has a deadline: {@link #read} returns 0 when nothing arrived in time and never blocks longer
 * than the duration it was given (plus the operating system's scheduling slack).
 */
public interface Transport extends AutoCloseable {

    /** The port name it was opened with, as the user wrote it. */
    String name();

    /** Sends all the bytes, or throws {@code OBD-LINK-LOST}. */
    void write(byte[] data) throws ObdException;

    /**
     * Reads what is available, waiting at most {@code timeout} for the first byte.
     *
     * @return the number of bytes put into {@code buffer} (at least 1), or 0 if nothing came in time
     * @throws ObdException {@code OBD-LINK-LOST} when the port or socket is gone
     */
    int read(byte[] buffer, Duration timeout) throws ObdException;

    /** Throws away whatever the adapter sent and nobody read yet (a late answer to a timed-out request). */
    void discardInput() throws ObdException;

    /** Changes the line speed where it means something (serial); a no-op on sockets and the simulator. */
    default void setBaudRate(int baud) throws ObdException {
    }

    boolean isOpen();

    @Override
    void close();
}
