package fr.novaevo.workstation.app.ui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import fr.novaevo.workstation.core.settings.GarageIdentity;

/** What the settings accept. Empty is always accepted: it means "not configured". */
public final class SettingsValidation {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private SettingsValidation() {
    }

    public static boolean siret(String value) {
        return blank(value) || GarageIdentity.isValidSiret(value);
    }

    /** French numbers (01 23 45 67 89, +33 1 23 45 67 89) or any international +number. */
    public static boolean phone(String value) {
        if (blank(value)) {
            return true;
        }
        String digits = value.replaceAll("[\\s.\\-()]", "");
        return digits.matches("0[1-9]\\d{8}") || digits.matches("\\+33[1-9]\\d{8}")
                || digits.matches("\\+(?!33)\\d{6,15}");
    }

    /** sim, tcp:HOST:PORT, COMn, or an absolute device path (/dev/ttyUSB0, /dev/pts/3, /dev/cu.usbserial...). */
    public static boolean adapterPort(String value) {
        if (blank(value)) {
            return true;
        }
        String port = value.strip();
        if (port.equalsIgnoreCase("sim") || port.toUpperCase(Locale.ROOT).matches("COM[1-9]\\d{0,2}")
                || port.matches("/dev/[\\w./-]+")) {
            return true;
        }
        if (port.startsWith("tcp:")) {
            int colon = port.lastIndexOf(':');
            String host = port.substring(4, colon > 3 ? colon : port.length());
            String number = colon > 3 ? port.substring(colon + 1) : "";
            return !host.isBlank() && number.matches("\\d{1,5}") && Integer.parseInt(number) > 0
                    && Integer.parseInt(number) < 65_536;
        }
        return false;
    }

    /** The platform contract: https, or plain http only for this computer (development and tests). */
    public static boolean platformUrl(String value) {
        if (blank(value)) {
            return true;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (host == null || host.isBlank()) {
                return false;
            }
            return scheme.equals("https") || (scheme.equals("http") && LOOPBACK.contains(host.toLowerCase(Locale.ROOT)));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
