package fr.novaevo.workstation.app.ui.vehicle;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the user chose on the connection screen, kept across the views' rebuilds and first taken from the
 * adapter defaults of the settings (no port set: the demo vehicle).
 */
final class ConnectChoice {

    enum Kind { DEMO, SERIAL, WIFI }

    static final String DEFAULT_WIFI = "tcp:192.168.0.10:35000";

    final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.DEMO);
    final StringProperty scenario = new SimpleStringProperty("demo");
    final StringProperty serialPath = new SimpleStringProperty("");
    final StringProperty address = new SimpleStringProperty(DEFAULT_WIFI);
    /** "auto" or a number of bauds. */
    final StringProperty baud = new SimpleStringProperty("auto");

    static ConnectChoice fromSettings(String port, String baud) {
        ConnectChoice c = new ConnectChoice();
        String p = port == null ? "" : port.strip();
        if (p.isEmpty() || p.equalsIgnoreCase("sim")) {
            c.kind.set(Kind.DEMO);
        } else if (p.toLowerCase(java.util.Locale.ROOT).startsWith("sim:")) {
            c.kind.set(Kind.DEMO);
            c.scenario.set(p.substring(4).toLowerCase(java.util.Locale.ROOT));
        } else if (p.toLowerCase(java.util.Locale.ROOT).startsWith("tcp:")) {
            c.kind.set(Kind.WIFI);
            c.address.set(p);
        } else {
            c.kind.set(Kind.SERIAL);
            c.serialPath.set(p);
        }
        c.baud.set(baud == null || baud.isBlank() ? "auto" : baud.strip());
        return c;
    }

    /** The port name to connect to, or empty when the choice is incomplete. */
    java.util.Optional<String> port() {
        return switch (kind.get()) {
            case DEMO -> java.util.Optional.of("demo".equals(scenario.get()) ? "sim" : "sim:" + scenario.get());
            case SERIAL -> java.util.Optional.ofNullable(serialPath.get()).filter(s -> !s.isBlank());
            case WIFI -> java.util.Optional.ofNullable(address.get()).map(String::strip)
                    .filter(a -> a.matches("(?i)tcp:[^:\\s]+:\\d{1,5}"));
        };
    }

    int baudRate() {
        try {
            return "auto".equals(baud.get()) ? 0 : Integer.parseInt(baud.get());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
