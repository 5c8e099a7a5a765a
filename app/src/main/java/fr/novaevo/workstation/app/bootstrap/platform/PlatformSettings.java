package fr.novaevo.workstation.app.bootstrap.platform;

import java.util.Optional;
import java.util.UUID;
import fr.novaevo.workstation.core.settings.SettingsStore;

/** Where the platform's address, garage and client id are kept; the window and the command line share them. */
public final class PlatformSettings {

    public static final String URL = "platform.url";
    public static final String GARAGE = "platform.garageId";
    /** {@code X-Client-Id}: a UUID fixed per installation, created on first use. */
    public static final String CLIENT_ID = "platform.clientId";
    /** The API key typed in the settings: a secret, never a setting. */
    public static final String API_KEY_SECRET = "platform.apiKey";

    private PlatformSettings() {
    }

    /** This installation's client id, created and saved the first time. */
    public static UUID clientId(SettingsStore settings) {
        Optional<UUID> saved = settings.get(CLIENT_ID).flatMap(PlatformSettings::parseUuid);
        if (saved.isPresent()) {
            return saved.get();
        }
        UUID created = UUID.randomUUID();
        settings.put(CLIENT_ID, created.toString());
        return created;
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
