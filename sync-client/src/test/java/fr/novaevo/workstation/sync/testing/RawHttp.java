package fr.novaevo.workstation.sync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.sync.json.SyncJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A plain JDK HTTP client speaking to the emulator exactly as told, headers and all: tests of the emulator
 * must not depend on the workstation's own client.
 */
public final class RawHttp {

    public record Reply(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String code() {
            return json().path("code").asText();
        }
    }

    private static final ObjectMapper JSON = SyncJson.newMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public RawHttp(URI base) {
        this.base = base;
        headers.put("X-Client-Id", UUID.randomUUID().toString());
        headers.put("X-Client-Version", "0.1.0-test");
        headers.put("X-Schema-Version", "1");
    }

    public RawHttp header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public RawHttp bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public String signIn(String garageId, String apiKey) throws Exception {
        Reply reply = post("auth/token", "{\"garageId\": \"" + garageId + "\", \"apiKey\": \"" + apiKey + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("sign-in failed: " + reply);
        }
        bearer(reply.json().get("accessToken").asText());
        return reply.json().get("refreshToken").asText();
    }

    public Reply get(String path) throws Exception {
        return send(builder(path).GET());
    }

    public Reply post(String path, String body) throws Exception {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply push(String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder b = builder("sync/push").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        return b;
    }

    private Reply send(HttpRequest.Builder builder) throws Exception {
        HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        return new Reply(r.statusCode(), h, r.body());
    }
}
