package fr.novaevo.workstation.obd.elm;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;

/** The adapter answered, and the answer is an error or cannot be understood. Keeps the raw answer for the log. */
public final class AdapterResponseException extends ObdException {

    private final String command;
    private final String rawResponse;

    public AdapterResponseException(ObdErrorCode reason, String command, String rawResponse, String message) {
        super(reason, message + " (command " + command + ", answer " + printable(rawResponse) + ")", command);
        this.command = command;
        this.rawResponse = rawResponse;
    }

    public String command() {
        return command;
    }

    public String rawResponse() {
        return rawResponse;
    }

    /** Control characters made visible and the length bounded, so that a log line stays one readable line. */
    static String printable(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && sb.length() < 200; i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\x%02X", (int) c & 0xFF));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.length() >= 200 ? sb + "..." : sb.toString();
    }
}
