package fr.novaevo.workstation.app.ui.bookings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.sync.SyncModule;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import fr.novaevo.workstation.sync.store.BookingConflict;
import fr.novaevo.workstation.sync.store.DeadLetter;
import fr.novaevo.workstation.sync.store.LocalBooking;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The area's window content: the sync bar (demo label, sync state, "Synchroniser", new walk-in), the tabs
 * (agenda, list, commissions, conflicts, dead letters) and, on the right, the selected booking or the
 * walk-in form. Holds the last snapshot read from the local store; only the JavaFX thread touches it.
 */
final class BookingsView {

    /** What the local store holds now, read on the worker. */
    record Snapshot(List<LocalBooking> bookings, List<BookingConflict> conflicts, List<DeadLetter> deadLetters) {
    }

    private final UiContext context;
    private final BookingsArea area;
    private final BookingsFormat format;
    private final BorderPane root = new BorderPane();
    private final Label demo = new Label();
    private final Label syncState = new Label();
    private final Label message = new Label();
    private final Button sync = new Button();
    private final Button newBooking = new Button();
    private final TabPane tabs = new TabPane();
    private final Tab conflictsTab;
    private final Tab deadLettersTab;
    private final ScrollPane side = new ScrollPane();
    private final AgendaPane agenda;
    private final BookingListPane list;
    private final BookingDetailPane detail;
    private final CommissionsPane commissions;
    private final ConflictsPane conflicts;
    private final DeadLettersPane deadLetters;
    private final Timeline countdown;
    private Snapshot snapshot = new Snapshot(List.of(), List.of(), List.of());
    private SyncStatus status;
    private Instant statusReceived = Instant.now();
    private UUID selected;
    private boolean ready;
    private boolean reloading;
    private boolean reloadAgain;
    private boolean disposed;

