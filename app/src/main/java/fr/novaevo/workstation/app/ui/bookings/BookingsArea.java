package fr.novaevo.workstation.app.ui.bookings;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import fr.novaevo.workstation.app.ui.Area;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendez-vous & commissions: the garage's agenda and bookings, their sync with the platform, conflicts,
 * the dead-letter list and commissions. The sync session (and, in demo mode, the platform emulator) starts
 * the first time the area is shown and stops in {@link #dispose()}. Every database and network call runs on
 * the area's own worker thread; results come back through {@link FxExecutor}.
 */
public final class BookingsArea implements Area {

    public static final String ID = "bookings";
    /** Time between two scheduled cycles (seconds); tests raise it so that only their clicks sync. */
    static final String INTERVAL_PROPERTY = "novaevo.bookings.syncIntervalSeconds";
    /** Demo mode: seconds between two platform-side events (0: none). */
    static final String ACTIVITY_PROPERTY = "novaevo.bookings.demoActivitySeconds";

    private static final Logger LOG = LoggerFactory.getLogger(BookingsArea.class);

    private final UiContext context;
    private ExecutorService worker;
    private CompletableFuture<BookingsSession> session;
    private BookingsView view;

    public BookingsArea(UiContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "bookings.nav";
    }

    @Override
    public Node createView() {
        if (view != null) {
            view.dispose();
        }
        view = new BookingsView(context, this);
        BookingsView created = view;
        created.syncStateText().addListener((obs, before, text) ->
                context.shell().platformState(text, created.demoShown()));
        view.root().getProperties().put(BookingsArea.class, this); // the area behind the view, for tests
        startSession();
        BookingsView shown = view;
        session.whenCompleteAsync((s, failure) -> {
            if (shown != view) {
                return;
            }
            if (failure != null) {
                shown.sessionFailed(unwrap(failure));
            } else {
                shown.sessionReady(s.demo(), s.module().scheduler().status());
            }
        }, FxExecutor.INSTANCE);
        return view.root();
    }

    private synchronized void startSession() {
        if (session != null && !session.isCompletedExceptionally()) {
            return;
        }
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bookings-worker");
                t.setDaemon(true);
                return t;
            });
        }
        Duration interval = Duration.ofSeconds(Long.getLong(INTERVAL_PROPERTY, 60L));
        long activity = Long.getLong(ACTIVITY_PROPERTY, 30L);
        session = CompletableFuture.supplyAsync(() -> {
            BookingsSession opened = BookingsSession.open(context.workstation(), interval,
                    activity > 0 ? Duration.ofSeconds(activity) : null);
            opened.module().scheduler().addListener(this::statusChanged);
            opened.module().scheduler().start();
            return opened;
        }, worker);
    }

    /** On the sync thread: handed to the view on the JavaFX thread. */
    private void statusChanged(SyncStatus status) {
        FxExecutor.INSTANCE.execute(() -> {
            if (view != null) {
                view.statusChanged(status);
            }
        });
    }

    /**
     * Runs {@code work} on the worker with the open session, then {@code done} on the JavaFX thread, or
     * {@code failed} there with the cause.
     */
    <T> void run(Function<BookingsSession, T> work, Consumer<T> done, Consumer<Throwable> failed) {
        CompletableFuture<BookingsSession> current;
        ExecutorService executor;
        synchronized (this) {
            current = session;
            executor = worker;
        }
        if (current == null || executor == null || executor.isShutdown()) {
            return;
        }
        current.thenApplyAsync(work, executor).whenCompleteAsync((result, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                LOG.warn("bookings: operation failed ({})", cause.toString());
                failed.accept(cause);
            } else {
                done.accept(result);
            }
        }, FxExecutor.INSTANCE);
    }

    /** The demo's platform emulator once started (tests act on the platform side through it). */
    synchronized java.util.Optional<fr.novaevo.workstation.sync.emulator.PlatformEmulator> demoPlatform() {
        if (session == null || !session.isDone() || session.isCompletedExceptionally()) {
            return java.util.Optional.empty();
        }
        return session.join().emulator();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void dispose() {
        if (view != null) {
            view.dispose();
            view = null;
        }
        CompletableFuture<BookingsSession> current;
        ExecutorService executor;
        synchronized (this) {
            current = session;
            executor = worker;
            session = null;
            worker = null;
        }
        if (executor == null) {
            return;
        }
        CompletableFuture<Void> closed = current == null ? CompletableFuture.completedFuture(null)
                : current.handleAsync((s, failure) -> {
                    if (s != null) {
                        s.close();
                    }
                    return null;
                }, executor);
        try {
            closed.get(20, TimeUnit.SECONDS);
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("bookings worker did not stop within 5 s");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("bookings session did not close cleanly", e);
            executor.shutdownNow();
        }
    }
}
