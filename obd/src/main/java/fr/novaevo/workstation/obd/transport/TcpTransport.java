package fr.novaevo.workstation.obd.transport;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Wi-Fi ELM327: a plain TCP socket, Nagle off because every request is a few bytes. */
public final class TcpTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);

    private final String name;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpTransport(String name, Socket socket) throws IOException {
        this.name = name;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects within {@code connectTimeout}, or throws {@code OBD-PORT-UNAVAILABLE}. */
    public static TcpTransport connect(String host, int port, Duration connectTimeout) {
        String name = "tcp:" + host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            LOG.debug("connected to {}", name);
            return new TcpTransport(name, socket);
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(socket);
            throw new ObdException(ObdErrorCode.PORT_UNAVAILABLE, "Cannot connect to " + name + ": " + e.getMessage(),
                    e, name);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(byte[] data) {
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            throw new ObdException(ObdErrorCode.LINK_LOST, "Connection to " + name + " lost", e, name);
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            int n = in.read(buffer);
            if (n < 0) {
                throw new ObdException(ObdErrorCode.LINK_LOST, "The adapter at " + name + " closed the connection",
                        name);
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            throw new ObdException(ObdErrorCode.LINK_LOST, "Connection to " + name + " lost", e, name);
        }
    }

    @Override
    public void discardInput() {
        try {
            int available = in.available();
            while (available > 0) {
                long skipped = in.skip(available);
                if (skipped <= 0) {
                    break;
                }
                available = in.available();
            }
        } catch (IOException e) {
            throw new ObdException(ObdErrorCode.LINK_LOST, "Connection to " + name + " lost", e, name);
        }
    }

    @Override
    public boolean isOpen() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing socket", e);
        }
    }
}
