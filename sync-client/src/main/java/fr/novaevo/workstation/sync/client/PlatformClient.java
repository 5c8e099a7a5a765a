package fr.novaevo.workstation.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.sync.error.PlatformProblemException;
import fr.novaevo.workstation.sync.error.ProblemCode;
import fr.novaevo.workstation.sync.error.SignInRequiredException;
import fr.novaevo.workstation.sync.error.SyncException;
import fr.novaevo.workstation.sync.error.SyncProtocolException;
import fr.novaevo.workstation.sync.error.SyncTransportException;
import fr.novaevo.workstation.sync.error.UpdateRequiredException;
import fr.novaevo.workstation.sync.model.ChangesPage;
import fr.novaevo.workstation.sync.model.FeedbackReceipt;
import fr.novaevo.workstation.sync.model.FeedbackRequest;
import fr.novaevo.workstation.sync.model.KbisRequest;
import fr.novaevo.workstation.sync.model.KbisVerification;
import fr.novaevo.workstation.sync.model.PartsOffers;
import fr.novaevo.workstation.sync.model.Release;
import fr.novaevo.workstation.sync.model.PingResponse;
import fr.novaevo.workstation.sync.model.Problem;
import fr.novaevo.workstation.sync.model.PushRequest;
import fr.novaevo.workstation.sync.model.PushResponse;
import fr.novaevo.workstation.sync.model.RefreshRequest;
import fr.novaevo.workstation.sync.model.TokenRequest;
import fr.novaevo.workstation.sync.model.TokenResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform API over Jetty's {@link HttpClient}: tokens, pull, push, ping. Every call has connect, idle
 * and total deadlines and a response size limit; every failure is a typed {@link SyncException} and the
 * caller's state is never touched here (this class returns values, the store applies them).
 *
 * <p>Thread-safe: token handling is serialized; calls may run concurrently.
 */
