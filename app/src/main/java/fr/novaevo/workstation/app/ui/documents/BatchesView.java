package fr.novaevo.workstation.app.ui.documents;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import fr.novaevo.workstation.app.bootstrap.DocumentBatches;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.core.jobs.Job;
import fr.novaevo.workstation.core.jobs.Progress;
import fr.novaevo.workstation.ocr.batch.BatchCounts;
import fr.novaevo.workstation.ocr.batch.BatchInfo;
import fr.novaevo.workstation.ocr.batch.DocumentRow;
import fr.novaevo.workstation.ocr.batch.DocumentState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The batches screen: the new batch ({@link NewBatchPane}) beside every batch with its progress, and the
 * documents of the selected one with theirs. Cancel and exports act on the selected batch.
 */
final class BatchesView {

    /** A batch as listed: its record, its documents' states, and its live progress while it is read here. */
    record BatchLine(BatchInfo info, BatchCounts counts, Optional<Progress> live) {
    }

    /** A document as listed, with its pages read while it is being read. */
    record DocumentLine(DocumentRow row, Optional<Progress> reading) {
    }

    private static final int BATCHES_SHOWN = 200;

    private final UiContext context;
    private final DocumentsArea area;
    private final I18n i18n;
    private final DocumentsTexts texts;
    private final ObservableList<BatchLine> batches = FXCollections.observableArrayList();
    private final ObservableList<DocumentLine> documents = FXCollections.observableArrayList();
    private final TableView<BatchLine> batchTable = new TableView<>(batches);
    private final TableView<DocumentLine> documentTable = new TableView<>(documents);
    private final Label message = new Label();
    private final NewBatchPane newBatchPane;
    private final BorderPane root;
    private boolean refreshing;
    private long selectedBatch = -1;

