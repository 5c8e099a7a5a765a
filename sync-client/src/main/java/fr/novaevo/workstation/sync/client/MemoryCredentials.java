package fr.novaevo.workstation.sync.client;

import java.util.Optional;

/**
 * Credentials that are not secrets: a published API key (the emulator's, for the demo and the benchmarks) and
 * a refresh token kept in memory only, gone with the process.
 */
public final class MemoryCredentials implements CredentialStore {

    private final String apiKey;
    private volatile String refreshToken;

    public MemoryCredentials(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.of(apiKey);
    }

    @Override
    public Optional<String> refreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    @Override
    public void saveRefreshToken(String value) {
        refreshToken = value;
    }

    @Override
    public void clearRefreshToken() {
        refreshToken = null;
    }
}
