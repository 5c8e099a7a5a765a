package fr.novaevo.workstation.app.cli.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import fr.novaevo.workstation.core.secrets.SecretStore;
import fr.novaevo.workstation.sync.client.CredentialStore;

/**
 * The sync client's credentials for the command line: the API key given for this run (read from
 * {@code --api-key-file}, or the key typed in the settings), and the refresh token kept in the encrypted
 * {@link SecretStore}, never in clear on disk.
 *
 * <p>A refresh token belongs to the platform, garage and API key that obtained it: it is stored with a
 * fingerprint of those three (itself a secret) and only offered back for the same three. Otherwise a
 * refresh token left by an earlier run would let a wrong API key sync, and one garage's token would be
 * sent to another platform.
 */
final class SecretCredentialStore implements CredentialStore {

    static final String REFRESH_TOKEN = "platform.refreshToken";
    static final String REFRESH_TOKEN_OWNER = "platform.refreshToken.owner";

    private final SecretStore secrets;
    private final String apiKey;
    private final String owner;

    SecretCredentialStore(SecretStore secrets, String platformUrl, String garageId, String apiKey) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.owner = fingerprint(platformUrl, garageId, apiKey);
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.of(apiKey);
    }

    @Override
    public synchronized Optional<String> refreshToken() {
        Optional<String> storedOwner = read(REFRESH_TOKEN_OWNER);
        if (storedOwner.isEmpty() || !MessageDigest.isEqual(storedOwner.get().getBytes(StandardCharsets.UTF_8),
                owner.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return read(REFRESH_TOKEN);
    }

    @Override
    public synchronized void saveRefreshToken(String refreshToken) {
        secrets.put(REFRESH_TOKEN, refreshToken.toCharArray());
        secrets.put(REFRESH_TOKEN_OWNER, owner.toCharArray());
    }

    @Override
    public synchronized void clearRefreshToken() {
        secrets.remove(REFRESH_TOKEN);
        secrets.remove(REFRESH_TOKEN_OWNER);
    }

    private Optional<String> read(String name) {
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
