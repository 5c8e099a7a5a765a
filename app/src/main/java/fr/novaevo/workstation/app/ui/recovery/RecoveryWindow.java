package fr.novaevo.workstation.app.ui.recovery;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.storage.BackupInfo;
import fr.novaevo.workstation.core.storage.Backups;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.DatabaseException;
import fr.novaevo.workstation.core.storage.DatabaseProblem;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Shown instead of the main window when the database cannot be opened: what happened, in words, with the
 * quotable code, and the ways out — retry, open a backup (the unreadable files are kept aside), or quit.
 * Never a stack trace, never an emptied database.
 */
public final class RecoveryWindow {

    private final Stage stage;
    private final LaunchOptions options;
    private final Supplier<Optional<Throwable>> retry;
    private final I18n i18n;
    private final Label title = new Label();
    private final Label explanation = new Label();
    private final Label code = new Label();
    private final TableView<BackupInfo> backups = new TableView<>();
    private final VBox backupBox;
    private Throwable failure;

    /**
     * @param retry opens the database again and, when it works, shows the main window; returns the new
     *              failure otherwise
     */
    public RecoveryWindow(Stage stage, LaunchOptions options, Throwable failure, Supplier<Optional<Throwable>> retry) {
        this.stage = stage;
        this.options = options;
        this.retry = retry;
        this.failure = failure;
        this.i18n = new I18n(options.language().orElse("fr"), ZoneId.systemDefault());
        title.setText(i18n.t("recovery.title"));
        title.getStyleClass().add("recovery-title");
        explanation.setId("recovery-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        code.setId("recovery-code");
        backups.setId("recovery-backups");
        backups.setPlaceholder(new Label(i18n.t("recovery.backups.none")));
        TableColumn<BackupInfo, String> date = new TableColumn<>(i18n.t("backups.column.date"));
        date.setPrefWidth(200);
        date.setCellValueFactory(c -> new ReadOnlyStringWrapper(i18n.dateTime(c.getValue().takenAt())));
        TableColumn<BackupInfo, String> kind = new TableColumn<>(i18n.t("backups.column.kind"));
        kind.setPrefWidth(200);
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(i18n.t("backups.kind." + c.getValue().kind())));
        TableColumn<BackupInfo, String> size = new TableColumn<>(i18n.t("backups.column.size"));
        size.setPrefWidth(120);
        size.setCellValueFactory(c -> new ReadOnlyStringWrapper(i18n.size(c.getValue().sizeBytes())));
        backups.getColumns().addAll(java.util.List.of(date, kind, size));

        Button open = new Button(i18n.t("recovery.open"));
        open.setId("recovery-open");
        open.getStyleClass().add("primary");
        open.disableProperty().bind(backups.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openBackup(backups.getSelectionModel().getSelectedItem().file()));
        Button fromFile = new Button(i18n.t("recovery.import"));
        fromFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ZIP", "*.zip"));
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                openBackup(file.toPath());
            }
        });
        backupBox = new VBox(8, Views.section(i18n.t("recovery.backups"), backups), new HBox(10, open, fromFile));
        VBox.setVgrow(backupBox, Priority.ALWAYS);

        Button again = new Button(i18n.t("recovery.retry"));
        again.setId("recovery-retry");
        again.setOnAction(e -> attempt());
        Button quit = new Button(i18n.t("common.quit"));
        quit.setId("recovery-quit");
        quit.setOnAction(e -> stage.close());
        HBox actions = new HBox(10, again, quit);
        actions.setAlignment(Pos.CENTER_RIGHT);

        Label folder = Views.help(i18n.t("recovery.folder", options.dataDirectory()));
        VBox root = new VBox(title, explanation, code, folder, backupBox, actions);
        root.getStyleClass().add("recovery");
        root.setId("recovery-view");
        Scene scene = new Scene(root, 760, 560);
        scene.getStylesheets().add(MainWindow.class.getResource("workstation.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(i18n.t("app.title") + " — " + i18n.t("recovery.title"));
        describe();
    }

    public void show() {
        stage.show();
    }

    private void describe() {
        String errorCode = failure instanceof WorkstationException w ? w.code() : "APP-START";
        String key = "recovery." + errorCode;
        explanation.setText(i18n.has(key) ? i18n.t(key, options.dataDirectory()) : i18n.t("recovery.unknown"));
        code.setText(i18n.t("recovery.code", errorCode));
        boolean offerBackups = !(failure instanceof DatabaseException d) || (d.problem() != DatabaseProblem.LOCKED
                && d.problem() != DatabaseProblem.NOT_WRITABLE);
        backupBox.setVisible(offerBackups);
        backupBox.setManaged(offerBackups);
        backups.setItems(FXCollections.observableList(new Backups(DataLayout.at(options.dataDirectory()),
                Clock.systemUTC()).list()));
    }

    private void openBackup(Path backup) {
        try {
            Database.restoreWithoutOpening(DataLayout.at(options.dataDirectory()), backup, Clock.systemUTC());
        } catch (RuntimeException e) {
            failure = e;
            describe();
            return;
        }
        attempt();
    }

    private void attempt() {
        Optional<Throwable> again = retry.get();
        if (again.isPresent()) {
            failure = again.get();
            describe();
        }
    }

    /** For the tests: the code currently shown. */
    public String shownCode() {
        return code.getText();
    }

}
