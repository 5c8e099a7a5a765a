package fr.novaevo.workstation.app.bootstrap.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;

/**
 * A workstation configured for a platform (the emulator on loopback, its garage and API key in the settings
 * and the secret store), with the window's {@link PlatformConnection}, as the tests of the platform session
 * need it. Only the tests' own requests sync: the schedule's interval is raised while it is open.
 */
public final class ConfiguredPlatform implements AutoCloseable {

    public final PlatformEmulator emulator;
    public final Workstation workstation;
    public final PlatformConnection platform;

    public ConfiguredPlatform(Path dir) {
        System.setProperty(PlatformConnection.INTERVAL_PROPERTY, "3600");
        emulator = PlatformEmulator.start(EmulatorConfig.defaults());
        workstation = Workstation.open(LaunchOptions.inside(dir), Clock.systemDefaultZone());
        workstation.settings().putAll(Map.of(PlatformSettings.URL, emulator.baseUri().toString(),
                PlatformSettings.GARAGE, emulator.config().garageId()));
        workstation.secrets().put(PlatformSettings.API_KEY_SECRET, emulator.config().apiKey().toCharArray());
        platform = new PlatformConnection(workstation);
    }

    /** The files of a base64 ZIP (a problem report's attachment), by name. */
    public static Map<String, String> unzip(String base64) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Override
    public void close() {
        try {
            platform.close();
            workstation.close();
            emulator.close();
        } finally {
            System.clearProperty(PlatformConnection.INTERVAL_PROPERTY);
        }
    }
}
