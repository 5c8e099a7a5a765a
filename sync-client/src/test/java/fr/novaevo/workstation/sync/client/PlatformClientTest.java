package fr.novaevo.workstation.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.emulator.EmulatorConfig;
import fr.novaevo.workstation.sync.emulator.Endpoint;
import fr.novaevo.workstation.sync.emulator.Fault;
import fr.novaevo.workstation.sync.emulator.PlatformEmulator;
import fr.novaevo.workstation.sync.error.InsecureUrlException;
import fr.novaevo.workstation.sync.error.PlatformProblemException;
import fr.novaevo.workstation.sync.error.ProblemCode;
import fr.novaevo.workstation.sync.error.SignInRequiredException;
import fr.novaevo.workstation.sync.error.SyncProtocolException;
import fr.novaevo.workstation.sync.error.SyncTransportException;
import fr.novaevo.workstation.sync.error.UpdateRequiredException;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.model.ChangesPage;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import fr.novaevo.workstation.sync.model.OpOutcome;
import fr.novaevo.workstation.sync.model.PushOp;
import fr.novaevo.workstation.sync.model.PushRequest;
import fr.novaevo.workstation.sync.model.PushResponse;
import fr.novaevo.workstation.sync.testing.InMemoryCredentials;
import fr.novaevo.workstation.sync.testing.MutableClock;
import fr.novaevo.workstation.sync.testing.ScriptedServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client against the emulator (and a scripted server for broken answers), over real HTTP on 127.0.0.1. */
class PlatformClientTest {

    private static final ObjectMapper JSON = SyncJson.newMapper();
    private static final String API_KEY = "sk-live-garage-123-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final InMemoryCredentials credentials = new InMemoryCredentials(API_KEY);
    private PlatformEmulator emulator;
    private PlatformClient client;

