package fr.novaevo.workstation.sync.client;

import java.util.Optional;

/**
 * Where the sync client reads the garage's API key and keeps the refresh token. The app backs it with its
 * encrypted secret store; the client never writes either to disk or to a log itself.
 */
public interface CredentialStore {

    /** The garage's API key, empty until the user has entered it. */
    Optional<String> apiKey();

    /** The latest refresh token, empty before the first sign-in or after it was refused. */
    Optional<String> refreshToken();

    /** Replaces the refresh token (the platform rotates it at each refresh). */
    void saveRefreshToken(String refreshToken);

    void clearRefreshToken();
}
