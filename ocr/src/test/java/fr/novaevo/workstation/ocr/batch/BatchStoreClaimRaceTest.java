package fr.novaevo.workstation.ocr.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import fr.novaevo.workstation.core.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers claim at the same time. Worker B reads a pending document, then pauses; worker A claims that
 * document, fails, and puts it back to pending for a retry. When B goes on, its claim must not succeed on what
 * it read earlier (an A-B-A on the state), or the document would be read once more than its attempt limit and
 * before its backoff time. The pause is made deterministic by a JDBC proxy that holds B after its query.
 */
class BatchStoreClaimRaceTest {

    @TempDir
    Path dir;

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aClaimBasedOnAStaleReadMissesAndTakesTheDocumentAsItIsNow() throws Exception {
        Race race = startRace();
        BatchStore store = race.store();
        long batch = race.batch();
        CountDownLatch aIsDone = race.aIsDone();
        CompletableFuture<Optional<BatchDocument>> claimB = race.claimB();
        BatchDocument byA = store.claim(batch, Instant.now()).orElseThrow();
        assertThat(byA.attempts()).isEqualTo(1);
        assertThat(store.retryLater(byA.id(), Instant.now().minusSeconds(1), "engine crashed")).isTrue();
        aIsDone.countDown();

        BatchDocument byB = claimB.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(byB.attempts()).as("B's claim counts A's attempt").isEqualTo(2);
        assertThat(store.documents(batch, DocumentState.RUNNING)).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(byB.attempts()));
    }

    @Test
    void aDocumentWhoseRetryTimeHasNotComeCannotBeClaimedThroughAStaleRead() throws Exception {
        Race race = startRace();
        BatchStore store = race.store();
        long batch = race.batch();
        CountDownLatch aIsDone = race.aIsDone();
        CompletableFuture<Optional<BatchDocument>> claimB = race.claimB();
        BatchDocument byA = store.claim(batch, Instant.now()).orElseThrow();
        store.retryLater(byA.id(), Instant.now().plusSeconds(3600), "engine busy");
        aIsDone.countDown();

        assertThat(claimB.get(30, TimeUnit.SECONDS)).as("the backoff time has not come").isEmpty();
    }

    /** One pending document, and worker B's claim started and held after its read, until {@code aIsDone}. */
    private record Race(BatchStore store, long batch, CountDownLatch aIsDone,
                        CompletableFuture<Optional<BatchDocument>> claimB) {
    }

    private Race startRace() throws Exception {
        database = BatchTestSupport.open(dir.resolve("data"), Clock.systemUTC());
        BatchStore store = new BatchStore(database.dataSource());
        Path file = Files.writeString(dir.resolve("doc.pdf"), "%PDF-1.4");
        long batch = store.create(BatchRequest.now("race", List.of(file), 0),
                BatchInputs.expand(List.of(file)), Instant.now());

        CountDownLatch bHasRead = new CountDownLatch(1);
        CountDownLatch aIsDone = new CountDownLatch(1);
        BatchStore workerB = new BatchStore(pausingAfterFirstClaimQuery(database.dataSource(), bHasRead, aIsDone));
        CompletableFuture<Optional<BatchDocument>> claimB = CompletableFuture.supplyAsync(
                () -> workerB.claim(batch, Instant.now()));

        assertThat(bHasRead.await(30, TimeUnit.SECONDS)).isTrue();
        return new Race(store, batch, aIsDone, claimB);
    }

    /** A data source whose first claim query (the SELECT of pending documents) waits for the other worker. */
    private static DataSource pausingAfterFirstClaimQuery(DataSource real, CountDownLatch hasRead, CountDownLatch resume) {
        AtomicBoolean paused = new AtomicBoolean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                forward(real, (method, args, result) -> method.getName().equals("getConnection")
                        ? proxy(Connection.class, (Connection) result, (m, a, statement) ->
                                m.getName().equals("prepareStatement") && ((String) a[0]).startsWith("SELECT ID, SEQ")
                                        ? proxy(PreparedStatement.class, (PreparedStatement) statement, (q, qa, rows) -> {
                                            if (q.getName().equals("executeQuery") && paused.compareAndSet(false, true)) {
                                                hasRead.countDown();
                                                if (!resume.await(30, TimeUnit.SECONDS)) {
                                                    throw new IllegalStateException("the other worker never finished");
                                                }
                                            }
                                            return rows;
                                        })
                                        : statement)
                        : result));
    }

    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, forward(target, after));
    }

    private static InvocationHandler forward(Object target, AfterCall after) {
        return (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
    }
}
