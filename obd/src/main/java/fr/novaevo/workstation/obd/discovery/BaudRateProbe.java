package fr.novaevo.workstation.obd.discovery;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the line speed of an adapter on a serial port: at each candidate speed it asks {@code ATI} and waits
 * for an answer that names an ELM327 or STN chip. It never sends a bare carriage return (that would repeat the
 * adapter's last command, perhaps a clear-codes from an earlier session); after a speed change the adapter may
 * answer {@code ?} to the noise it received, so each speed gets a second {@code ATI}.
 */
public final class BaudRateProbe {

    /** The speeds adapters ship with, most common first. */
    public static final List<Integer> CANDIDATES = List.of(38400, 115200, 9600, 230400, 500000, 57600, 19200);

    private static final Logger LOG = LoggerFactory.getLogger(BaudRateProbe.class);

    private final Duration answerDeadline;

    /** @param answerDeadline how long to wait for each {@code ATI} answer */
    public BaudRateProbe(Duration answerDeadline) {
        this.answerDeadline = answerDeadline;
    }

    /**
     * Tries the candidates in order on {@code port} and leaves it at the speed that answered.
     *
     * @return the speed, or empty when no candidate gives an ELM-like answer
     * @throws ObdException {@code OBD-LINK-LOST} when the port fails
     */
    public OptionalInt find(Transport port, List<Integer> candidates) {
        for (int baud : candidates) {
            port.setBaudRate(baud);
            for (int attempt = 0; attempt < 2; attempt++) {
                port.discardInput();
                port.write("ATI\r".getBytes(StandardCharsets.US_ASCII));
                String answer = readUntilPrompt(port);
                String upper = answer.toUpperCase(Locale.ROOT);
                if (upper.contains("ELM") || upper.contains("STN")) {
                    LOG.debug("adapter on {} answers at {} baud", port.name(), baud);
                    return OptionalInt.of(baud);
                }
                if (answer.isEmpty()) {
                    break;
                }
            }
        }
        return OptionalInt.empty();
    }

    private String readUntilPrompt(Transport port) {
        long deadline = System.nanoTime() + answerDeadline.toNanos();
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[128];
        while (text.indexOf(">") < 0 && text.length() < 1024) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int n = port.read(buffer, Duration.ofNanos(left));
            text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    /** The speed, or {@code OBD-NO-ADAPTER} naming the speeds tried. */
    public int require(Transport port, List<Integer> candidates) {
        return find(port, candidates).orElseThrow(() -> new ObdException(ObdErrorCode.NO_ADAPTER,
                "No adapter answers on " + port.name() + " at " + candidates + " baud", port.name()));
    }
}