    BatchesView(UiContext context, DocumentsArea area) {
        this.context = context;
        this.area = area;
        this.i18n = context.i18n();
        this.texts = new DocumentsTexts(i18n);

        newBatchPane = new NewBatchPane(context, area, this::created, this::failed);
        VBox newBatch = Views.section(i18n.t("documents.new.title"), newBatchPane.content());
        newBatch.setPrefWidth(390);
        newBatch.setMinWidth(360);
        newBatch.setMaxWidth(420);
        VBox list = Views.section(i18n.t("documents.batches.title"), batchTable(), batchActions());
        VBox docs = Views.section(i18n.t("documents.documents.title"), documentTable());
        VBox.setVgrow(batchTable, Priority.ALWAYS);
        VBox.setVgrow(documentTable, Priority.ALWAYS);
        SplitPane lists = new SplitPane(list, docs);
        lists.setOrientation(Orientation.VERTICAL);
        lists.setDividerPositions(0.5);
        HBox.setHgrow(lists, Priority.ALWAYS);
        // on a small window the form scrolls rather than pushing the message out of sight
        ScrollPane side = new ScrollPane(newBatch);
        side.setFitToWidth(true);
        side.setFitToHeight(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("documents-side");
        side.setMinWidth(380);
        side.setPrefWidth(400);
        HBox sides = new HBox(12, side, lists);
        message.setId("documents-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        // the message keeps its line at the bottom; the lists and the form give up height first
        root = new BorderPane(sides);
        root.setBottom(message);
        BorderPane.setMargin(message, new Insets(8, 0, 0, 0));
        root.getStyleClass().add("area");
        root.setPadding(new Insets(12));
        root.setId("documents-batches");
        newBatchPane.acceptDrops(root);
    }

    BorderPane root() {
        return root;
    }

    NewBatchPane newBatch() {
        return newBatchPane;
    }

    /** A batch was recorded (or the example started): select it and say so. */
    private void created(long id, String said) {
        selectedBatch = id;
        message.getStyleClass().setAll("label", "message-ok");
        message.setText(said);
        refresh();
    }

    // ------------------------------------------------------------------ batches and documents

    private TableView<BatchLine> batchTable() {
        batchTable.setId("documents-batches-table");
        batchTable.setPlaceholder(new Label(i18n.t("documents.batches.empty")));
        batchTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        batchTable.getColumns().add(column(i18n.t("documents.column.batch"), 170, b -> b.info().name()));
        batchTable.getColumns().add(column(i18n.t("documents.column.state"), 80, b -> texts.batchState(b.info().state())));
        batchTable.getColumns().add(column(i18n.t("documents.column.priority"), 60, b -> signed(b.info().priority())));
        batchTable.getColumns().add(progressColumn(i18n.t("documents.column.progress"), 160, b -> {
            int total = b.counts().total();
            double fraction = total == 0 ? 1.0 : (double) b.counts().finished() / total;
            return new ProgressCell.Shown(fraction, b.counts().finished() + "/" + total);
        }));
        batchTable.getColumns().add(column(i18n.t("documents.column.eta"), 70, b -> b.live()
                .flatMap(Progress::eta).map(i18n::duration).orElse("")));
        batchTable.getColumns().add(column(i18n.t("documents.column.when"), 170, this::when));
        batchTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.info().id() != selectedBatch) {
                selectedBatch = now.info().id();
                refresh();
            }
        });
        return batchTable;
    }

    private String when(BatchLine b) {
        if (b.info().finishedAt().isPresent()) {
            return i18n.t("documents.when.finished", i18n.dateTime(b.info().finishedAt().get()));
        }
        if (b.info().startedAt().isPresent()) {
            return i18n.t("documents.when.started", i18n.dateTime(b.info().startedAt().get()));
        }
        return b.info().startAt().map(at -> i18n.t("documents.when.scheduled", i18n.dateTime(at)))
                .orElse(i18n.t("documents.when.queued"));
    }

    private HBox batchActions() {
        Button cancel = new Button(i18n.t("documents.batch.cancel"));
        cancel.setId("documents-cancel");
        cancel.getStyleClass().add("vehicle-danger");
        cancel.disableProperty().bind(batchTable.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> cancelSelected());
        Button excel = new Button(i18n.t("documents.export.excel"));
        excel.setId("documents-export-excel");
        excel.disableProperty().bind(batchTable.getSelectionModel().selectedItemProperty().isNull());
        excel.setOnAction(e -> chooseExport(true));
        Button jsonl = new Button(i18n.t("documents.export.jsonl"));
        jsonl.setId("documents-export-jsonl");
        jsonl.disableProperty().bind(batchTable.getSelectionModel().selectedItemProperty().isNull());
        jsonl.setOnAction(e -> chooseExport(false));
        HBox actions = new HBox(8, cancel, excel, jsonl);
        actions.getStyleClass().add("action-bar");
        return actions;
    }

    private void cancelSelected() {
        BatchLine selected = batchTable.getSelectionModel().getSelectedItem();
        if (selected == null || selected.info().state().finished()) {
            return;
        }
        if (!Views.confirm(context.window(), i18n.t("documents.batch.cancel"),
                i18n.t("documents.batch.cancel.confirm", selected.info().name()), i18n)) {
            return;
        }
        long id = selected.info().id();
        area.run(() -> area.documents().cancel(id), done -> {
            message.getStyleClass().setAll("label", "message-warning");
            message.setText(i18n.t("documents.batch.cancelled", selected.info().name()));
            refresh();
        }, this::failed);
    }

    private void chooseExport(boolean excel) {
        BatchLine selected = batchTable.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.t(excel ? "documents.export.excel" : "documents.export.jsonl"));
        chooser.setInitialFileName("documents-" + selected.info().id() + (excel ? ".xlsx" : ".jsonl"));
        File target = chooser.showSaveDialog(context.window());
        if (target != null) {
            export(selected.info().id(), target.toPath(), excel);
        }
    }

    /** Writes the batch's results as a background job (shown in Supervision), then says where. */
    void export(long batchId, Path target, boolean excel) {
        DocumentBatches service = area.documents();
        Job<Path> job = context.workstation().jobs().submit(DocumentBatches.EXPORT_JOB_KIND,
                target.getFileName().toString(), progress -> {
                    service.export(batchId, excel ? Optional.of(target) : Optional.empty(),
                            excel ? Optional.empty() : Optional.of(target), progress);
                    return target;
                });
        message.getStyleClass().setAll("label", "message-ok");
        message.setText(i18n.t("documents.export.running", target.getFileName().toString()));
        job.result().whenCompleteAsync((written, failure) -> {
            if (failure != null) {
                failed(failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause() : failure);
            } else {
                message.getStyleClass().setAll("label", "message-ok");
                message.setText(i18n.t("documents.export.written", written.toString()));
            }
        }, fr.novaevo.workstation.app.ui.FxExecutor.INSTANCE);
    }

    private TableView<DocumentLine> documentTable() {
        documentTable.setId("documents-documents-table");
        documentTable.setPlaceholder(new Label(i18n.t("documents.documents.empty")));
        documentTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        documentTable.getColumns().add(column(i18n.t("documents.column.file"), 150,
                d -> d.row().file().getFileName().toString()));
        documentTable.getColumns().add(column(i18n.t("documents.column.state"), 90,
                d -> texts.documentState(d.row().state())));
        documentTable.getColumns().add(progressColumn(i18n.t("documents.column.pages"), 120, this::documentProgress));
        documentTable.getColumns().add(column(i18n.t("documents.column.result"), 100,
                d -> d.row().resultStatus().map(texts::status).orElse("")));
        documentTable.getColumns().add(column(i18n.t("documents.column.reason"), 300,
                d -> d.row().lastError().map(texts::lastError).orElse("")));
        documentTable.setRowFactory(t -> {
            TableRow<DocumentLine> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().row().state() == DocumentState.COMPLETED) {
                    area.review(row.getItem().row().id());
                }
            });
            return row;
        });
        return documentTable;
    }

    private ProgressCell.Shown documentProgress(DocumentLine d) {
        if (d.row().state().finished()) {
            return new ProgressCell.Shown(1.0, "");
        }
        if (d.row().state() == DocumentState.PENDING) {
            return new ProgressCell.Shown(0.0, "");
        }
        return d.reading().filter(p -> p.total() > 0)
                .map(p -> new ProgressCell.Shown(p.fraction(), p.done() + "/" + p.total()))
                .orElse(new ProgressCell.Shown(-1.0, ""));
    }

    /** Reloads the batches and the selected batch's documents (once a second while the tab shows). */
    void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        long wanted = selectedBatch;
        area.run(() -> load(wanted), loaded -> {
            refreshing = false;
            batches.setAll(loaded.batches());
            loaded.batches().stream().filter(b -> b.info().id() == selectedBatch).findFirst()
                    .ifPresent(b -> batchTable.getSelectionModel().select(b));
            if (wanted == selectedBatch) {
                long selectedDocument = Optional.ofNullable(documentTable.getSelectionModel().getSelectedItem())
                        .map(d -> d.row().id()).orElse(-1L);
                documents.setAll(loaded.documents());
                loaded.documents().stream().filter(d -> d.row().id() == selectedDocument).findFirst()
                        .ifPresent(d -> documentTable.getSelectionModel().select(d));
            }
        }, failure -> {
            refreshing = false;
            failed(failure);
        });
    }

    private record Loaded(List<BatchLine> batches, List<DocumentLine> documents) {
    }

    private Loaded load(long batchId) {
        DocumentBatches service = area.documents();
        List<BatchLine> lines = service.store().batches().stream().limit(BATCHES_SHOWN)
                .map(b -> new BatchLine(b, service.store().counts(b.id()),
                        service.live(b.id()).map(fr.novaevo.workstation.app.bootstrap.BatchRun::progress)))
                .toList();
        List<DocumentLine> docs = List.of();
        if (batchId >= 0) {
            var reading = service.live(batchId).map(fr.novaevo.workstation.app.bootstrap.BatchRun::documents).orElse(java.util.Map.of());
            docs = service.store().rows(batchId).stream()
                    .map(r -> new DocumentLine(r, Optional.ofNullable(reading.get(r.file())))).toList();
        }
        return new Loaded(lines, docs);
    }

    private void failed(Throwable failure) {
        message.getStyleClass().setAll("label", "message-error");
        message.setText(i18n.error(failure));
    }

    private static String signed(int value) {
        return value > 0 ? "+" + value : String.valueOf(value);
    }

    static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static <S> TableColumn<S, S> progressColumn(String title, double width, Function<S, ProgressCell.Shown> shown) {
        TableColumn<S, S> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new ProgressCell<>(shown));
        return column;
    }
}
