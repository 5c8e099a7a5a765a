package fr.novaevo.workstation.obd.elm;

import fr.novaevo.workstation.obd.ObdErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what an ELM327 (or one of its many clones) sent before its {@code >} prompt into clean lines, or into
 * a typed {@link AdapterResponseException}. Pure: no I/O, no state, so it is tested on recorded answers.
 *
 * <p>Accepts {@code \r}, {@code \n} and {@code \r\n} line ends, the echo of the command (ATE1, or a clone that
 * ignores ATE0), NUL bytes some clones send after a reset, and the informational lines of the datasheet.
 */
public final class ElmResponseParser {

    private static final Pattern ERR_XX = Pattern.compile("ERR\\d{2}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public ElmResponse parse(String command, String raw) {
        List<String> lines = new ArrayList<>();
        boolean first = true;
        for (String piece : raw.split("[\r\n]")) {
            String line = stripControls(piece).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (first && isEcho(command, line)) {
                first = false;
                continue;
            }
            first = false;
            if (isInformational(line)) {
                continue;
            }
            checkError(command, raw, line);
            lines.add(line);
        }
        return new ElmResponse(command, raw, lines);
    }

    private static String stripControls(String piece) {
        StringBuilder sb = new StringBuilder(piece.length());
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                sb.append(c);
            } else if (c == '\t') {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static boolean isEcho(String command, String line) {
        return compact(line).equals(compact(command));
    }

    private static String compact(String s) {
        return SPACES.matcher(s).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static boolean isInformational(String line) {
        String c = compact(line);
        return c.equals("SEARCHING...") || c.equals("SEARCHING")
                || (c.startsWith("BUSINIT") && !c.contains("ERROR"));
    }

    private static void checkError(String command, String raw, String line) {
        String c = compact(line);
        ObdErrorCode reason = null;
        String what = null;
        if (c.equals("?")) {
            reason = ObdErrorCode.UNKNOWN_COMMAND;
            what = "The adapter does not know this command";
        } else if (c.equals("NODATA")) {
            reason = ObdErrorCode.NO_DATA;
            what = "The vehicle did not answer";
        } else if (c.startsWith("UNABLETOCONNECT") || (c.startsWith("BUSINIT") && c.contains("ERROR"))) {
            reason = ObdErrorCode.UNABLE_TO_CONNECT;
            what = "The adapter cannot talk to the vehicle (ignition off?)";
        } else if (c.equals("CANERROR") || c.equals("BUSERROR") || c.equals("BUSBUSY") || c.equals("FBERROR")) {
            reason = ObdErrorCode.BUS_ERROR;
            what = "Bus error: " + line;
        } else if (c.equals("BUFFERFULL")) {
            reason = ObdErrorCode.BUFFER_FULL;
            what = "The adapter's buffer overflowed";
        } else if (c.equals("STOPPED")) {
            reason = ObdErrorCode.STOPPED;
            what = "The adapter stopped the request";
        } else if (c.contains("DATAERROR") || c.contains("RXERROR")) {
            reason = ObdErrorCode.DATA_ERROR;
            what = "Corrupted data from the vehicle";
        } else if (c.equals("LVRESET") || c.equals("LPALERT")) {
            reason = ObdErrorCode.LOW_VOLTAGE;
            what = "The adapter reports low voltage";
        } else if (c.equals("ACTALERT")) {
            reason = ObdErrorCode.ADAPTER_ERROR;
            what = "The adapter is going to sleep (no activity)";
        } else if (ERR_XX.matcher(c).matches()) {
            reason = ObdErrorCode.ADAPTER_ERROR;
            what = "Adapter internal error " + c;
        }
        if (reason != null) {
            throw new AdapterResponseException(reason, command, raw, what);
        }
    }
}
