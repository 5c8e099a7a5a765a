package fr.novaevo.workstation.sync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.sync.testing.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Fault injection of the emulator. */
class EmulatorFaultTest extends EmulatorTestSupport {

    private String noteBatch(UUID id, String note) {
        return batch(op(UUID.randomUUID(), "booking", id, "update", 1L, fields("notes", note)));
    }

    @Test
    void unavailableAndRateLimitedCarryRetryAfterAndProcessNothing() throws Exception {
        UUID id = create(walkIn("2026-11-24T09:00:00Z", 60, "Pont 2"));
        emulator.faults().once(Endpoint.PUSH, Fault.unavailable(7)).once(Endpoint.PUSH, Fault.rateLimited(3));

        RawHttp.Reply unavailable = http.push(UUID.randomUUID().toString(), noteBatch(id, "a"));
        RawHttp.Reply limited = http.push(UUID.randomUUID().toString(), noteBatch(id, "b"));

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.headers().get("retry-after")).isEqualTo("7");
        assertThat(unavailable.code()).isEqualTo("unavailable");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().get("retry-after")).isEqualTo("3");
        assertThat(emulator.state().booking(id).orElseThrow().get("rev").asLong()).isEqualTo(1);
    }

    @Test
    void serverErrorIs500() throws Exception {
        emulator.faults().once(Endpoint.CHANGES, Fault.serverError());
        RawHttp.Reply reply = http.get("sync/changes");
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.code()).isEqualTo("internal_error");
        assertThat(http.get("sync/changes").status()).isEqualTo(200);
    }

    @Test
    void aDroppedPushWasAppliedAndTheSameBatchReplaysItsAnswer() throws Exception {
        UUID id = create(walkIn("2026-11-24T09:00:00Z", 60, "Pont 2"));
        String key = UUID.randomUUID().toString();
        String body = noteBatch(id, "Pare-brise fissuré");
        emulator.faults().once(Endpoint.PUSH, Fault.dropAfterProcessing());

        assertThatThrownBy(() -> http.push(key, body)).isInstanceOf(IOException.class);
        assertThat(emulator.state().booking(id).orElseThrow().get("notes").asText()).isEqualTo("Pare-brise fissuré");

        RawHttp.Reply retry = http.push(key, body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().at("/results/0/status").asText()).isEqualTo("applied");
        assertThat(retry.json().at("/results/0/rev").asLong()).isEqualTo(2);
        assertThat(emulator.state().booking(id).orElseThrow().get("rev").asLong()).isEqualTo(2);
    }

    @Test
    void garbageBodyIsNotJson() throws Exception {
        emulator.faults().once(Endpoint.CHANGES, Fault.garbageBody());
        RawHttp.Reply reply = http.get("sync/changes");
        assertThat(reply.status()).isEqualTo(200);
        assertThatThrownBy(reply::json).isInstanceOf(AssertionError.class);
    }

    @Test
    void expireTokenFaultMakesTheNextCallTokenExpired() throws Exception {
        emulator.faults().once(Endpoint.CHANGES, Fault.expireToken());
        assertThat(http.get("sync/changes").code()).isEqualTo("token_expired");
    }

    @Test
    void theSameKeyWhileTheBatchIsProcessedIsInProgress() throws Exception {
        UUID id = create(walkIn("2026-11-24T09:00:00Z", 60, "Pont 2"));
        String key = UUID.randomUUID().toString();
        String body = noteBatch(id, "x");
        emulator.faults().once(Endpoint.PUSH, Fault.latency(Duration.ofMillis(1500)));

        CompletableFuture<RawHttp.Reply> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return http.push(key, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        RawHttp.Reply concurrent = awaitInProgress(key, body);

        assertThat(concurrent.status()).isEqualTo(409);
        assertThat(concurrent.code()).isEqualTo("idempotency_in_progress");
        assertThat(slow.get(20, TimeUnit.SECONDS).json().at("/results/0/status").asText()).isEqualTo("applied");
    }

    /** Waits (with a deadline) until the slow request holds the key, then sends the same batch again. */
    private RawHttp.Reply awaitInProgress(String key, String body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!emulator.idempotency().inProgress(key)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the slow batch never started");
            }
            Thread.sleep(5);
        }
        return http.push(key, body);
    }

    @Test
    void aConcurrentEditChangesTheBookingJustBeforeThePushIsProcessed() throws Exception {
        UUID id = create(walkIn("2026-11-24T09:00:00Z", 60, "Pont 2"));
        emulator.faults().once(Endpoint.PUSH, Fault.concurrentEdit());

        RawHttp.Reply reply = http.push(UUID.randomUUID().toString(), noteBatch(id, "mine"));

        assertThat(reply.json().at("/results/0/status").asText()).isEqualTo("conflict");
        assertThat(reply.json().at("/results/0/current/notes").asText()).startsWith("Modifié par le bureau");
        assertThat(reply.json().at("/results/0/current/rev").asLong()).isEqualTo(2);
    }

    @Test
    void chaosIsSeededAndCounted() throws Exception {
        emulator.faults().chaos(42, 1.0, Set.of(Endpoint.PING), List.of(Fault.serverError()));
        assertThat(http.get("sync/ping").status()).isEqualTo(500);
        assertThat(emulator.faults().injectedCount()).isEqualTo(1);
        emulator.faults().clear();
        assertThat(http.get("sync/ping").status()).isEqualTo(200);
    }
}
