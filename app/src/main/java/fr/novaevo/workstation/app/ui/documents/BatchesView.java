package fr.novaevo.workstation.app.ui.documents;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import fr.novaevo.workstation.ocr.batch.BatchInputs;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.DocumentRow;
import fr.novaevo.workstation.ocr.batch.DocumentState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.converter.LocalDateStringConverter;

/**
 * The batches screen: files and folders dropped (or chosen) and checked before anything runs, the new batch's
 * name, priority and optional start time, then every batch with its progress, and the documents of the selected
 * one with theirs. Cancel and exports act on the selected batch.
 */
final class BatchesView {

    /** A batch as listed: its record, its documents' states, and its live progress while it is read here. */
    record BatchLine(BatchInfo info, BatchCounts counts, Optional<Progress> live) {
    }

    /** A document as listed, with its pages read while it is being read. */
    record DocumentLine(DocumentRow row, Optional<Progress> reading) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int BATCHES_SHOWN = 200;

    private final UiContext context;
    private final DocumentsArea area;
    private final I18n i18n;
    private final DocumentsTexts texts;
    private final List<Path> chosen = new ArrayList<>();
    private final ObservableList<BatchInputs.InputFile> inputs = FXCollections.observableArrayList();
    private final ObservableList<BatchLine> batches = FXCollections.observableArrayList();
    private final ObservableList<DocumentLine> documents = FXCollections.observableArrayList();
    private final TableView<BatchInputs.InputFile> inputTable = new TableView<>(inputs);
    private final TableView<BatchLine> batchTable = new TableView<>(batches);
    private final TableView<DocumentLine> documentTable = new TableView<>(documents);
    private final TextField name = new TextField();
    private final Spinner<Integer> priority = new Spinner<>(BatchRequest.MIN_PRIORITY, BatchRequest.MAX_PRIORITY, 0);
    private final CheckBox later = new CheckBox();
    private final DatePicker startDate = new DatePicker();
    private final TextField startTime = new TextField("22:00");
    private final Label inputSummary = new Label();
    private final Label formError = new Label();
    private final Label message = new Label();
    private final Button create = new Button();
    private final VBox root;
    private boolean refreshing;
    private long selectedBatch = -1;

    BatchesView(UiContext context, DocumentsArea area) {
        this.context = context;
        this.area = area;
        this.i18n = context.i18n();
        this.texts = new DocumentsTexts(i18n);

        VBox newBatch = Views.section(i18n.t("documents.new.title"), newBatchContent());
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
        HBox sides = new HBox(12, newBatch, lists);
        VBox.setVgrow(sides, Priority.ALWAYS);
        message.setId("documents-message");
        message.setWrapText(true);
        root = new VBox(10, sides, message);
        root.getStyleClass().add("area");
        root.setPadding(new Insets(12));
        root.setId("documents-batches");
        acceptDrops(root);
    }

    VBox root() {
        return root;
    }

    // ------------------------------------------------------------------ new batch

