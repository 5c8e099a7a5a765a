package fr.novaevo.workstation.obd.transport;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.util.Locale;

/**
 * Where an adapter is: a serial device ({@code /dev/ttyUSB0}, {@code COM3}, a pty), a Wi-Fi adapter
 * ({@code tcp:HOST:PORT}) or the built-in virtual vehicle ({@code sim}).
 */
public sealed interface PortName {

    /** The address most Wi-Fi ELM327 adapters answer on. */
    String DEFAULT_WIFI_HOST = "192.168.0.10";
    int DEFAULT_WIFI_PORT = 35000;

    /** The name as a user writes it; {@code parse(text()).equals(this)}. */
    String text();

    record Serial(String device) implements PortName {
        @Override
        public String text() {
            return device;
        }
    }

    record Tcp(String host, int port) implements PortName {
        @Override
        public String text() {
            return host.contains(":") ? "tcp:[" + host + "]:" + port : "tcp:" + host + ":" + port;
        }
    }

    record Sim(String scenario) implements PortName {
        @Override
        public String text() {
            return scenario.isEmpty() ? "sim" : "sim:" + scenario;
        }
    }

    /**
     * Parses a port name. {@code tcp:HOST} alone and {@code tcp:} alone take the default Wi-Fi address parts;
     * {@code sim} may carry a scenario name ({@code sim:misfire}). IPv6 hosts are bracketed.
     */
    static PortName parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw bad(raw, "empty port name");
        }
        String text = raw.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("sim")) {
            return new Sim("");
        }
        if (lower.startsWith("sim:")) {
            String scenario = text.substring(4);
            if (!scenario.matches("[A-Za-z0-9_-]*")) {
                throw bad(raw, "a scenario name is letters, digits, '-' and '_'");
            }
            return new Sim(scenario);
        }
        if (lower.startsWith("tcp:")) {
            return parseTcp(raw, text.substring(4));
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw bad(raw, "control characters in a device name");
        }
        if (lower.matches("com\\d{1,3}") || text.startsWith("/") || text.startsWith("\\\\.\\")
                || lower.matches("tty[a-z0-9._-]+") || lower.matches("cu\\.[a-z0-9._-]+")) {
            return new Serial(text);
        }
        throw bad(raw, "expected a device path such as /dev/ttyUSB0 or COM3, tcp:HOST:PORT or sim");
    }

    private static PortName parseTcp(String raw, String rest) {
        String host;
        String portText;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw bad(raw, "unclosed '[' in an IPv6 address");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw bad(raw, "expected ':' after the IPv6 address");
            }
            portText = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = rest.lastIndexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            portText = colon < 0 ? "" : rest.substring(colon + 1);
            if (host.contains(":")) {
                throw bad(raw, "write an IPv6 address in brackets: tcp:[::1]:35000");
            }
        }
        if (host.isEmpty()) {
            host = DEFAULT_WIFI_HOST;
        }
        if (!host.matches("[A-Za-z0-9._:%-]+")) {
            throw bad(raw, "invalid host name");
        }
        int port = DEFAULT_WIFI_PORT;
        if (!portText.isEmpty()) {
            if (!portText.matches("\\d{1,5}")) {
                throw bad(raw, "the port is a number");
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw bad(raw, "the port is between 1 and 65535");
            }
        }
        return new Tcp(host, port);
    }

    private static ObdException bad(String raw, String why) {
        return new ObdException(ObdErrorCode.BAD_PORT_NAME, "Invalid port name '" + raw + "': " + why, String.valueOf(raw));
    }
}
