package fr.novaevo.workstation.obd.transport;

import com.fazecast.jSerialComm.SerialPort;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A serial port through jSerialComm: USB bridges, Bluetooth serial ports, ptys. 8N1, no flow control. */
public final class SerialTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(SerialTransport.class);
    private static final int WRITE_TIMEOUT_MS = 2000;

    private final String name;
    private final SerialPort port;
    private int currentReadTimeoutMs = -1;

    private SerialTransport(String name, SerialPort port) {
        this.name = name;
        this.port = port;
    }

    /** Opens the device at {@code baud}, or throws {@code OBD-PORT-UNAVAILABLE}. */
    public static SerialTransport open(String device, int baud) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device);
        } catch (RuntimeException e) {
            throw new ObdException(ObdErrorCode.PORT_UNAVAILABLE, "Serial port " + device + " does not exist", e,
                    device);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new ObdException(ObdErrorCode.PORT_UNAVAILABLE,
                    "Cannot open serial port " + device + " (error " + port.getLastErrorCode() + ")", device);
        }
        LOG.debug("opened serial port {} at {} baud", device, baud);
        return new SerialTransport(device, port);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(byte[] data) {
        int written = 0;
        while (written < data.length) {
            int n = port.writeBytes(data, data.length - written, written);
            if (n <= 0) {
                throw new ObdException(ObdErrorCode.LINK_LOST,
                        "Write to " + name + " failed (error " + port.getLastErrorCode() + ")", name);
            }
            written += n;
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        // jSerialComm reads "semi-blocking" with 0 meaning "forever": never pass 0.
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (ms != currentReadTimeoutMs) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    ms, WRITE_TIMEOUT_MS);
            currentReadTimeoutMs = ms;
        }
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0 || !port.isOpen()) {
            throw new ObdException(ObdErrorCode.LINK_LOST,
                    "Read from " + name + " failed (error " + port.getLastErrorCode() + ")", name);
        }
        return n;
    }

    @Override
    public void discardInput() {
        port.flushIOBuffers();
        byte[] scratch = new byte[256];
        int available = port.bytesAvailable();
        while (available > 0) {
            int n = port.readBytes(scratch, Math.min(scratch.length, available));
            if (n <= 0) {
                break;
            }
            available = port.bytesAvailable();
        }
    }

    @Override
    public void setBaudRate(int baud) {
        if (!port.setBaudRate(baud)) {
            throw new ObdException(ObdErrorCode.LINK_LOST, "Cannot set " + name + " to " + baud + " baud", name);
        }
    }

    public int baudRate() {
        return port.getBaudRate();
    }

    @Override
    public boolean isOpen() {
        return port.isOpen();
    }

    @Override
    public void close() {
        if (port.isOpen()) {
            port.closePort();
            LOG.debug("closed serial port {}", name);
        }
    }
}
