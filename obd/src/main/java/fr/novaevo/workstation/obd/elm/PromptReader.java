package fr.novaevo.workstation.obd.elm;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads from a transport up to the {@code >} prompt, however the bytes are split across reads, within one
 * deadline for the whole answer. Bytes after the prompt (there should be none) are kept for the next answer.
 */
public final class PromptReader {

    /** A runaway adapter streaming garbage must not fill the memory: no real answer is this long. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final Transport transport;
    private final byte[] buffer = new byte[1024];
    private final StringBuilder pending = new StringBuilder();

    public PromptReader(Transport transport) {
        this.transport = transport;
    }

    /**
     * @return everything before the prompt, the prompt removed
     * @throws ObdException {@code OBD-TIMEOUT} when no prompt came before the deadline
     */
    public String readUntilPrompt(String command, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder text = new StringBuilder(pending);
        pending.setLength(0);
        while (true) {
            int prompt = text.indexOf(">");
            if (prompt >= 0) {
                pending.append(text, prompt + 1, text.length());
                return text.substring(0, prompt);
            }
            if (text.length() > MAX_RESPONSE_BYTES) {
                throw new AdapterResponseException(ObdErrorCode.MALFORMED_RESPONSE, command,
                        text.substring(0, 200), "The adapter sent more than " + MAX_RESPONSE_BYTES + " bytes");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ObdException(ObdErrorCode.TIMEOUT, "No prompt from the adapter within "
                        + timeout.toMillis() + " ms after " + command + " (received "
                        + AdapterResponseException.printable(text.toString()) + ")", command);
            }
            int n = transport.read(buffer, Duration.ofNanos(left));
            // ISO-8859-1 maps every byte to one char: garbage stays visible and never fails decoding.
            text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    /** Forgets buffered bytes and whatever the adapter sent meanwhile. */
    public void discard() {
        pending.setLength(0);
        transport.discardInput();
    }
}
