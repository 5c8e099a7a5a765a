package fr.novaevo.workstation.app.bootstrap.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import fr.novaevo.workstation.core.secrets.SecretStore;
import fr.novaevo.workstation.sync.client.CredentialStore;

/**
 * The sync client's credentials: the API key (given for a command-line run, or the one typed in the settings,
 * read again at each sign-in) and the refresh token, kept in the encrypted {@link SecretStore}, never in clear.
 *
 * <p>A refresh token belongs to the platform, garage and API key that obtained it: it is stored with a
 * fingerprint of those three (itself a secret) and only offered back for the same three. Otherwise a refresh
 * token left by an earlier run would let a wrong API key sync, and one garage's token would be sent to another
 * platform. The window and the command line use this one class, so they share the same token.
 */
public final class PlatformCredentials implements CredentialStore {

    static final String REFRESH_TOKEN = "platform.refreshToken";
    static final String REFRESH_TOKEN_OWNER = "platform.refreshToken.owner";

    private final SecretStore secrets;
    private final String platformUrl;
    private final String garageId;
    private final Supplier<Optional<String>> apiKey;

    private PlatformCredentials(SecretStore secrets, String platformUrl, String garageId,
                                Supplier<Optional<String>> apiKey) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.platformUrl = Objects.requireNonNull(platformUrl, "platformUrl");
        this.garageId = Objects.requireNonNull(garageId, "garageId");
        this.apiKey = apiKey;
    }

    /** A command-line run with a key of its own ({@code --api-key-file}, or the settings' key read once). */
    public static PlatformCredentials withKey(SecretStore secrets, String platformUrl, String garageId, String apiKey) {
        Optional<String> key = Optional.of(Objects.requireNonNull(apiKey, "apiKey"));
        return new PlatformCredentials(secrets, platformUrl, garageId, () -> key);
    }

    /** The window: the key typed in the settings, read at each sign-in so a new key is used by the next cycle. */
    public static PlatformCredentials fromSettings(SecretStore secrets, String platformUrl, String garageId) {
        return new PlatformCredentials(secrets, platformUrl, garageId, () -> garageId.isBlank()
                ? Optional.empty() // no garage: nothing to sign in to ("Connexion requise")
                : read(secrets, PlatformSettings.API_KEY_SECRET).filter(k -> !k.isBlank()));
    }

    @Override
    public Optional<String> apiKey() {
        return apiKey.get();
    }

    @Override
    public synchronized Optional<String> refreshToken() {
        Optional<String> key = apiKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String owner = fingerprint(platformUrl, garageId, key.get());
        Optional<String> storedOwner = read(secrets, REFRESH_TOKEN_OWNER);
        if (storedOwner.isEmpty() || !MessageDigest.isEqual(storedOwner.get().getBytes(StandardCharsets.UTF_8),
                owner.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return read(secrets, REFRESH_TOKEN);
    }

    @Override
    public synchronized void saveRefreshToken(String refreshToken) {
        Optional<String> key = apiKey();
        if (key.isEmpty()) {
            return; // the key was removed meanwhile: keep nothing that would outlive it
        }
        secrets.put(REFRESH_TOKEN, refreshToken.toCharArray());
        secrets.put(REFRESH_TOKEN_OWNER, fingerprint(platformUrl, garageId, key.get()).toCharArray());
    }

    @Override
    public synchronized void clearRefreshToken() {
        secrets.remove(REFRESH_TOKEN);
        secrets.remove(REFRESH_TOKEN_OWNER);
    }

    private static Optional<String> read(SecretStore secrets, String name) {
        return secrets.get(name).map(chars -> {
            String value = new String(chars);
            Arrays.fill(chars, '\0');
            return value;
        });
    }

    /** SHA-256 of the platform URL, the garage and the API key: tells whose refresh token is stored. */
    static String fingerprint(String platformUrl, String garageId, String apiKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {platformUrl, garageId, apiKey}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