    private VBox newBatchContent() {
        Label dropText = new Label(i18n.t("documents.drop.text"));
        dropText.setWrapText(true);
        dropText.setMinHeight(Region.USE_PREF_SIZE);
        Button files = new Button(i18n.t("documents.drop.files"));
        files.setId("documents-add-files");
        files.setOnAction(e -> chooseFiles());
        Button folder = new Button(i18n.t("documents.drop.folder"));
        folder.setId("documents-add-folder");
        folder.setOnAction(e -> chooseFolder());
        Button example = new Button(i18n.t("documents.example"));
        example.setId("documents-example");
        example.setTooltip(new Tooltip(i18n.t("documents.example.help")));
        example.setOnAction(e -> example());
        files.setMaxWidth(Double.MAX_VALUE);
        folder.setMaxWidth(Double.MAX_VALUE);
        example.setMaxWidth(Double.MAX_VALUE);
        VBox zone = new VBox(8, dropText, files, folder, example);
        zone.setId("documents-drop-zone");
        zone.getStyleClass().add("documents-drop-zone");

        inputTable.setId("documents-inputs");
        inputTable.setPlaceholder(new Label(i18n.t("documents.inputs.empty")));
        inputTable.setPrefHeight(160);
        inputTable.setMinHeight(110);
        inputTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        inputTable.getColumns().add(column(i18n.t("documents.column.file"), 130, f -> f.file().getFileName().toString()));
        TableColumn<BatchInputs.InputFile, String> check = column(i18n.t("documents.column.check"), 200, f -> f.problem()
                .map(texts::reason).orElse(i18n.t("documents.inputs.accepted")));
        check.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            // the whole reason, on two lines when needed
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(c.widthProperty().subtract(10));
                text.getStyleClass().add("documents-check-text");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
        inputTable.getColumns().add(check);
        inputTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BatchInputs.InputFile item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("documents-rejected");
                if (!empty && item != null && item.problem().isPresent()) {
                    getStyleClass().add("documents-rejected");
                }
            }
        });
        inputSummary.setId("documents-inputs-summary");
        Button clear = new Button(i18n.t("documents.drop.clear"));
        clear.setId("documents-clear-inputs");
        clear.setOnAction(e -> {
            chosen.clear();
            inputs.clear();
            inputSummary.setText("");
        });
        inputSummary.setWrapText(true);
        VBox summary = new VBox(6, inputSummary, clear);
        VBox inputBox = new VBox(6, inputTable, summary);
        VBox.setVgrow(inputBox, Priority.ALWAYS);
        VBox.setVgrow(inputTable, Priority.ALWAYS);

        name.setId("documents-batch-name");
        name.setPrefColumnCount(16);
        name.setText(i18n.t("documents.batch.default_name", i18n.dateTime(context.workstation().clock().instant())));
        priority.setId("documents-batch-priority");
        priority.setEditable(true);
        priority.setPrefWidth(80);
        priority.setTooltip(new Tooltip(i18n.t("documents.batch.priority.help")));
        later.setId("documents-batch-later");
        later.setText(i18n.t("documents.batch.later"));
        startDate.setId("documents-batch-date");
        startDate.setPrefWidth(140);
        startDate.setConverter(new LocalDateStringConverter(DATE, DATE));
        startDate.setValue(LocalDate.now(context.workstation().clock()));
        startTime.setId("documents-batch-time");
        startTime.setPrefColumnCount(4);
        startDate.disableProperty().bind(later.selectedProperty().not());
        startTime.disableProperty().bind(later.selectedProperty().not());
        formError.setId("documents-form-error");
        formError.getStyleClass().add("field-error");
        formError.setWrapText(true);
        create.setId("documents-create");
        create.setText(i18n.t("documents.batch.create"));
        create.getStyleClass().add("primary");
        create.setOnAction(e -> createBatch());

        GridPane form = Views.form();
        form.getColumnConstraints().getFirst().setMinWidth(70);
        Views.row(form, i18n.t("documents.batch.name"), name);
        Views.row(form, i18n.t("documents.batch.priority"), priority);
        Views.row(form, "", later);
        Views.row(form, "", new HBox(6, startDate, startTime));
        Views.row(form, "", create);
        return new VBox(10, zone, inputBox, form, formError);
    }

    private void acceptDrops(Region target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles();
            if (done) {
                addInputs(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.t("documents.drop.files"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.t("documents.chooser.documents"), "*.pdf", "*.PDF", "*.png",
                        "*.jpg", "*.jpeg", "*.tif", "*.tiff"),
                new FileChooser.ExtensionFilter(i18n.t("documents.chooser.all"), "*"));
        List<File> picked = chooser.showOpenMultipleDialog(context.window());
        if (picked != null) {
            addInputs(picked.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.t("documents.drop.folder"));
        File picked = chooser.showDialog(context.window());
        if (picked != null) {
            addInputs(List.of(picked.toPath()));
        }
    }

    /** Adds files and folders to the next batch and checks every file they stand for. */
    void addInputs(List<Path> added) {
        for (Path path : added) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!chosen.contains(absolute)) {
                chosen.add(absolute);
            }
        }
        List<Path> now = List.copyOf(chosen);
        area.run(() -> area.documents().check(now), checked -> {
            inputs.setAll(checked);
            long rejected = checked.stream().filter(f -> f.problem().isPresent()).count();
            inputSummary.setText(i18n.t("documents.inputs.summary", checked.size() - rejected, rejected));
            formError.setText("");
        }, this::failed);
    }

    private void createBatch() {
        List<Path> accepted = inputs.stream().filter(f -> f.problem().isEmpty()).map(BatchInputs.InputFile::file).toList();
        if (accepted.isEmpty()) {
            formError.setText(i18n.t("documents.batch.no_input"));
            return;
        }
        Optional<java.time.Instant> startAt;
        if (later.isSelected()) {
            try {
                LocalTime time = LocalTime.parse(startTime.getText().strip(), TIME);
                LocalDate day = startDate.getValue();
                if (day == null) {
                    formError.setText(i18n.t("documents.batch.bad_date"));
                    return;
                }
                startAt = Optional.of(LocalDateTime.of(day, time).atZone(i18n.zone()).toInstant());
            } catch (DateTimeParseException e) {
                formError.setText(i18n.t("documents.batch.bad_time"));
                return;
            }
        } else {
            startAt = Optional.empty();
        }
        String batchName = name.getText().isBlank()
                ? i18n.t("documents.batch.default_name", i18n.dateTime(context.workstation().clock().instant()))
                : name.getText().strip();
        BatchRequest request = new BatchRequest(batchName, accepted, priority.getValue(), startAt);
        formError.setText("");
        area.run(() -> area.documents().submit(request), id -> {
            chosen.clear();
            inputs.clear();
            inputSummary.setText("");
            later.setSelected(false);
            name.setText(i18n.t("documents.batch.default_name", i18n.dateTime(context.workstation().clock().instant())));
            selectedBatch = id;
            message.getStyleClass().setAll("label", "message-ok");
            message.setText(startAt.map(at -> i18n.t("documents.batch.created_later", batchName, i18n.dateTime(at)))
                    .orElse(i18n.t("documents.batch.created", batchName, accepted.size())));
            refresh();
        }, this::failed);
    }

    private void example() {
        Path folder = context.workstation().options().dataDirectory().resolve("documents").resolve("exemples");
        LocalDate today = LocalDate.now(context.workstation().clock());
        String batchName = i18n.t("documents.example.batch");
        area.run(() -> {
            Path file = new ExampleKbis().write(folder, today);
            return area.documents().submitNow(BatchRequest.now(batchName, List.of(file), BatchRequest.MAX_PRIORITY));
        }, id -> {
            selectedBatch = id;
            message.getStyleClass().setAll("label", "message-ok");
            message.setText(i18n.t("documents.example.started"));
            area.followQuickCheck(id);
            refresh();
        }, this::failed);
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