public final class PlatformClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformClient.class);
    /** Refresh a little before the platform's expiry, so that a request does not die on the way. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private record Exchange(int status, byte[] body, String retryAfter) {
    }

    private record AccessToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[***, expiresAt=" + expiresAt + "]";
        }
    }

    private final ClientConfig config;
    private final CredentialStore credentials;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final HttpClient http;
    private final Answers answers;
    private final Object tokenLock = new Object();
    private AccessToken accessToken;

    public PlatformClient(ClientConfig config, CredentialStore credentials, ObjectMapper json, InstantSource clock) {
        this.config = config;
        PlatformUrls.requireAllowed(config.baseUrl());
        this.credentials = credentials;
        this.json = json;
        this.clock = clock;
        this.answers = new Answers(json);
        this.http = new HttpClient();
        http.setConnectTimeout(config.connectTimeout().toMillis());
        http.setIdleTimeout(config.idleTimeout().toMillis());
        http.setFollowRedirects(false);
        http.setName("platform-client");
        // 401s are the contract's (token_expired, invalid_token): handled here, not by Jetty's authentication.
        http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        http.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("HTTP client did not start", e);
        }
    }

    public ClientConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- endpoints

    /** {@code GET sync/ping}: no sign-in; the circuit breaker's probe. */
    public PingResponse ping() {
        Exchange e = exchange(HttpMethod.GET, "sync/ping", null, null, null);
        return answers.read(expect(e, 200), PingResponse.class);
    }

    /** {@code GET sync/changes}; {@code cursor} null means from the beginning. Every change is checked. */
    public ChangesPage pullChanges(String cursor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000");
        }
        String path = "sync/changes?limit=" + limit
                + (cursor == null ? "" : "&since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return answers.changesPage(authenticated(HttpMethod.GET, path, null, null, 200));
    }

    /**
     * {@code POST sync/push} of one batch. A {@code token_expired} answer is followed by a refresh and the
     * very same request (same body bytes, same key). The answer must hold one valid result per operation,
     * in order.
     */
    public PushResponse push(UUID idempotencyKey, PushRequest batch) {
        if (batch.ops().isEmpty() || batch.ops().size() > PushRequest.MAX_OPS) {
            throw new IllegalArgumentException("a batch holds 1 to 100 operations");
        }
        byte[] body = write(batch);
        return answers.pushResponse(batch, authenticated(HttpMethod.POST, "sync/push", body, idempotencyKey.toString(), 200));
    }

    /**
     * {@code GET parts/offers} for a fault code and/or a text, optionally for a VIN's make. At least one of
     * {@code dtc} and {@code q} is required.
     */
    public PartsOffers partsOffers(String vin, String dtc, String q) {
        if (isBlank(dtc) && isBlank(q)) {
            throw new IllegalArgumentException("dtc or q is required");
        }
        StringBuilder path = new StringBuilder("parts/offers?");
        appendParam(path, "vin", vin);
        appendParam(path, "dtc", dtc);
        appendParam(path, "q", q);
        return answers.read(authenticated(HttpMethod.GET, path.toString(), null, null, 200), PartsOffers.class);
    }

    /** {@code GET releases/latest}: no sign-in needed. */
    public Release latestRelease(String os, String arch, String channel) {
        StringBuilder path = new StringBuilder("releases/latest?");
        appendParam(path, "os", os);
        appendParam(path, "arch", arch);
        appendParam(path, "channel", channel);
        return answers.read(expect(exchange(HttpMethod.GET, path.toString(), null, null, null), 200), Release.class);
    }

    /** {@code POST feedback} ("Signaler un problème"); the attachment is checked against the 5 MB limit first. */
    public FeedbackReceipt sendFeedback(FeedbackRequest feedback) {
        if (feedback.attachmentZipBase64() != null
                && feedback.attachmentZipBase64().length() / 4L * 3 > FeedbackRequest.MAX_ATTACHMENT_BYTES + 2) {
            throw new PlatformProblemException(413, new Problem(null, null, 413, "payload_too_large",
                    "attachment larger than 5,000,000 bytes"), null);
        }
        return answers.read(authenticated(HttpMethod.POST, "feedback", write(feedback), null, 202), FeedbackReceipt.class);
    }

    /** {@code POST verifications/kbis}. */
    public KbisVerification verifyKbis(KbisRequest request) {
        return answers.read(authenticated(HttpMethod.POST, "verifications/kbis", write(request), null, 200), KbisVerification.class);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void appendParam(StringBuilder path, String name, String value) {
        if (isBlank(value)) {
            return;
        }
        if (path.charAt(path.length() - 1) != '?') {
            path.append('&');
        }
        path.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** Signs in with the API key now (the other calls do it when needed). */
    public void signIn() {
        synchronized (tokenLock) {
            signInWithApiKey();
        }
    }

    // ---------------------------------------------------------------- tokens

    private byte[] authenticated(HttpMethod method, String path, byte[] body, String idempotencyKey, int expected) {
        String token = currentAccessToken();
        Exchange first = exchange(method, path, body, idempotencyKey, token);
        if (first.status() != 401) {
            return expect(first, expected);
        }
        PlatformProblemException refused = problem(first);
        synchronized (tokenLock) {
            if (refused.problemCode() == ProblemCode.TOKEN_EXPIRED) {
                refreshOrSignIn(token);
            } else {
                LOG.info("platform refused the access token ({}): signing in again", refused.rawCode());
                signInWithApiKey();
            }
        }
        Exchange second = exchange(method, path, body, idempotencyKey, currentAccessToken());
        if (second.status() == 401) {
            throw new SignInRequiredException("platform refused a fresh access token", problem(second));
        }
        return expect(second, expected);
    }

    private String currentAccessToken() {
        synchronized (tokenLock) {
            if (accessToken == null || !clock.instant().isBefore(accessToken.expiresAt())) {
                refreshOrSignIn(accessToken == null ? null : accessToken.value());
            }
            return accessToken.value();
        }
    }

    /** Called with the lock held; {@code stale} is the token that failed (another thread may have renewed it). */
    private void refreshOrSignIn(String stale) {
        if (accessToken != null && !accessToken.value().equals(stale)
                && clock.instant().isBefore(accessToken.expiresAt())) {
            return;
        }
        Optional<String> refresh = credentials.refreshToken();
        if (refresh.isPresent()) {
            Exchange e = exchange(HttpMethod.POST, "auth/refresh", write(new RefreshRequest(refresh.get())), null, null);
            if (e.status() != 401 || problem(e).problemCode() != ProblemCode.INVALID_REFRESH_TOKEN) {
                accept(answers.read(expect(e, 200), TokenResponse.class));
                LOG.debug("access token refreshed");
                return;
            }
            LOG.info("refresh token refused: signing in again with the API key");
            credentials.clearRefreshToken();
        }
        signInWithApiKey();
    }

    private void signInWithApiKey() {
        String apiKey = credentials.apiKey().filter(k -> !k.isBlank())
                .orElseThrow(() -> new SignInRequiredException("no API key", null));
        Exchange e = exchange(HttpMethod.POST, "auth/token", write(new TokenRequest(config.garageId(), apiKey)), null, null);
        if (e.status() == 401) {
            accessToken = null;
            throw new SignInRequiredException("API key refused", problem(e));
        }
        accept(answers.read(expect(e, 200), TokenResponse.class));
        LOG.info("signed in to the platform as garage {}", config.garageId());
    }

    private void accept(TokenResponse tokens) {
        if (tokens.accessToken() == null || tokens.accessToken().isBlank() || tokens.refreshToken() == null
                || tokens.refreshToken().isBlank() || tokens.expiresIn() <= 0) {
            throw new SyncProtocolException(SyncProtocolException.INVALID_RESPONSE, "incomplete token answer", null);
        }
        credentials.saveRefreshToken(tokens.refreshToken());
        Duration lifetime = Duration.ofSeconds(tokens.expiresIn());
        Duration margin = lifetime.compareTo(EXPIRY_MARGIN.multipliedBy(2)) > 0 ? EXPIRY_MARGIN : Duration.ZERO;
        accessToken = new AccessToken(tokens.accessToken(), clock.instant().plus(lifetime).minus(margin));
    }

    // ---------------------------------------------------------------- HTTP

    private Exchange exchange(HttpMethod method, String path, byte[] body, String idempotencyKey, String token) {
        URI uri = config.baseUrl().resolve(path);
        Request request = http.newRequest(uri)
                .method(method)
                .timeout(config.totalTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .idleTimeout(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    h.put("X-Client-Id", config.clientId().toString());
                    h.put("X-Client-Version", config.clientVersion());
                    h.put("X-Schema-Version", "1");
                    h.put(HttpHeader.ACCEPT, "application/json, application/problem+json");
                    if (token != null) {
                        h.put(HttpHeader.AUTHORIZATION, "Bearer " + token);
                    }
                    if (idempotencyKey != null) {
                        h.put("Idempotency-Key", idempotencyKey);
                    }
                });
        if (body != null) {
            request.body(new BytesRequestContent("application/json", body));
        }
        CompletableFuture<ContentResponse> future = new CompletableResponseListener(request, config.maxResponseBytes()).send();
        try {
            // The request's own timeout fires first; this bound only guards against a lost callback.
            ContentResponse response = future.get(config.totalTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            LOG.debug("{} {} -> {}", method, uri.getPath(), response.getStatus());
            return new Exchange(response.getStatus(), response.getContent(), response.getHeaders().get(HttpHeader.RETRY_AFTER));
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new SyncTransportException(SyncTransportException.NETWORK, "interrupted during " + uri.getPath(), e);
        } catch (TimeoutException e) {
            request.abort(e);
            throw new SyncTransportException(SyncTransportException.TIMEOUT, "no answer in time from " + uri.getPath(), e);
        } catch (ExecutionException e) {
            throw translate(uri, e.getCause());
        }
    }

    private static SyncException translate(URI uri, Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new SyncTransportException(SyncTransportException.TIMEOUT, "no answer in time from " + uri.getPath(), cause);
        }
        if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("capacity")) {
            return new SyncProtocolException(SyncProtocolException.RESPONSE_TOO_LARGE,
                    "answer of " + uri.getPath() + " is larger than the limit", cause);
        }
        return new SyncTransportException(SyncTransportException.NETWORK, "exchange with " + uri.getPath() + " failed", cause);
    }

    private byte[] expect(Exchange e, int expected) {
        if (e.status() == expected) {
            return e.body();
        }
        if (e.status() >= 400 && e.status() <= 599) {
            PlatformProblemException problem = problem(e);
            if (problem.problemCode() == ProblemCode.SCHEMA_UNSUPPORTED) {
                throw new UpdateRequiredException(problem);
            }
            throw problem;
        }
        throw new SyncProtocolException(SyncProtocolException.UNEXPECTED_STATUS,
                "unexpected status " + e.status(), null, e.status());
    }

    private PlatformProblemException problem(Exchange e) {
        Problem problem;
        try {
            problem = json.readValue(e.body(), Problem.class);
        } catch (java.io.IOException | RuntimeException notAProblem) {
            problem = new Problem(null, null, e.status(), null, null);
        }
        return new PlatformProblemException(e.status(), problem, retryAfter(e.retryAfter()));
    }

    /** Seconds, or an HTTP date; anything else is ignored (the engine's own backoff applies). */
    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            LOG.warn("HTTP client did not stop cleanly", e);
        }
    }
}