    BookingsView(UiContext context, BookingsArea area) {
        this.context = context;
        this.area = area;
        this.format = new BookingsFormat(context.i18n());
        root.setId("bookings-view");
        root.getStyleClass().add("bookings-view");

        Label title = Views.title(format.t("bookings.title"));
        title.setMinWidth(Region.USE_PREF_SIZE);
        demo.setId("bookings-demo");
        demo.setText(format.t("bookings.demo"));
        demo.getStyleClass().add("bookings-demo");
        demo.setMinWidth(Region.USE_PREF_SIZE);
        demo.setVisible(false);
        demo.setManaged(false);
        syncState.setId("bookings-sync-state");
        syncState.getStyleClass().add("bookings-sync-state");
        syncState.setText(format.t("bookings.state.starting"));
        syncState.setMinWidth(Region.USE_PREF_SIZE);
        sync.setId("bookings-sync");
        sync.setText(format.t("bookings.sync.now"));
        sync.getStyleClass().add("primary");
        sync.setMinWidth(Region.USE_PREF_SIZE);
        sync.setDisable(true);
        sync.setOnAction(e -> synchronize());
        newBooking.setId("bookings-new");
        newBooking.setText(format.t("bookings.new"));
        newBooking.setMinWidth(Region.USE_PREF_SIZE);
        newBooking.setDisable(true);
        newBooking.setOnAction(e -> showWalkInForm());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(14, title, demo);
        heading.setAlignment(Pos.CENTER_LEFT);
        message.setId("bookings-message");
        message.setWrapText(true);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(12, syncState, sync, newBooking, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("bookings-bar");
        VBox top = new VBox(8, heading, bar);
        top.getStyleClass().add("bookings-top");
        root.setTop(top);

        agenda = new AgendaPane(this);
        list = new BookingListPane(this);
        detail = new BookingDetailPane(this);
        commissions = new CommissionsPane(this);
        conflicts = new ConflictsPane(this);
        deadLetters = new DeadLettersPane(this);
        tabs.setId("bookings-tabs");
        tabs.getTabs().addAll(tab("agenda", "bookings.tab.agenda", agenda.view()),
                tab("list", "bookings.tab.list", list.view()),
                tab("commissions", "bookings.tab.commissions", commissions.view()));
        conflictsTab = tab("conflicts", "bookings.tab.conflicts", conflicts.view());
        deadLettersTab = tab("deadletters", "bookings.tab.deadletters", deadLetters.view());
        tabs.getTabs().addAll(conflictsTab, deadLettersTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            sideVisibility();
            if (now != null && now.getId().equals("tab-bookings-commissions")) {
                commissions.reload();
            }
        });
        root.setCenter(tabs);
        side.setId("bookings-side");
        side.setFitToWidth(true);
        side.setPrefWidth(400);
        side.setMinWidth(380);
        side.getStyleClass().add("bookings-side");
        showDetail();
        root.setRight(side);

        countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> showStatus()));
        countdown.setCycleCount(Timeline.INDEFINITE);
        countdown.play();
    }

    private Tab tab(String id, String key, Node content) {
        Tab tab = new Tab(format.t(key), content);
        tab.setId("tab-bookings-" + id);
        tab.setClosable(false);
        return tab;
    }

    Node root() {
        return root;
    }

    BookingsFormat format() {
        return format;
    }

    UiContext context() {
        return context;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    Optional<LocalBooking> booking(UUID id) {
        return snapshot.bookings().stream().filter(b -> b.booking().id().equals(id)).findFirst();
    }

    // ------------------------------------------------------------ session and status

    void sessionReady(boolean demoMode, SyncStatus initial) {
        ready = true;
        demo.setVisible(demoMode);
        demo.setManaged(demoMode);
        sync.setDisable(false);
        newBooking.setDisable(false);
        statusChanged(initial);
    }

    void sessionFailed(Throwable failure) {
        syncState.setText(format.t("bookings.state.unavailable"));
        setStyle(syncState, "bookings-state-error");
        message(format.t("bookings.session.failed", format.error(failure)), "message-error");
    }

    /** A new sync status (after each cycle): shown, and the local store read again. */
    void statusChanged(SyncStatus now) {
        if (disposed) {
            return;
        }
        boolean cycleRan = status == null || !java.util.Objects.equals(status.lastSyncedAt(), now.lastSyncedAt());
        status = now;
        statusReceived = Instant.now();
        if (cycleRan && message.getStyleClass().contains("message-ok")) {
            message.setText(""); // "waiting to be sent" is no longer news (a local change keeps its message)
        }
        showStatus();
        reload();
    }

    private void showStatus() {
        if (status == null) {
            return;
        }
        syncState.setText(format.syncStatus(status,
                SyncStatusText.retryIn(status, java.time.Duration.between(statusReceived, Instant.now()))));
        setStyle(syncState, switch (status.kind()) {
            case SYNCED -> "bookings-state-ok";
            case PENDING -> "bookings-state-pending";
            case CONFLICTS, OFFLINE -> "bookings-state-warning";
            case SIGN_IN_REQUIRED, UPDATE_REQUIRED -> "bookings-state-error";
        });
    }

    private static void setStyle(Label label, String style) {
        label.getStyleClass().removeIf(s -> s.startsWith("bookings-state-"));
        label.getStyleClass().add(style);
    }

    /** "Synchroniser": a cycle on the scheduler's thread, never on this one. */
    private void synchronize() {
        sync.setDisable(true);
        syncState.setText(format.t("bookings.state.running"));
        area.run(s -> {
            s.module().scheduler().requestNow();
            return null;
        }, done -> sync.setDisable(false), failure -> {
            sync.setDisable(false);
            message(format.error(failure), "message-error");
        });
    }

    /** Reads the local store again (coalesced: one read at a time, one more if asked meanwhile). */
    void reload() {
        if (!ready || disposed) {
            return;
        }
        if (reloading) {
            reloadAgain = true;
            return;
        }
        reloading = true;
        area.run(s -> new Snapshot(s.module().bookings().all(), s.module().conflicts().all(),
                s.module().deadLetters().all()), loaded -> {
                    reloading = false;
                    show(loaded);
                    if (reloadAgain) {
                        reloadAgain = false;
                        reload();
                    }
                }, failure -> {
                    reloading = false;
                    message(format.error(failure), "message-error");
                });
    }

    private void show(Snapshot loaded) {
        if (disposed) {
            return;
        }
        snapshot = loaded;
        agenda.show(loaded);
        list.show(loaded);
        conflicts.show(loaded);
        deadLetters.show(loaded);
        conflictsTab.setText(format.t("bookings.tab.conflicts.count", loaded.conflicts().size()));
        deadLettersTab.setText(format.t("bookings.tab.deadletters.count", loaded.deadLetters().size()));
        if (!(side.getContent() instanceof WalkInForm.View)) {
            showDetail();
        }
        if (tabs.getSelectionModel().getSelectedItem() != null
                && tabs.getSelectionModel().getSelectedItem().getId().equals("tab-bookings-commissions")) {
            commissions.reload();
        }
    }

    // ------------------------------------------------------------ selection, detail, changes

    UUID selected() {
        return selected;
    }

    void select(UUID id) {
        if (id != null && id.equals(selected) && !(side.getContent() instanceof WalkInForm.View)) {
            return;
        }
        selected = id;
        agenda.selectionChanged();
        list.selectionChanged();
        showDetail();
    }

    /** The side shows the selected booking or the walk-in form, beside the agenda, the list or the conflicts. */
    private void sideVisibility() {
        Tab current = tabs.getSelectionModel().getSelectedItem();
        boolean bookingsTab = current != null && (current.getId().equals("tab-bookings-agenda")
                || current.getId().equals("tab-bookings-list") || current.getId().equals("tab-bookings-conflicts"));
        boolean shown = side.getContent() instanceof WalkInForm.View
                || (bookingsTab && selected != null && booking(selected).isPresent());
        side.setVisible(shown);
        side.setManaged(shown);
    }

    private void showDetail() {
        side.setContent(detail.show(selected == null ? null : booking(selected).orElse(null),
                selected == null ? List.of()
                        : snapshot.conflicts().stream().filter(c -> c.bookingId().equals(selected)).toList()));
        sideVisibility();
    }

    private void showWalkInForm() {
        side.setContent(new WalkInForm(this).view());
        side.setVvalue(0);
        sideVisibility();
    }

    void closeWalkInForm(UUID created) {
        side.setContent(null);
        if (created != null) {
            selected = created;
        }
        showDetail();
        agenda.selectionChanged();
        list.selectionChanged();
    }

    /**
     * A local change on the worker (written with its outbox entry by the repository), then the store read
     * again; the change is sent by the next cycle or by "Synchroniser".
     */
    <T> void change(Function<SyncModule, T> work, String done, Consumer<T> after) {
        area.run(s -> work.apply(s.module()), result -> {
            if (done != null) {
                message(done, "message-ok");
            }
            if (after != null) {
                after.accept(result);
            }
            refreshStatus();
            reload();
        }, failure -> {
            message(format.error(failure), "message-error");
            reload(); // the detail is drawn again from the store, its buttons enabled
        });
    }

    /** The counts changed locally (pending, conflicts): the status is read again, here and in the status bar. */
    private void refreshStatus() {
        context.platform().localChange();
    }

    /** Reads on the worker, for the panes (commissions, overlap checks). */
    <T> void read(Function<SyncModule, T> work, Consumer<T> done) {
        area.run(s -> work.apply(s.module()), done, failure -> message(format.error(failure), "message-error"));
    }

    void message(String text, String style) {
        message.setText(text);
        message.getStyleClass().removeAll("message-ok", "message-warning", "message-error");
        message.getStyleClass().add(style);
    }

    void dispose() {
        disposed = true;
        countdown.stop();
    }
}
