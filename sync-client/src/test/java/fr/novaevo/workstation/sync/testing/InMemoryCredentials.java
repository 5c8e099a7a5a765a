package fr.novaevo.workstation.sync.testing;

import fr.novaevo.workstation.sync.client.CredentialStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Credentials held in memory, counting refresh-token writes. */
public final class InMemoryCredentials implements CredentialStore {

    private volatile String apiKey;
    private volatile String refreshToken;
    private final AtomicInteger saves = new AtomicInteger();

    public InMemoryCredentials(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    public void setApiKey(String value) {
        apiKey = value;
    }

    @Override
    public Optional<String> refreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    @Override
    public void saveRefreshToken(String value) {
        refreshToken = value;
        saves.incrementAndGet();
    }

    @Override
    public void clearRefreshToken() {
        refreshToken = null;
    }

    public int refreshTokenSaves() {
        return saves.get();
    }
}
