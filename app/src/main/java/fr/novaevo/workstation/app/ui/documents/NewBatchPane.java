package fr.novaevo.workstation.app.ui.documents;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.ocr.batch.BatchInputs;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
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
 * A new batch: files and folders dropped (or chosen), each checked before anything runs (refused ones in red
 * with their reason), then the batch's name, priority and optional start time (a night batch). Also the example:
 * a made-up Kbis written, read at once and opened for review.
 */
final class NewBatchPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final UiContext context;
    private final DocumentsArea area;
    private final I18n i18n;
    private final DocumentsTexts texts;
    private final BiConsumer<Long, String> created;
    private final Consumer<Throwable> failed;
    private final List<Path> chosen = new ArrayList<>();
    private final ObservableList<BatchInputs.InputFile> inputs = FXCollections.observableArrayList();
    private final TableView<BatchInputs.InputFile> inputTable = new TableView<>(inputs);
    private final TextField name = new TextField();
    private final Spinner<Integer> priority = new Spinner<>(BatchRequest.MIN_PRIORITY, BatchRequest.MAX_PRIORITY, 0);
    private final CheckBox later = new CheckBox();
    private final DatePicker startDate = new DatePicker();
    private final TextField startTime = new TextField("22:00");
    private final Label inputSummary = new Label();
    private final Label formError = new Label();
    private final Button create = new Button();

    /**
     * @param created told of each batch recorded (and of the example started), with what to say about it
     * @param failed  told of a failure to show
     */
    NewBatchPane(UiContext context, DocumentsArea area, BiConsumer<Long, String> created, Consumer<Throwable> failed) {
        this.context = context;
        this.area = area;
        this.i18n = context.i18n();
        this.texts = new DocumentsTexts(i18n);
        this.created = created;
        this.failed = failed;
    }

    VBox content() {
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
        inputTable.setPrefHeight(125);
        inputTable.setMinHeight(125);
        inputTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        inputTable.getColumns().add(BatchesView.column(i18n.t("documents.column.file"), 130, f -> f.file().getFileName().toString()));
        TableColumn<BatchInputs.InputFile, String> check = BatchesView.column(i18n.t("documents.column.check"), 200, f -> f.problem()
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
        inputSummary.setMinHeight(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox summary = new HBox(10, inputSummary, clear);
        HBox.setHgrow(inputSummary, Priority.ALWAYS);
        inputSummary.setMaxWidth(Double.MAX_VALUE);
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

    /** Files and folders dropped anywhere on {@code target} join the next batch. */
    void acceptDrops(Region target) {
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
        }, failed);
    }

    private void createBatch() {
        List<Path> accepted = inputs.stream().filter(f -> f.problem().isEmpty()).map(BatchInputs.InputFile::file).toList();
        if (accepted.isEmpty()) {
            formError.setText(i18n.t("documents.batch.no_input"));
            return;
        }
        Optional<Instant> startAt;
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
            created.accept(id, startAt.map(at -> i18n.t("documents.batch.created_later", batchName, i18n.dateTime(at)))
                    .orElse(i18n.t("documents.batch.created", batchName, accepted.size())));
        }, failed);
    }

    private void example() {
        Path folder = context.workstation().options().dataDirectory().resolve("documents").resolve("exemples");
        LocalDate today = LocalDate.now(context.workstation().clock());
        String batchName = i18n.t("documents.example.batch");
        area.run(() -> {
            Path file = new ExampleKbis().write(folder, today);
            return area.documents().submitNow(BatchRequest.now(batchName, List.of(file), BatchRequest.MAX_PRIORITY));
        }, id -> {
            area.followQuickCheck(id);
            created.accept(id, i18n.t("documents.example.started"));
        }, failed);
    }
}
