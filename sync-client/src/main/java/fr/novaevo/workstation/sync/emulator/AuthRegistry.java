package fr.novaevo.workstation.sync.emulator;

import fr.novaevo.workstation.sync.model.TokenResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Access and refresh tokens of the emulated platform, with expiry and the 30-second refresh grace. */
final class AuthRegistry {

    static final Duration REFRESH_GRACE = Duration.ofSeconds(30);

    private record Access(String garageId, Instant expiresAt, boolean revoked) {
    }

    private record Refresh(String garageId, Instant supersededAt, boolean revoked) {
    }

    private final String garageId;
    private final String apiKey;
    private final Duration accessTtl;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Access> access = new HashMap<>();
    private final Map<String, Refresh> refresh = new HashMap<>();

    AuthRegistry(String garageId, String apiKey, Duration accessTtl, InstantSource clock) {
        this.garageId = garageId;
        this.apiKey = apiKey;
        this.accessTtl = accessTtl;
        this.clock = clock;
    }

    synchronized TokenResponse signIn(String requestedGarage, String key) {
        if (!garageId.equals(requestedGarage) || !apiKey.equals(key)) {
            throw new ApiProblem(401, "invalid_credentials", "unknown garage or API key");
        }
        return issue();
    }

    synchronized TokenResponse refresh(String token) {
        Refresh held = refresh.get(token);
        Instant now = clock.instant();
        if (held == null || held.revoked()
                || (held.supersededAt() != null && now.isAfter(held.supersededAt().plus(REFRESH_GRACE)))) {
            throw new ApiProblem(401, "invalid_refresh_token", "refresh token refused");
        }
        if (held.supersededAt() == null) {
            refresh.put(token, new Refresh(held.garageId(), now, false));
        }
        return issue();
    }

    /** @return the garage the token belongs to */
    synchronized String authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new ApiProblem(401, "invalid_token", "missing or malformed bearer token");
        }
        Access held = access.get(authorization.substring("Bearer ".length()));
        if (held == null || held.revoked()) {
            throw new ApiProblem(401, "invalid_token", "unknown or revoked token");
        }
        if (!clock.instant().isBefore(held.expiresAt())) {
            throw new ApiProblem(401, "token_expired", "access token expired");
        }
        return held.garageId();
    }

    synchronized void expireAccessTokens() {
        Instant past = clock.instant().minusSeconds(1);
        access.replaceAll((k, v) -> new Access(v.garageId(), past, v.revoked()));
    }

    synchronized void revokeAccessTokens() {
        access.replaceAll((k, v) -> new Access(v.garageId(), v.expiresAt(), true));
    }

    synchronized void revokeRefreshTokens() {
        refresh.replaceAll((k, v) -> new Refresh(v.garageId(), v.supersededAt(), true));
    }

    private TokenResponse issue() {
        String at = "at_" + randomToken();
        String rt = "rt_" + randomToken();
        access.put(at, new Access(garageId, clock.instant().plus(accessTtl), false));
        refresh.put(rt, new Refresh(garageId, null, false));
        return new TokenResponse(at, "Bearer", accessTtl.toSeconds(), rt);
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
