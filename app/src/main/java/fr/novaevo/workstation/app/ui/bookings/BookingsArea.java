package fr.novaevo.workstation.app.ui.bookings;

import java.util.function.Consumer;
import java.util.function.Function;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSession;
import fr.novaevo.workstation.app.ui.Area;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendez-vous & commissions: the garage's agenda and bookings, their sync with the platform, conflicts,
 * the dead-letter list and commissions. It works on the window's one platform session ({@link
 * PlatformConnection}, opened the first time the area is shown in demo mode); every database and network
 * call runs on the session's thread, and results come back through {@link FxExecutor}.
 */
public final class BookingsArea implements Area {

    public static final String ID = "bookings";

    private static final Logger LOG = LoggerFactory.getLogger(BookingsArea.class);

    private final UiContext context;
    private final Consumer<SyncStatus> statusListener = this::statusChanged;
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
        view.root().getProperties().put(BookingsArea.class, this); // the area behind the view, for tests
        context.platform().removeStatusListener(statusListener);
        context.platform().addStatusListener(statusListener);
        BookingsView shown = view;
        context.platform().session().whenCompleteAsync((s, failure) -> {
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

    /** On the sync thread: handed to the view on the JavaFX thread. */
    private void statusChanged(SyncStatus status) {
        FxExecutor.INSTANCE.execute(() -> {
            if (view != null) {
                view.statusChanged(status);
            }
        });
    }

    /**
     * Runs {@code work} on the session's thread, then {@code done} on the JavaFX thread, or {@code failed}
     * there with the cause.
     */
    <T> void run(Function<PlatformSession, T> work, Consumer<T> done, Consumer<Throwable> failed) {
        context.platform().run(work).whenCompleteAsync((result, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                LOG.warn("bookings: operation failed ({})", cause.toString());
                failed.accept(cause);
            } else {
                done.accept(result);
            }
        }, FxExecutor.INSTANCE);
    }

    /** The vehicle at the bench as this area sees it (tests read its odometer the way the button does). */
    fr.novaevo.workstation.app.ui.BenchVehicle benchVehicle() {
        return context.benchVehicle();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void dispose() {
        context.platform().removeStatusListener(statusListener);
        if (view != null) {
            view.dispose();
            view = null;
        }
    }
}
