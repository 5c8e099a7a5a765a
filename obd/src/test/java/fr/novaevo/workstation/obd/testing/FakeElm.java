package fr.novaevo.workstation.obd.testing;

import fr.novaevo.workstation.obd.transport.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scripted adapter for driver tests: fixed answers per command line, echo on until ATE0 like a real chip,
 * '?' for anything unknown, and a log of every line received (including empty ones).
 */
public final class FakeElm implements SimulatedDevice {

    private final Map<String, String> answers = new HashMap<>();
    private final List<String> received = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean echo = true;
    private boolean silent;

    public FakeElm answer(String command, String answer) {
        answers.put(command.toUpperCase(Locale.ROOT), answer);
        return this;
    }

    /** A chip from a real clone: v1.5 claimed, v1.3 command set. */
    public static FakeElm clone15() {
        return new FakeElm()
                .answer("ATZ", "\r\rELM327 v1.5")
                .answer("ATI", "ELM327 v1.5")
                .answer("ATE0", "OK").answer("ATL0", "OK").answer("ATS0", "OK").answer("ATH1", "OK")
                .answer("ATAT1", "OK").answer("ATSP0", "OK").answer("ATRV", "12.4V")
                .answer("ATDPN", "A6");
    }

    /** Never answers anything: a device that is not an adapter, or one with a dead chip. */
    public FakeElm silent() {
        silent = true;
        return this;
    }

    public synchronized List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public synchronized void receive(byte[] data, DeviceOutput output) {
        for (byte b : data) {
            if (b == '\r') {
                String cmd = line.toString(StandardCharsets.US_ASCII);
                line.reset();
                received.add(cmd);
                if (silent) {
                    continue;
                }
                String key = cmd.replace(" ", "").toUpperCase(Locale.ROOT);
                String answer = answers.getOrDefault(key, "?");
                StringBuilder out = new StringBuilder();
                if (echo) {
                    out.append(cmd).append('\r');
                }
                if (key.equals("ATE0")) {
                    echo = false;
                }
                out.append(answer).append("\r\r>");
                output.send(out.toString().getBytes(StandardCharsets.US_ASCII));
            } else {
                line.write(b);
            }
        }
    }
}
