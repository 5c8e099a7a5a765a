package fr.novaevo.workstation.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The application's version, written into the jar at build time. */
public final class VersionInfo implements CommandLine.IVersionProvider {

    private static final Properties PROPERTIES = load();

    public static String version() {
        return PROPERTIES.getProperty("version", "dev");
    }

    public static String javafxVersion() {
        return PROPERTIES.getProperty("javafx", "?");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "NovaEvo Workstation " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")",
            "JavaFX " + javafxVersion(),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")};
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/fr/novaevo/workstation/app/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
