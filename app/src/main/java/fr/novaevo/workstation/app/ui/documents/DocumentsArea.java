package fr.novaevo.workstation.app.ui.documents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import fr.novaevo.workstation.app.bootstrap.DocumentBatches;
import fr.novaevo.workstation.app.ui.Area;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.documents.supervision.SupervisionView;
import fr.novaevo.workstation.app.ui.documents.supervision.WatchFolderView;
import fr.novaevo.workstation.ocr.batch.DocumentState;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Documents: batches (drop files and folders, create, follow, cancel, export), the review queue and the review
 * of one document beside its page. Every database and file access runs on the area's worker thread; results
 * come back through {@link FxExecutor}. The batches themselves run in the workstation's
 * {@link DocumentBatches}, so leaving the area (or closing the window) never stops them.
 */
public final class DocumentsArea implements Area {

    public static final String ID = "documents";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentsArea.class);

    private final UiContext context;
    private ExecutorService worker;
    private Timeline poll;
    private final Set<Long> quickChecks = new LinkedHashSet<>();
    private boolean following;
    private View view;

    public DocumentsArea(UiContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "documents.nav";
    }

    @Override
    public Node createView() {
        dispose();
        worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("documents-worker").daemon(true).factory());
        view = new View(context, this);
        // The window keeps areas alive when another is shown: read the batches only while this one is on screen.
        poll = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            if (view.getScene() != null) {
                view.refresh();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        view.refresh();
        view.getProperties().put(DocumentsArea.class, this); // the area behind the view, for tests
        return view;
    }

    DocumentBatches documents() {
        return context.workstation().documents();
    }

    /** Runs {@code work} on the area's worker, then {@code done} or {@code failed} on the JavaFX thread. */
    <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        ExecutorService executor = worker;
        if (executor == null || executor.isShutdown()) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor).whenCompleteAsync((result, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.warn("documents: operation failed ({})", cause.toString());
                failed.accept(cause);
            } else {
                done.accept(result);
            }
        }, FxExecutor.INSTANCE);
    }

    /** Runs {@code task} on the area's worker (the supervision tabs' database and file work). */
    void execute(Runnable task) {
        ExecutorService executor = worker;
        if (executor != null && !executor.isShutdown()) {
            executor.execute(task);
        }
    }

    /** Opens the review of the batch's document once it is read (a quick check, the example). */
    void followQuickCheck(long batchId) {
        quickChecks.add(batchId);
    }

    private void followQuickChecks() {
        if (quickChecks.isEmpty() || following) {
            return;
        }
        following = true;
        List<Long> followed = List.copyOf(quickChecks);
        run(() -> followed.stream()
                        .filter(id -> documents().store().batch(id).map(b -> b.state().finished()).orElse(true))
                        .collect(Collectors.toMap(id -> id, id -> documents().store().rows(id))),
                finished -> {
                    following = false;
                    finished.forEach((id, rows) -> {
                        quickChecks.remove(id);
                        rows.stream().filter(r -> r.state() == DocumentState.COMPLETED).findFirst()
                                .ifPresent(r -> review(r.id()));
                    });
                }, failure -> {
                    following = false;
                    quickChecks.clear();
                });
    }

    /** Opens the review of one document of a batch. */
    void review(long documentId) {
        if (view != null) {
            view.review(documentId);
        }
    }

    @Override
    public void dispose() {
        if (poll != null) {
            poll.stop();
            poll = null;
        }
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
        view = null;
    }

    /** The area's tabs: batches, review queue, review, supervision (throughput, alerts, history), watch folder. */
    static final class View extends TabPane implements MainWindow.TabbedView {
        private final BatchesView batches;
        private final ReviewQueueView queue;
        private final ReviewView review;
        private final Tab reviewTab;
        private final SupervisionView supervision;
        private final WatchFolderView watchFolder;

        private final DocumentsArea area;

        View(UiContext context, DocumentsArea area) {
            this.area = area;
            setId("documents-view");
            getStyleClass().add("documents-tabs");
            batches = new BatchesView(context, area);
            queue = new ReviewQueueView(context, area);
            review = new ReviewView(context, area);
            reviewTab = tab(context, "review", "documents.tab.review", review.root());
            getTabs().addAll(tab(context, "batches", "documents.tab.batches", batches.root()),
                    tab(context, "queue", "documents.tab.queue", queue.root()), reviewTab);
            supervision = new SupervisionView(context, area::execute);
            watchFolder = new WatchFolderView(context, area::execute);
            getTabs().addAll(tab(context, "supervision", "docsup.tab.supervision", supervision.root()),
                    tab(context, "watch", "docsup.tab.watch", watchFolder.root()));
        }

        private static Tab tab(UiContext context, String id, String key, Node content) {
            Tab tab = new Tab(context.i18n().t(key), content);
            tab.setId("tab-documents-" + id);
            tab.setClosable(false);
            return tab;
        }

        void refresh() {
            String selected = getSelectionModel().getSelectedItem() == null ? ""
                    : getSelectionModel().getSelectedItem().getId();
            if (selected.equals("tab-documents-batches")) {
                batches.refresh();
            } else if (selected.equals("tab-documents-queue")) {
                queue.refresh();
            } else if (selected.equals("tab-documents-supervision")) {
                supervision.refresh();
            } else if (selected.equals("tab-documents-watch")) {
                watchFolder.refresh();
            }
            area.followQuickChecks();
        }

        BatchesView batches() {
            return batches;
        }

        ReviewQueueView queue() {
            return queue;
        }

        SupervisionView supervision() {
            return supervision;
        }

        WatchFolderView watchFolder() {
            return watchFolder;
        }

        void review(long documentId) {
            getSelectionModel().select(reviewTab);
            review.open(documentId);
        }

        @Override
        public void selectTab(String tabId) {
            getTabs().stream().filter(t -> t.getId().equals("tab-documents-" + tabId)).findFirst()
                    .ifPresent(t -> getSelectionModel().select(t));
        }
    }
}
