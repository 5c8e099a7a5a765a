package fr.novaevo.workstation.app.bootstrap.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.sync.client.CredentialStore;
import fr.novaevo.workstation.sync.client.PlatformClient;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import fr.novaevo.workstation.sync.model.FeedbackReceipt;
import fr.novaevo.workstation.sync.model.FeedbackRequest;
import fr.novaevo.workstation.sync.model.KbisRequest;
import fr.novaevo.workstation.sync.model.KbisVerification;
import fr.novaevo.workstation.sync.model.PartsOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's one platform session, owned by the main window and shared by everything that talks to
 * the platform: the Rendez-vous area, the status bar, parts offers, Kbis verification, "Signaler un problème"
 * and the commands typed while the window is open. It opens on first use (at once when a platform is
 * configured) and again after Paramètres name another platform or garage. Opening, closing and the work
 * handed to {@link #run} happen on one thread of its own, so the JavaFX thread never waits for the network
 * or the database, and two openings can never race.
 *
 * <p>Status listeners stay registered across reopenings; they are called on the sync thread.
 */
public final class PlatformConnection implements AutoCloseable {

    /** Time between two scheduled cycles (seconds); the UI tests raise it so that only their clicks sync. */
    public static final String INTERVAL_PROPERTY = "novaevo.bookings.syncIntervalSeconds";
    /** Demo mode: seconds between two platform-side events (0: none). */
    public static final String ACTIVITY_PROPERTY = "novaevo.bookings.demoActivitySeconds";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformConnection.class);
    private static final Duration OPEN_DEADLINE = Duration.ofSeconds(30);

    private final Workstation workstation;
    private final ExecutorService worker;
    /** Online calls (offers, Kbis, feedback): a slow network never holds the session's thread. */
    private final ExecutorService calls;
    private final List<Consumer<SyncStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private CompletableFuture<PlatformSession> session;
    /** A session replaced by new settings: closed by the next opening, before it opens its own. */
    private CompletableFuture<PlatformSession> retiring;
    private boolean closed;

    public PlatformConnection(Workstation workstation) {
        this.workstation = workstation;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "platform-session");
            t.setDaemon(true);
            return t;
        });
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "platform-call");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the session now when a platform is configured, so that the status bar tells its state from the start. */
    public void openIfConfigured() {
        if (!PlatformSession.Target.of(workstation.settings()).demo()) {
            session();
        }
    }

    /** The session, opening it (in the background) if it is not open or failed to open. */
    public synchronized CompletableFuture<PlatformSession> session() {
        if (closed) {
            return CompletableFuture.failedFuture(new WorkstationException("SYNC-SESSION-CLOSED",
                    "the workstation is closing"));
        }
        if (session == null || session.isCompletedExceptionally()) {
            Duration interval = Duration.ofSeconds(Long.getLong(INTERVAL_PROPERTY, 60L));
            long activity = Long.getLong(ACTIVITY_PROPERTY, 30L);
            CompletableFuture<PlatformSession> previous = retiring;
            retiring = null;
            session = CompletableFuture.supplyAsync(() -> {
                if (previous != null) {
                    // Opened earlier on this same thread, so it is done: never two schedulers on one store.
                    closeQuietly(previous.handle((s, failure) -> s).join());
                }
                PlatformSession opened = PlatformSession.open(workstation, interval,
                        activity > 0 ? Duration.ofSeconds(activity) : null);
                opened.module().scheduler().addListener(this::publish);
                opened.module().scheduler().start();
                return opened;
            }, worker);
        }
        return session;
    }

    /** The session if it is open now, without opening it. */
    public synchronized Optional<PlatformSession> current() {
        return session != null && session.isDone() && !session.isCompletedExceptionally()
                ? Optional.of(session.join()) : Optional.empty();
    }

    /**
     * The session, waiting for it to open (for a command or a call that already runs off the JavaFX thread).
     *
     * @throws WorkstationException {@code SYNC-SESSION-UNAVAILABLE} when it cannot be opened within 30 s
     */
    public PlatformSession await() {
        try {
            return session().get(OPEN_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new WorkstationException("SYNC-SESSION-UNAVAILABLE", "the platform session cannot be opened: "
                    + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new WorkstationException("SYNC-SESSION-UNAVAILABLE", "the platform session did not open within "
                    + OPEN_DEADLINE.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkstationException("SYNC-SESSION-UNAVAILABLE", "interrupted while opening the platform session", e);
        }
    }

    /** Runs {@code work} on the session's thread once it is open. */
    public <T> CompletableFuture<T> run(Function<PlatformSession, T> work) {
        return session().thenApplyAsync(work, worker);
    }

    /**
     * A call to the platform's online services through the session's client (sign-in, deadlines and typed
     * errors included), on a thread of its own.
     */
    public <T> CompletableFuture<T> online(Function<PlatformClient, T> call) {
        return session().thenApplyAsync(s -> call.apply(s.module().client()), calls);
    }

    /** Partner parts offers for a fault code ({@code parts/offers}); {@code vin} may be null. */
    public CompletableFuture<PartsOffers> partsOffers(String vin, String dtc) {
        return online(client -> client.partsOffers(vin, dtc, null));
    }

    /** Checks the fields read from a Kbis with the platform ({@code verifications/kbis}), for the Documents area. */
    public CompletableFuture<KbisVerification> verifyKbis(KbisRequest request) {
        return online(client -> client.verifyKbis(request));
    }

    /**
     * "Signaler un problème": {@code report} builds the request knowing the session's secrets (so that they are
     * removed from the attached logs), then it is sent ({@code POST feedback}).
     */
    public CompletableFuture<FeedbackReceipt> sendFeedback(Function<CredentialStore, FeedbackRequest> report) {
        return session().thenApplyAsync(s -> s.module().client().sendFeedback(report.apply(s.credentials())), calls);
    }

    public void addStatusListener(Consumer<SyncStatus> listener) {
        statusListeners.add(listener);
    }

    public void removeStatusListener(Consumer<SyncStatus> listener) {
        statusListeners.remove(listener);
    }

    /**
     * Something changed the local store outside a cycle (a command typed in a terminal, a sale declared):
     * the counts are read again and every listener hears the new status.
     */
    public void localChange() {
        current().ifPresent(s -> worker.execute(() -> publish(s.module().scheduler().refreshStatus())));
    }

    private void publish(SyncStatus status) {
        statusListeners.forEach(l -> l.accept(status));
    }

    /**
     * Paramètres were saved: a new platform or garage closes the session and opens one for the new target (if
     * one was open); the same target gets a cycle now, since the API key may just have been typed.
     */
    public synchronized void settingsChanged() {
        if (session == null || closed) {
            openIfConfigured();
            return;
        }
        PlatformSession.Target wanted = PlatformSession.Target.of(workstation.settings());
        if (session.isDone() && !session.isCompletedExceptionally() && session.join().target().equals(wanted)) {
            session.join().module().scheduler().requestNow();
            return;
        }
        LOG.info("platform settings changed: the platform session is opened again");
        reopen();
    }

    /** The database was replaced (a restore): the session reads it afresh. */
    public synchronized void dataReplaced() {
        if (session != null && !closed) {
            reopen();
        }
    }

    private void reopen() {
        retiring = session;
        session = null;
        session();
    }

    private static void closeQuietly(PlatformSession s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.warn("platform session did not close cleanly", e);
        }
    }

    @Override
    public void close() {
        CompletableFuture<PlatformSession> last;
        synchronized (this) {
            closed = true;
            last = session;
            session = null;
        }
        statusListeners.clear();
        CompletableFuture<Void> done = last == null ? CompletableFuture.completedFuture(null)
                : last.handleAsync((s, failure) -> {
                    closeQuietly(s);
                    return null;
                }, worker);
        try {
            done.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("platform session did not close within 20 s", e);
        }
        calls.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