    @BeforeEach
    void start() {
        emulator = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey(API_KEY).withClock(clock));
        client = newClient(emulator.baseUri(), Duration.ofSeconds(10));
    }

    private PlatformClient newClient(URI base, Duration idle) {
        ClientConfig config = ClientConfig.of(base, "g-123", UUID.randomUUID(), "0.1.0-test")
                .withTimeouts(Duration.ofSeconds(2), idle, Duration.ofSeconds(20));
        return new PlatformClient(config, credentials, JSON, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private PushOp noteOp(UUID id, long baseRev, String note) {
        ObjectNode fields = JSON.createObjectNode().put("notes", note);
        return new PushOp(UUID.randomUUID(), EntityType.BOOKING, id, OpKind.UPDATE, baseRev, fields);
    }

    private UUID someBookingId() {
        return UUID.fromString(emulator.state().liveBookings().getFirst().get("id").asText());
    }

    private long revOf(UUID id) {
        return emulator.state().booking(id).orElseThrow().get("rev").asLong();
    }

    @Test
    void refusesPlainHttpToAnyHostButLoopback() {
        assertThatThrownBy(() -> PlatformUrls.requireAllowed(URI.create("http://api.novaevo.fr/v1/")))
                .isInstanceOf(InsecureUrlException.class);
        assertThatThrownBy(() -> PlatformUrls.requireAllowed(URI.create("http://10.0.0.5:8080/v1/")))
                .isInstanceOf(InsecureUrlException.class);
        assertThatThrownBy(() -> PlatformUrls.requireAllowed(URI.create("http://127.0.0.1.nip.io/v1/")))
                .isInstanceOf(InsecureUrlException.class);
        assertThatThrownBy(() -> PlatformUrls.requireAllowed(URI.create("ftp://127.0.0.1/v1/")))
                .isInstanceOf(InsecureUrlException.class);
        assertThatThrownBy(() -> newClient(URI.create("http://api.novaevo.fr/v1/"), Duration.ofSeconds(1)))
                .isInstanceOf(InsecureUrlException.class);
        assertThat(PlatformUrls.requireAllowed(URI.create("https://api.novaevo.fr/v1/"))).isNotNull();
        assertThat(PlatformUrls.requireAllowed(URI.create("http://127.0.0.1:8080/v1/"))).isNotNull();
        assertThat(PlatformUrls.requireAllowed(URI.create("http://127.8.9.10/v1/"))).isNotNull();
        assertThat(PlatformUrls.requireAllowed(URI.create("http://[::1]:8080/v1/"))).isNotNull();
        assertThat(PlatformUrls.requireAllowed(URI.create("http://localhost:8080/v1/"))).isNotNull();
    }

    @Test
    void signsInOnFirstUseAndKeepsTheRefreshToken() {
        ChangesPage page = client.pullChanges(null, 1000);

        assertThat(page.changes()).isNotEmpty();
        assertThat(credentials.refreshToken()).isPresent();
    }

    @Test
    void pingNeedsNoCredentials() {
        credentials.setApiKey(null);
        assertThat(client.ping().serverTime()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheSameRequestResent() {
        client.pullChanges(null, 1);
        String firstRefresh = credentials.refreshToken().orElseThrow();
        UUID id = someBookingId();
        long rev = revOf(id);
        emulator.faults().once(Endpoint.PUSH, Fault.expireToken());

        PushResponse response = client.push(UUID.randomUUID(), new PushRequest(List.of(noteOp(id, rev, "Rappeler"))));

        assertThat(response.results().getFirst().outcome()).isEqualTo(new OpOutcome.Applied(rev + 1));
        assertThat(credentials.refreshToken().orElseThrow()).as("rotated").isNotEqualTo(firstRefresh);
        assertThat(emulator.state().appliedOperationCount()).isEqualTo(1);
    }

    @Test
    void anAccessTokenPastItsLifetimeIsRefreshedBeforeUse() {
        client.pullChanges(null, 1);
        int saves = credentials.refreshTokenSaves();
        clock.advance(Duration.ofMinutes(15));

        client.pullChanges(null, 1);

        assertThat(credentials.refreshTokenSaves()).isEqualTo(saves + 1);
    }

    @Test
    void aRefusedRefreshTokenMeansSigningInAgainWithTheApiKey() {
        client.pullChanges(null, 1);
        emulator.revokeRefreshTokens();
        emulator.expireAccessTokens();

        assertThat(client.pullChanges(null, 1).changes()).hasSize(1);
        assertThat(credentials.refreshToken()).isPresent();
    }

    @Test
    void anInvalidTokenMeansSigningInAgain() {
        client.pullChanges(null, 1);
        emulator.revokeAccessTokens();

        assertThat(client.pullChanges(null, 1).changes()).hasSize(1);
    }

    @Test
    void aRefusedApiKeyIsSignInRequired() {
        credentials.setApiKey("wrong");
        assertThatThrownBy(() -> client.pullChanges(null, 1)).isInstanceOf(SignInRequiredException.class)
                .extracting(e -> ((SignInRequiredException) e).code()).isEqualTo("SYNC-SIGN-IN-REQUIRED");
        credentials.setApiKey(null);
        assertThatThrownBy(() -> client.pullChanges(null, 1)).isInstanceOf(SignInRequiredException.class);
    }

    @Test
    void unavailableCarriesRetryAfter() {
        emulator.faults().once(Endpoint.CHANGES, Fault.unavailable(7));
        assertThatThrownBy(() -> client.pullChanges(null, 10))
                .isInstanceOfSatisfying(PlatformProblemException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void expiredCursorIsTypedCursorExpired() {
        String cursor = client.pullChanges(null, 5).nextCursor();
        emulator.expireCursors();
        assertThatThrownBy(() -> client.pullChanges(cursor, 5))
                .isInstanceOfSatisfying(PlatformProblemException.class, e -> {
                    assertThat(e.problemCode()).isEqualTo(ProblemCode.CURSOR_EXPIRED);
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void invalidJsonIsATypedProtocolError() {
        emulator.faults().once(Endpoint.CHANGES, Fault.garbageBody());
        assertThatThrownBy(() -> client.pullChanges(null, 10)).isInstanceOfSatisfying(SyncProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(SyncProtocolException.INVALID_RESPONSE));
    }

    @Test
    void aDroppedConnectionIsATransportError() {
        client.pullChanges(null, 1);
        UUID id = someBookingId();
        emulator.faults().once(Endpoint.PUSH, Fault.dropAfterProcessing());
        assertThatThrownBy(() -> client.push(UUID.randomUUID(), new PushRequest(List.of(noteOp(id, revOf(id), "x")))))
                .isInstanceOfSatisfying(SyncTransportException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void aSilentServerHitsTheIdleDeadline() {
        try (PlatformClient impatient = newClient(emulator.baseUri(), Duration.ofMillis(300))) {
            emulator.faults().once(Endpoint.PING, Fault.latency(Duration.ofSeconds(3)));
            assertThatThrownBy(impatient::ping).isInstanceOfSatisfying(SyncTransportException.class,
                    e -> assertThat(e.code()).isEqualTo(SyncTransportException.TIMEOUT));
        }
    }

    @Test
    void aClosedPortIsANetworkError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (PlatformClient nowhere = newClient(URI.create("http://127.0.0.1:" + port + "/v1/"), Duration.ofSeconds(1))) {
            assertThatThrownBy(nowhere::ping).isInstanceOfSatisfying(SyncTransportException.class,
                    e -> assertThat(e.code()).isEqualTo(SyncTransportException.NETWORK));
        }
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefused() {
        ClientConfig small = ClientConfig.of(emulator.baseUri(), "g-123", UUID.randomUUID(), "0.1.0-test")
                .withMaxResponseBytes(4096);
        try (PlatformClient limited = new PlatformClient(small, credentials, JSON, clock)) {
            assertThatThrownBy(() -> limited.pullChanges(null, 1000)).isInstanceOfSatisfying(SyncProtocolException.class,
                    e -> assertThat(e.code()).isEqualTo(SyncProtocolException.RESPONSE_TOO_LARGE));
            assertThat(limited.pullChanges(null, 1).changes()).hasSize(1);
        }
    }

    @Test
    void schemaUnsupportedMeansUpdateRequired() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(new ScriptedServer.Reply(400, "application/problem+json",
                    "{\"status\": 400, \"code\": \"schema_unsupported\"}", Map.of()));
            try (PlatformClient old = newClient(server.baseUri(), Duration.ofSeconds(5))) {
                assertThatThrownBy(old::ping).isInstanceOf(UpdateRequiredException.class);
            }
        }
    }

    @Test
    void answersThatBreakTheContractAreTypedErrors() throws Exception {
        UUID opId = UUID.randomUUID();
        PushRequest batch = new PushRequest(List.of(new PushOp(opId, EntityType.BOOKING, UUID.randomUUID(),
                OpKind.UPDATE, 3L, JSON.createObjectNode().put("notes", "x"))));
        String token = "{\"accessToken\": \"a\", \"tokenType\": \"Bearer\", \"expiresIn\": 900, \"refreshToken\": \"r\"}";
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(ScriptedServer.Reply.json(200, token))
                    .then(ScriptedServer.Reply.json(200, "{\"results\": []}"))
                    .then(ScriptedServer.Reply.json(200, "{\"results\": [{\"opId\": \"" + UUID.randomUUID()
                            + "\", \"status\": \"applied\", \"rev\": 4}]}"))
                    .then(ScriptedServer.Reply.json(200, "{\"results\": [{\"opId\": \"" + opId
                            + "\", \"status\": \"applied\"}]}"))
                    .then(ScriptedServer.Reply.json(302, "{}"))
                    .then(ScriptedServer.Reply.json(200, "{\"changes\": [{\"type\": \"booking\", \"id\": \""
                            + UUID.randomUUID() + "\", \"rev\": 2, \"deleted\": false, \"data\": null}],"
                            + " \"nextCursor\": \"c\", \"hasMore\": false}"))
                    .then(ScriptedServer.Reply.json(200, "{\"results\": [{\"opId\": \"" + opId
                            + "\", \"status\": \"applied\", \"rev\": 4, \"serverNote\": \"new field\"}]}"));
            try (PlatformClient c = newClient(server.baseUri(), Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> c.push(UUID.randomUUID(), batch)).as("no result")
                        .isInstanceOf(SyncProtocolException.class);
                assertThatThrownBy(() -> c.push(UUID.randomUUID(), batch)).as("another opId")
                        .isInstanceOf(SyncProtocolException.class);
                assertThatThrownBy(() -> c.push(UUID.randomUUID(), batch)).as("applied without rev")
                        .isInstanceOf(SyncProtocolException.class);
                assertThatThrownBy(() -> c.push(UUID.randomUUID(), batch)).as("a redirect")
                        .isInstanceOfSatisfying(SyncProtocolException.class,
                                e -> assertThat(e.code()).isEqualTo(SyncProtocolException.UNEXPECTED_STATUS));
                assertThatThrownBy(() -> c.pullChanges(null, 10)).as("live change without data")
                        .isInstanceOf(SyncProtocolException.class);
                assertThat(c.push(UUID.randomUUID(), batch).results().getFirst().outcome())
                        .as("unknown fields are ignored").isEqualTo(new OpOutcome.Applied(4));
            }
        }
    }

    @Test
    void secretsNeverReachTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger("fr.novaevo");
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        try {
            client.pullChanges(null, 5);
            String refresh1 = credentials.refreshToken().orElseThrow();
            emulator.expireAccessTokens();
            client.pullChanges(null, 5);
            emulator.revokeRefreshTokens();
            emulator.expireAccessTokens();
            client.pullChanges(null, 5);
            String refresh3 = credentials.refreshToken().orElseThrow();

            assertThat(appender.list).isNotEmpty();
            for (ILoggingEvent event : appender.list) {
                String line = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
                assertThat(line).doesNotContain(API_KEY).doesNotContain(refresh1).doesNotContain(refresh3)
                        .doesNotContain("Bearer ");
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
    }
}
