package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.SyncJson;
import fr.novaevo.workstation.sync.testing.MutableClock;
import fr.novaevo.workstation.sync.testing.RawHttp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An emulator without sample data per test, a signed-in raw client, and builders for push bodies. */
abstract class EmulatorTestSupport {

    static final ObjectMapper JSON = SyncJson.newMapper();
    static final String GARAGE = "g-123";
    static final String API_KEY = "test-key";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    PlatformEmulator emulator;
    RawHttp http;
    String refreshToken;

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = PlatformEmulator.start(EmulatorConfig.defaults().withApiKey(API_KEY).withClock(clock)
                .withSampleData(false));
        http = new RawHttp(emulator.baseUri());
        refreshToken = http.signIn(GARAGE, API_KEY);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    static ObjectNode walkIn(String slotStart, int minutes, String bay) {
        ObjectNode b = JSON.createObjectNode();
        b.put("status", "confirmed");
        b.put("slotStart", slotStart);
        b.put("durationMinutes", minutes);
        b.put("bay", bay);
        b.putObject("customer").put("name", "Lucas Petit").put("phone", "+33611223344");
        b.putObject("vehicle").put("vin", "VF1RFB00X12345678").put("plate", "GH-456-JK");
        b.putObject("service").put("code", "repair").put("description", "Embrayage qui patine");
        return b;
    }

    static ObjectNode op(UUID opId, String type, UUID id, String op, Long baseRev, ObjectNode fields) {
        ObjectNode o = JSON.createObjectNode();
        o.put("opId", opId.toString());
        o.put("type", type);
        o.put("id", id.toString());
        o.put("op", op);
        if (baseRev == null) {
            o.putNull("baseRev");
        } else {
            o.put("baseRev", baseRev);
        }
        o.set("fields", fields);
        return o;
    }

    static String batch(ObjectNode... ops) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("ops");
        for (ObjectNode o : ops) {
            array.add(o);
        }
        return body.toString();
    }

    static ObjectNode fields(String... keyValues) {
        ObjectNode f = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            f.set(keyValues[i], JSON.valueToTree(parse(keyValues[i + 1])));
        }
        return f;
    }

    private static Object parse(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Creates a walk-in over HTTP and returns its id (checks it was applied with rev 1). */
    UUID create(ObjectNode booking) throws Exception {
        UUID id = UUID.randomUUID();
        RawHttp.Reply reply = http.push(UUID.randomUUID().toString(),
                batch(op(UUID.randomUUID(), "booking", id, "create", null, booking)));
        JsonNode result = reply.json().get("results").get(0);
        if (!"applied".equals(result.path("status").asText())) {
            throw new AssertionError("create not applied: " + reply.body());
        }
        return id;
    }

    JsonNode pushOne(ObjectNode op) throws Exception {
        RawHttp.Reply reply = http.push(UUID.randomUUID().toString(), batch(op));
        if (reply.status() != 200) {
            throw new AssertionError("push answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().get("results").get(0);
    }
}
