package fr.novaevo.workstation.app.ui.documents;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.ocr.batch.BatchInfo;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.DocumentRow;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The documents waiting for a person: read, but with a reason to look (a check failed, a field read with low
 * confidence, an extract too old). One opens the review; another document can be checked at once, alone.
 */
final class ReviewQueueView {

    /** A document to review, with the name of its batch. */
    record QueueLine(DocumentRow row, String batch) {
    }

    private static final int SHOWN = 500;

    private final UiContext context;
    private final DocumentsArea area;
    private final I18n i18n;
    private final DocumentsTexts texts;
    private final ObservableList<QueueLine> lines = FXCollections.observableArrayList();
    private final TableView<QueueLine> table = new TableView<>(lines);
    private final Label message = new Label();
    private final VBox root;
    private boolean refreshing;

    ReviewQueueView(UiContext context, DocumentsArea area) {
        this.context = context;
        this.area = area;
        this.i18n = context.i18n();
        this.texts = new DocumentsTexts(i18n);
        table.setId("documents-queue-table");
        table.setPlaceholder(new Label(i18n.t("documents.queue.empty")));
        table.getColumns().add(BatchesView.column(i18n.t("documents.column.batch"), 220, QueueLine::batch));
        table.getColumns().add(BatchesView.column(i18n.t("documents.column.file"), 260,
                l -> l.row().file().getFileName().toString()));
        table.getColumns().add(BatchesView.column(i18n.t("documents.column.reason"), 480,
                l -> l.row().lastError().map(texts::lastError).orElse("")));
        table.setRowFactory(t -> {
            TableRow<QueueLine> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    area.review(row.getItem().row().id());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button open = new Button(i18n.t("documents.queue.open"));
        open.setId("documents-queue-open");
        open.getStyleClass().add("primary");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> area.review(table.getSelectionModel().getSelectedItem().row().id()));
        Button single = new Button(i18n.t("documents.quick.open"));
        single.setId("documents-quick-check");
        single.setOnAction(e -> chooseOne());
        HBox actions = new HBox(8, open, single);
        actions.getStyleClass().add("action-bar");
        message.setId("documents-queue-message");
        message.setWrapText(true);
        root = new VBox(10, Views.help(i18n.t("documents.queue.help")), table, actions, message);
        root.getStyleClass().add("area");
        root.setPadding(new Insets(12));
    }

    VBox root() {
        return root;
    }

    private void chooseOne() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.t("documents.quick.open"));
        File picked = chooser.showOpenDialog(context.window());
        if (picked != null) {
            quickCheck(picked.toPath());
        }
    }

    /** Reads one document alone, at once, and opens its review when it is read. */
    void quickCheck(Path file) {
        String name = i18n.t("documents.quick.batch", file.getFileName().toString());
        area.run(() -> area.documents().submitNow(BatchRequest.now(name, List.of(file), BatchRequest.MAX_PRIORITY)),
                id -> {
                    message.getStyleClass().setAll("label", "message-ok");
                    message.setText(i18n.t("documents.quick.started", file.getFileName().toString()));
                    area.followQuickCheck(id);
                }, failure -> {
                    message.getStyleClass().setAll("label", "message-error");
                    message.setText(i18n.error(failure));
                });
    }

    void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        area.run(() -> {
            Map<Long, String> names = area.documents().store().batches().stream()
                    .collect(Collectors.toMap(BatchInfo::id, BatchInfo::name));
            return area.documents().store().needingReview(SHOWN).stream()
                    .map(r -> new QueueLine(r, names.getOrDefault(r.batchId(), ""))).toList();
        }, loaded -> {
            refreshing = false;
            long selected = table.getSelectionModel().getSelectedItem() == null ? -1
                    : table.getSelectionModel().getSelectedItem().row().id();
            lines.setAll(loaded);
            loaded.stream().filter(l -> l.row().id() == selected).findFirst()
                    .ifPresent(l -> table.getSelectionModel().select(l));
        }, failure -> {
            refreshing = false;
            message.getStyleClass().setAll("label", "message-error");
            message.setText(i18n.error(failure));
        });
    }
}
