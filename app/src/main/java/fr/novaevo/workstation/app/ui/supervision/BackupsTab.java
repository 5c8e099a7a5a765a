package fr.novaevo.workstation.app.ui.supervision;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.core.storage.BackupInfo;
import fr.novaevo.workstation.core.storage.BackupKind;
import fr.novaevo.workstation.core.storage.Backups;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Backups: take one now, restore one (after a confirmation, with a backup of the current data first). */
final class BackupsTab {

    private final UiContext context;
    private final ObservableList<BackupInfo> rows = FXCollections.observableArrayList();
    private final TableView<BackupInfo> table = new TableView<>(rows);
    private final Label message = new Label();
    private final VBox root;

    BackupsTab(UiContext context) {
        this.context = context;
        I18n i18n = context.i18n();
        table.setId("backups-table");
        table.setPlaceholder(new Label(i18n.t("backups.empty")));
        table.getColumns().add(column(i18n.t("backups.column.date"), 180, b -> i18n.dateTime(b.takenAt())));
        table.getColumns().add(column(i18n.t("backups.column.kind"), 180, b -> i18n.t("backups.kind." + b.kind())));
        table.getColumns().add(column(i18n.t("backups.column.size"), 110, b -> i18n.size(b.sizeBytes())));
        table.getColumns().add(column("", 420, b -> b.file().getFileName().toString()));

        Button now = new Button(i18n.t("backups.now"));
        now.setId("backups-now");
        now.getStyleClass().add("primary");
        now.setOnAction(e -> backupNow());
        Button restore = new Button(i18n.t("backups.restore"));
        restore.setId("backups-restore");
        restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> {
            BackupInfo selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && confirm(i18n.dateTime(selected.takenAt()))) {
                restore(selected.file());
            }
        });
        Button importFile = new Button(i18n.t("backups.import"));
        importFile.setId("backups-import");
        importFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ZIP", "*.zip"));
            File file = chooser.showOpenDialog(context.window());
            if (file != null && confirm(file.getName())) {
                restore(file.toPath());
            }
        });
        message.setId("backups-message");
        HBox actions = new HBox(10, now, restore, importFile, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label folder = Views.help(i18n.t("backups.folder", context.workstation().layout().backups()));
        Label retention = Views.help(i18n.t("backups.retention"));
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, actions, table, folder, retention);
        root.setPadding(new Insets(12));
        refresh();
    }

    Node view() {
        return root;
    }

    void refresh() {
        CompletableFuture.supplyAsync(() -> context.workstation().database().backups().list())
                .thenAcceptAsync(rows::setAll, FxExecutor.INSTANCE);
    }

    CompletableFuture<BackupInfo> backupNow() {
        I18n i18n = context.i18n();
        return context.workstation().jobs().submit("backup.manual", "", job -> {
            job.progress(0, 1, "backup");
            BackupInfo taken = context.workstation().database().backup(BackupKind.MANUAL);
            context.workstation().audit().record("data.backup.created", taken.file().getFileName().toString(), "manual");
            job.progress(1, 1, "backup");
            return taken;
        }).result().whenCompleteAsync((taken, failure) -> {
            if (failure != null) {
                Views.showError(context.window(), i18n, failure.getCause() == null ? failure : failure.getCause());
            } else {
                message.setText(i18n.t("backups.created", taken.file().getFileName()));
                refresh();
            }
        }, FxExecutor.INSTANCE);
    }

    private boolean confirm(String which) {
        I18n i18n = context.i18n();
        return Views.confirm(context.window(), i18n.t("backups.restore.confirm.title"),
                i18n.t("backups.restore.confirm", which), i18n);
    }

    /** Restores on a background job; the whole window is rebuilt from the restored data afterwards. */
    CompletableFuture<Void> restore(Path backup) {
        I18n i18n = context.i18n();
        return context.workstation().jobs().submit("backup.restore", backup.getFileName().toString(), job -> {
            job.progress(0, 2, "verify");
            Backups.verifyBackup(backup);
            job.progress(1, 2, "restore");
            context.workstation().restore(backup);
            job.progress(2, 2, "restore");
            return (Void) null;
        }).result().whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                Views.showError(context.window(), i18n, failure.getCause() == null ? failure : failure.getCause());
                refresh();
            } else {
                context.shell().dataReplaced();
            }
        }, FxExecutor.INSTANCE);
    }

    List<BackupInfo> shown() {
        return List.copyOf(rows);
    }

    private static TableColumn<BackupInfo, String> column(String title, double width,
                                                          java.util.function.Function<BackupInfo, String> value) {
        TableColumn<BackupInfo, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
