package fr.novaevo.workstation.obd.testing;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A transport that hands out pre-recorded chunks, one per read (as a serial port splits an answer), and
 * records what was written. An exhausted script reads as silence (0 bytes), like an adapter that stopped.
 */
public final class ScriptedTransport implements Transport {

    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private boolean open = true;
    private boolean unpluggedAtEnd;

    public ScriptedTransport chunk(String text) {
        chunks.add(text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** After the last chunk the adapter is unplugged ({@code OBD-LINK-LOST}) instead of silent until a deadline. */
    public ScriptedTransport unpluggedAtEnd() {
        unpluggedAtEnd = true;
        return this;
    }

    public String written() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void write(byte[] data) {
        if (!open) {
            throw new ObdException(ObdErrorCode.LINK_LOST, "closed");
        }
        written.writeBytes(data);
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        byte[] next = chunks.poll();
        if (next == null) {
            if (unpluggedAtEnd) {
                throw new ObdException(ObdErrorCode.LINK_LOST, "unplugged after the scripted answer");
            }
            return 0;
        }
        int n = Math.min(buffer.length, next.length);
        System.arraycopy(next, 0, buffer, 0, n);
        if (n < next.length) {
            byte[] rest = new byte[next.length - n];
            System.arraycopy(next, n, rest, 0, rest.length);
            chunks.push(rest);
        }
        return n;
    }

    @Override
    public void discardInput() {
        chunks.clear();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
