package fr.novaevo.workstation.sync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.sync.testing.RawHttp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request-level rules, authentication and tokens of the emulated platform. */
class EmulatorProtocolTest extends EmulatorTestSupport {

    @Test
    void headerChecksComeBeforeAuthentication() throws Exception {
        RawHttp anonymous = new RawHttp(emulator.baseUri());

        assertThat(anonymous.header("X-Client-Id", null).get("sync/changes").code()).isEqualTo("missing_client_id");
        assertThat(anonymous.header("X-Client-Id", "garage-pc-1").get("sync/changes").code()).isEqualTo("invalid_client_id");
        anonymous.header("X-Client-Id", UUID.randomUUID().toString());
        assertThat(anonymous.header("X-Client-Version", null).get("sync/changes").code()).isEqualTo("missing_client_version");
        anonymous.header("X-Client-Version", "1.0");
        assertThat(anonymous.header("X-Schema-Version", null).get("sync/changes").code()).isEqualTo("schema_unsupported");
        RawHttp.Reply tooNew = anonymous.header("X-Schema-Version", "2").get("sync/changes");
        assertThat(tooNew.status()).isEqualTo(400);
        assertThat(tooNew.code()).isEqualTo("schema_unsupported");
        assertThat(tooNew.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(anonymous.header("X-Schema-Version", "1").get("sync/changes").code()).isEqualTo("invalid_token");
    }

    @Test
    void pingAndReleasesNeedNoSignIn() throws Exception {
        RawHttp anonymous = new RawHttp(emulator.baseUri());

        RawHttp.Reply ping = anonymous.get("sync/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.json().get("serverTime").asText()).isEqualTo("2026-11-21T08:00:00Z");
        RawHttp.Reply release = anonymous.get("releases/latest?os=linux&arch=x64&channel=stable");
        assertThat(release.status()).isEqualTo(200);
        assertThat(release.json().get("version").asText()).isEqualTo("1.4.0");
        assertThat(anonymous.get("releases/latest?os=beos&arch=x64&channel=stable").code()).isEqualTo("invalid_parameter");
    }

    @Test
    void wrongApiKeyIsInvalidCredentials() throws Exception {
        RawHttp.Reply reply = new RawHttp(emulator.baseUri())
                .post("auth/token", "{\"garageId\": \"g-123\", \"apiKey\": \"nope\"}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("invalid_credentials");
    }

    @Test
    void tokenAnswerHasTheContractsShape() throws Exception {
        RawHttp.Reply reply = new RawHttp(emulator.baseUri())
                .post("auth/token", "{\"garageId\": \"g-123\", \"apiKey\": \"test-key\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(reply.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(reply.json().get("accessToken").asText()).isNotBlank();
        assertThat(reply.json().get("refreshToken").asText()).isNotBlank();
    }

    @Test
    void invalidJsonAndMissingFieldsAreBadRequests() throws Exception {
        RawHttp anonymous = new RawHttp(emulator.baseUri());
        assertThat(anonymous.post("auth/token", "{\"garageId\": ").code()).isEqualTo("invalid_json");
        assertThat(anonymous.post("auth/token", "{\"garageId\": \"g-123\"}").code()).isEqualTo("invalid_request");
    }

    @Test
    void anExpiredAccessTokenIsTokenExpiredAndAnUnknownOneInvalid() throws Exception {
        assertThat(http.get("sync/changes").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(900));
        RawHttp.Reply expired = http.get("sync/changes");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("token_expired");

        assertThat(http.bearer("forged").get("sync/changes").code()).isEqualTo("invalid_token");
    }

    @Test
    void revokedAccessTokenIsInvalidToken() throws Exception {
        emulator.revokeAccessTokens();
        assertThat(http.get("sync/changes").code()).isEqualTo("invalid_token");
    }

    @Test
    void refreshGivesANewRefreshTokenAndTheOldOneLastsThirtySeconds() throws Exception {
        RawHttp anonymous = new RawHttp(emulator.baseUri());
        RawHttp.Reply first = anonymous.post("auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}");
        assertThat(first.status()).isEqualTo(200);
        String newRefresh = first.json().get("refreshToken").asText();
        assertThat(newRefresh).isNotEqualTo(refreshToken);

        clock.advance(Duration.ofSeconds(30));
        assertThat(anonymous.post("auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}").status())
                .as("still inside the 30-second grace").isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        RawHttp.Reply late = anonymous.post("auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}");
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.code()).isEqualTo("invalid_refresh_token");
        assertThat(anonymous.post("auth/refresh", "{\"refreshToken\": \"" + newRefresh + "\"}").status()).isEqualTo(200);
    }

    @Test
    void afterExpiryARefreshGivesAWorkingAccessToken() throws Exception {
        clock.advance(Duration.ofSeconds(900));
        assertThat(http.get("sync/changes").code()).isEqualTo("token_expired");

        RawHttp.Reply refreshed = new RawHttp(emulator.baseUri())
                .post("auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}");

        assertThat(http.bearer(refreshed.json().get("accessToken").asText()).get("sync/changes").status())
                .isEqualTo(200);
    }

    @Test
    void revokedRefreshTokenIsRefused() throws Exception {
        emulator.revokeRefreshTokens();
        assertThat(new RawHttp(emulator.baseUri()).post("auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}")
                .code()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void unknownEndpointAndWrongMethodAreProblems() throws Exception {
        assertThat(http.get("sync/nothing").status()).isEqualTo(404);
        assertThat(http.get("sync/push").status()).isEqualTo(405);
    }

    @Test
    void anEmptyBatchIsInvalidRequestAndMoreThanAHundredOpsTooMany() throws Exception {
        assertThat(http.push(UUID.randomUUID().toString(), "{\"ops\": []}").code()).isEqualTo("invalid_request");
        StringBuilder ops = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            ops.append(i == 0 ? "" : ",").append(op(UUID.randomUUID(), "booking", UUID.randomUUID(), "update", 1L,
                    fields("notes", "x")));
        }
        assertThat(http.push(UUID.randomUUID().toString(), "{\"ops\": [" + ops + "]}").code()).isEqualTo("too_many_ops");
    }
}
