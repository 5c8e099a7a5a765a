package fr.novaevo.workstation.app.ui.supervision;

import java.util.List;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.core.jobs.JobSnapshot;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The background jobs, refreshed twice a second, each cancellable. */
final class JobsTab {

    private final UiContext context;
    private final ObservableList<JobSnapshot> rows = FXCollections.observableArrayList();
    private final TableView<JobSnapshot> table = new TableView<>(rows);
    private final Timeline poll;
    private final VBox root;

    JobsTab(UiContext context) {
        this.context = context;
        I18n i18n = context.i18n();
        table.setId("jobs-table");
        table.setPlaceholder(new Label(i18n.t("jobs.empty")));
        table.getColumns().add(column(i18n.t("jobs.column.task"), 240,
                s -> i18n.tOr("job.kind." + s.kind(), s.kind())));
        table.getColumns().add(column(i18n.t("jobs.column.subject"), 220, JobSnapshot::subject));
        table.getColumns().add(column(i18n.t("jobs.column.state"), 110, s -> i18n.t("job.state." + s.state())));
        TableColumn<JobSnapshot, JobSnapshot> progress = new TableColumn<>(i18n.t("jobs.column.progress"));
        progress.setPrefWidth(200);
        progress.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        progress.setCellFactory(col -> new ProgressCell(i18n));
        table.getColumns().add(progress);
        table.getColumns().add(column(i18n.t("jobs.column.started"), 160,
                s -> s.startedAt().map(i18n::dateTime).orElse("")));
        table.getColumns().add(column(i18n.t("jobs.column.finished"), 160,
                s -> s.finishedAt().map(i18n::dateTime).orElse("")));
        table.getColumns().add(column(i18n.t("jobs.column.message"), 260,
                s -> s.errorCode().map(code -> i18n.tOr("error." + code, s.errorMessage().orElse(code)) + " (" + code + ")")
                        .orElse("")));
        Button cancel = new Button(i18n.t("jobs.cancel"));
        cancel.setId("jobs-cancel");
        cancel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> {
            JobSnapshot selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                context.workstation().jobs().cancel(selected.id());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, table, cancel);
        root.setPadding(new Insets(12));
        refresh();
        poll = new Timeline(new KeyFrame(Duration.millis(500), e -> refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    Node view() {
        return root;
    }

    void refresh() {
        List<JobSnapshot> now = context.workstation().jobs().snapshots();
        Long selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().id();
        rows.setAll(now);
        if (selected != null) {
            now.stream().filter(s -> s.id() == selected).findFirst().ifPresent(s -> table.getSelectionModel().select(s));
        }
    }

    void dispose() {
        poll.stop();
    }

    private static TableColumn<JobSnapshot, String> column(String title, double width,
                                                           java.util.function.Function<JobSnapshot, String> value) {
        TableColumn<JobSnapshot, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static final class ProgressCell extends TableCell<JobSnapshot, JobSnapshot> {
        private final ProgressBar bar = new ProgressBar();
        private final Label eta = new Label();
        private final VBox box = new VBox(2, bar, eta);
        private final I18n i18n;

        ProgressCell(I18n i18n) {
            this.i18n = i18n;
            bar.setMaxWidth(Double.MAX_VALUE);
            eta.getStyleClass().add("help-text");
        }

        @Override
        protected void updateItem(JobSnapshot item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(item.state().finished() ? 1.0 : item.progress().fraction());
            eta.setText(item.progress().eta().map(d -> i18n.t("jobs.eta", i18n.duration(d))).orElse(""));
            setGraphic(box);
        }
    }
}
