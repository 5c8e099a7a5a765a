package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.Problem;
import fr.novaevo.workstation.sync.model.TokenResponse;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side of the emulated platform: routing, the contract's header checks, problems, faults. */
final class EmulatorHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHandler.class);
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final Map<String, String> WMI_MAKES = Map.of(
            "VF1", "Renault", "VF3", "Peugeot", "VF7", "Citroën", "VR3", "Peugeot", "UU1", "Dacia",
            "WVW", "Volkswagen", "VNK", "Toyota", "VF6", "Renault");

    private record Answer(int status, JsonNode body) {
    }

    private final ObjectMapper json;
    private final PlatformState state;
    private final AuthRegistry auth;
    private final IdempotencyMemory idempotency;
    private final EmulatorFaults faults;
    private final InstantSource clock;
    private final KbisRegistry kbis;
    private final java.util.concurrent.atomic.AtomicInteger concurrentEdits = new java.util.concurrent.atomic.AtomicInteger();
    /** The feedback received, as sent: what a support team would read (tests check no secret is in it). */
    private final List<JsonNode> feedback = new java.util.concurrent.CopyOnWriteArrayList<>();

    EmulatorHandler(ObjectMapper json, PlatformState state, AuthRegistry auth, IdempotencyMemory idempotency,
                    EmulatorFaults faults, InstantSource clock) {
        this.json = json;
        this.state = state;
        this.auth = auth;
        this.idempotency = idempotency;
        this.faults = faults;
        this.clock = clock;
        this.kbis = new KbisRegistry(json, clock);
    }

    List<JsonNode> feedbackReceived() {
        return List.copyOf(feedback);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            Endpoint endpoint = route(request.getMethod(), request.getHttpURI().getPath());
            checkHeaders(request);
            Optional<Fault> fault = faults.next(endpoint);
            if (fault.isPresent()) {
                if (fault.get().kind() == Fault.Kind.GARBAGE_BODY) {
                    write(response, callback, 200, "application/json", "{\"changes\": [tru", null);
                    return true;
                }
                injectBefore(fault.get(), endpoint);
            }
            Answer answer = switch (endpoint) {
                case TOKEN -> token(request);
                case REFRESH -> refresh(request);
                case PING -> new Answer(200, json.createObjectNode()
                        .put("serverTime", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
                case CHANGES -> changes(request);
                case PUSH -> push(request, fault);
                case OFFERS -> offers(request);
                case RELEASES -> releases(request);
                case FEEDBACK -> feedback(request);
                case KBIS -> {
                    auth.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
                    yield new Answer(200, kbis.verify(readJson(request)));
                }
            };
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.DROP_AFTER_PROCESSING) {
                LOG.debug("emulator: {} processed, dropping the connection before the answer", endpoint);
                drop(request, callback);
                return true;
            }
            write(response, callback, answer.status(), "application/json", json.writeValueAsString(answer.body()), null);
        } catch (ApiProblem problem) {
            discardBody(request);
            writeProblem(response, callback, problem);
        } catch (InterruptedException e) {
            // Stopping while a latency fault sleeps: nobody waits for this answer any more.
            Thread.currentThread().interrupt();
            drop(request, callback);
        } catch (Exception e) {
            LOG.warn("emulator: unexpected failure", e);
            writeProblem(response, callback, new ApiProblem(500, "internal_error", "unexpected failure"));
        }
        return true;
    }

    /**
     * Reads what is left of the request before an answer refuses it (a fault, a problem): a body left unread makes
     * Jetty close the connection after the answer, and a client reusing that connection for its next request would
     * see it closed under it, which is not the failure being injected.
     */
    private static void discardBody(Request request) {
        try {
            org.eclipse.jetty.io.Content.Source.consumeAll(request);
        } catch (IOException | RuntimeException e) {
            LOG.debug("emulator: request body not read to its end", e);
        }
    }

    /** Closes the TCP connection without an answer, as a network failure would. */
    private static void drop(Request request, Callback callback) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.succeeded();
    }

    private Endpoint route(String method, String path) {
        Endpoint endpoint = switch (path) {
            case "/v1/auth/token" -> Endpoint.TOKEN;
            case "/v1/auth/refresh" -> Endpoint.REFRESH;
            case "/v1/sync/changes" -> Endpoint.CHANGES;
            case "/v1/sync/push" -> Endpoint.PUSH;
            case "/v1/sync/ping" -> Endpoint.PING;
            case "/v1/parts/offers" -> Endpoint.OFFERS;
            case "/v1/releases/latest" -> Endpoint.RELEASES;
            case "/v1/feedback" -> Endpoint.FEEDBACK;
            case "/v1/verifications/kbis" -> Endpoint.KBIS;
            default -> throw new ApiProblem(404, "not_found", "no such endpoint: " + path);
        };
        boolean post = endpoint == Endpoint.TOKEN || endpoint == Endpoint.REFRESH || endpoint == Endpoint.PUSH
                || endpoint == Endpoint.FEEDBACK || endpoint == Endpoint.KBIS;
        if (!method.equals(post ? "POST" : "GET")) {
            throw new ApiProblem(405, "method_not_allowed", method + " not allowed on " + path);
        }
        return endpoint;
    }

    /** The request-level checks the contract runs before authentication. */
    private static void checkHeaders(Request request) {
        String clientId = request.getHeaders().get("X-Client-Id");
        if (clientId == null || clientId.isBlank()) {
            throw new ApiProblem(400, "missing_client_id", "X-Client-Id is required");
        }
        try {
            UUID.fromString(clientId);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "invalid_client_id", "X-Client-Id must be a UUID");
        }
        String version = request.getHeaders().get("X-Client-Version");
        if (version == null || version.isBlank()) {
            throw new ApiProblem(400, "missing_client_version", "X-Client-Version is required");
        }
        if (!"1".equals(request.getHeaders().get("X-Schema-Version"))) {
            throw new ApiProblem(400, "schema_unsupported", "X-Schema-Version 1 is the only one supported");
        }
    }

    /** Faults that act before the request is processed; those that answer instead throw the problem. */
    private void injectBefore(Fault fault, Endpoint endpoint) throws InterruptedException {
        switch (fault.kind()) {
            case LATENCY -> {
                // A push sleeps later, while its batch is held as in progress.
                if (endpoint != Endpoint.PUSH) {
                    Thread.sleep(fault.latency());
                }
            }
            case SERVER_ERROR -> throw new ApiProblem(500, "internal_error", "injected failure");
            case UNAVAILABLE -> throw new ApiProblem(503, "unavailable", "maintenance", fault.retryAfterSeconds());
            case RATE_LIMITED -> throw new ApiProblem(429, "rate_limited", "too many requests", fault.retryAfterSeconds());
            case EXPIRE_TOKEN -> auth.expireAccessTokens();
            case DROP_AFTER_PROCESSING, CONCURRENT_EDIT, GARBAGE_BODY -> {
                // Act after (or instead of) processing: see handle and push.
            }
        }
    }

    private Answer token(Request request) throws Exception {
        JsonNode body = readJson(request);
        String garage = text(body, "garageId");
        String key = text(body, "apiKey");
        TokenResponse tokens = auth.signIn(garage, key);
        return new Answer(200, json.valueToTree(tokens));
    }

    private Answer refresh(Request request) throws Exception {
        JsonNode body = readJson(request);
        TokenResponse tokens = auth.refresh(text(body, "refreshToken"));
        return new Answer(200, json.valueToTree(tokens));
    }

    private Answer changes(Request request) {
        auth.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        Fields query = Request.extractQueryParameters(request);
        return new Answer(200, state.changes(query.getValue("since"), query.getValue("limit")));
    }

    private Answer push(Request request, Optional<Fault> fault) throws Exception {
        auth.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        String key = request.getHeaders().get("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw new ApiProblem(400, "missing_idempotency_key", "Idempotency-Key is required");
        }
        try {
            UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "invalid_idempotency_key", "Idempotency-Key must be a UUID");
        }
        JsonNode body = readJson(request);
        List<PlatformState.ParsedOp> ops = PlatformState.parseBatch(body);
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.CONCURRENT_EDIT) {
            editConcurrently(ops);
        }
        IdempotencyMemory.Begin begin = idempotency.begin(key, body);
        if (begin instanceof IdempotencyMemory.Replay replay) {
            return new Answer(200, replay.answer());
        }
        boolean done = false;
        try {
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.LATENCY) {
                Thread.sleep(fault.get().latency());
            }
            ObjectNode answer = state.push(ops);
            idempotency.complete(key, body, answer);
            done = true;
            return new Answer(200, answer);
        } finally {
            if (!done) {
                idempotency.abandon(key);
            }
        }
    }

    private void editConcurrently(List<PlatformState.ParsedOp> ops) {
        for (PlatformState.ParsedOp op : ops) {
            if (op.type() == fr.novaevo.workstation.sync.model.EntityType.BOOKING
                    && op.op() == fr.novaevo.workstation.sync.model.OpKind.UPDATE) {
                try {
                    state.platformUpdateBooking(op.id(), Map.of("notes",
                            "Modifié par le bureau (" + concurrentEdits.incrementAndGet() + ")"));
                } catch (IllegalStateException gone) {
                    // Deleted or refused: nothing to edit.
                }
            }
        }
    }

    private Answer offers(Request request) {
        auth.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        Fields query = Request.extractQueryParameters(request);
        String dtc = blankToNull(query.getValue("dtc"));
        String q = blankToNull(query.getValue("q"));
        String vin = blankToNull(query.getValue("vin"));
        if (dtc == null && q == null) {
            throw new ApiProblem(400, "invalid_parameter", "dtc or q is required");
        }
        String make = vin == null || vin.length() < 3 ? null : WMI_MAKES.get(vin.substring(0, 3).toUpperCase(Locale.ROOT));
        List<PartOffer> found = state.offers().stream()
                .filter(o -> dtc == null || o.dtcs().contains(dtc.toUpperCase(Locale.ROOT)))
                .filter(o -> q == null || o.title().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
                .filter(o -> vin == null || (make != null && o.makes().contains(make)))
                .sorted(Comparator.comparing((PartOffer o) -> !"in_stock".equals(o.availability()))
                        .thenComparingLong(PartOffer::priceCents))
                .toList();
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("offers");
        for (PartOffer o : found) {
            list.addObject().put("offerId", o.offerId()).put("partnerId", o.partnerId())
                    .put("partnerName", o.partnerName()).put("sku", o.sku()).put("title", o.title())
                    .put("priceCents", o.priceCents()).put("currency", o.currency())
                    .put("availability", o.availability()).put("deliveryDays", o.deliveryDays())
                    .put("rateBps", o.rateBps())
                    .put("trackingUrl", "https://partners.novaevo.fr/r/" + o.offerId() + "?g=" + state.garageId());
        }
        return new Answer(200, body);
    }

    private Answer feedback(Request request) throws Exception {
        auth.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        JsonNode body = readJson(request);
        String category = body.path("category").asText("");
        if (!List.of("bug", "idea", "other").contains(category) || body.path("message").asText("").isBlank()) {
            throw new ApiProblem(400, "invalid_request", "category (bug, idea, other) and message are required");
        }
        JsonNode attachment = body.get("attachmentZipBase64");
        if (attachment != null && !attachment.isNull()) {
            byte[] zip;
            try {
                zip = java.util.Base64.getDecoder().decode(attachment.asText());
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "invalid_request", "attachmentZipBase64 is not base64");
            }
            if (zip.length > 5_000_000) {
                throw new ApiProblem(413, "payload_too_large", "attachment larger than 5,000,000 bytes");
            }
            if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
                throw new ApiProblem(400, "invalid_request", "attachment is not a ZIP");
            }
        }
        feedback.add(body.deepCopy());
        return new Answer(202, json.createObjectNode().put("feedbackId", "fb-" + UUID.randomUUID())
                .put("receivedAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    private Answer releases(Request request) {
        Fields query = Request.extractQueryParameters(request);
        String os = query.getValue("os");
        String arch = query.getValue("arch");
        String channel = query.getValue("channel");
        if (!List.of("linux", "windows", "macos").contains(os) || !List.of("x64", "arm64").contains(arch)
                || !List.of("stable", "beta").contains(channel)) {
            throw new ApiProblem(400, "invalid_parameter", "os, arch and channel are required");
        }
        String version = channel.equals("beta") ? "1.5.0-beta.2" : "1.4.0";
        ObjectNode body = json.createObjectNode()
                .put("version", version)
                .put("publishedAt", "2026-11-18T09:00:00Z")
                .put("notes", "Corrections et améliorations de la synchronisation.")
                .put("url", "https://downloads.novaevo.fr/workstation/" + version + "/" + os + "-" + arch)
                .put("sha256", "3f0b6c1e9a7d2b4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5");
        return new Answer(200, body);
    }

    private JsonNode readJson(Request request) throws Exception {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(400, "invalid_request", "Content-Type must be application/json");
        }
        long length = request.getLength();
        if (length > MAX_BODY) {
            throw new ApiProblem(413, "payload_too_large", "body too large");
        }
        String text = Content.Source.asString(request, StandardCharsets.UTF_8);
        if (text.length() > MAX_BODY) {
            throw new ApiProblem(413, "payload_too_large", "body too large");
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ApiProblem(400, "invalid_json", "empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "invalid_json", "body is not JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new ApiProblem(400, "invalid_request", field + " is required");
        }
        return value.asText();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private ObjectNode problemNode(int status, String code, String detail) {
        return json.valueToTree(Problem.of(status, code, detail));
    }

    private void writeProblem(Response response, Callback callback, ApiProblem problem) {
        try {
            String retryAfter = problem.retryAfterSeconds == null ? null : problem.retryAfterSeconds.toString();
            write(response, callback, problem.status, "application/problem+json",
                    json.writeValueAsString(problemNode(problem.status, problem.code, problem.getMessage())), retryAfter);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
    }

    private static void write(Response response, Callback callback, int status, String contentType, String body,
                              String retryAfter) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        if (retryAfter != null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
        }
        if (status == 401) {
            // RFC 6750: a 401 names its scheme.
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"novaevo\"");
        }
        Content.Sink.write(response, true, body, callback);
    }

}
