package fr.novaevo.workstation.app.ui.documents.supervision;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import fr.novaevo.workstation.app.bootstrap.WatchFolderService;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.watch.WatchFolder;
import fr.novaevo.workstation.ocr.watch.WatchFolderStatus;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The Documents area's "Dossier surveillé" tab: switch the watch folder on or off, choose the folder and the
 * priority of the batches it makes; saving applies it at once (the service starts, stops or moves). Below, what
 * it does now and its problems in French with their codes.
 */
public final class WatchFolderView {

    private final UiContext context;
    private final WatchFolderService service;
    private final Background background;
    private final SupervisionTexts texts;
    private final CheckBox enabled = new CheckBox();
    private final TextField folder = new TextField();
    private final Spinner<Integer> priority = new Spinner<>(BatchRequest.MIN_PRIORITY, BatchRequest.MAX_PRIORITY, 0);
    private final Outcome message;
    private final Label status = new Label();
    private final ListView<String> problems = new ListView<>();
    private final ScrollPane root;
    private boolean loaded;
    private boolean reading;

    public WatchFolderView(UiContext context, Executor worker) {
        this.context = context;
        this.service = context.workstation().watchFolder();
        this.background = new Background(worker);
        I18n i18n = context.i18n();
        this.texts = new SupervisionTexts(i18n);
        enabled.setText(i18n.t("docsup.watch.enabled"));
        enabled.setId("docsup-watch-enabled");
        folder.setId("docsup-watch-folder");
        folder.setPromptText(i18n.t("docsup.watch.folder.prompt"));
        Button choose = new Button(i18n.t("docsup.watch.choose"));
        choose.setId("docsup-watch-choose");
        choose.setOnAction(e -> chooseFolder());
        HBox folderLine = new HBox(8, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);
        priority.setId("docsup-watch-priority");
        priority.setEditable(true);
        priority.setPrefWidth(100);
        GridPane form = Views.form();
        Views.row(form, "", enabled);
        Views.row(form, i18n.t("docsup.watch.folder"), folderLine);
        Views.row(form, i18n.t("docsup.watch.priority"), priority, Views.help(i18n.t("docsup.watch.priority.help")));
        Button save = new Button(i18n.t("docsup.watch.save"));
        save.setId("docsup-watch-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        message = new Outcome("docsup-watch-message", i18n);
        HBox actions = message.after(save);

        status.setId("docsup-watch-status");
        status.setWrapText(true);
        problems.setId("docsup-watch-problems");
        problems.setPlaceholder(new Label(i18n.t("docsup.watch.problems.none")));
        problems.setPrefHeight(160);

        VBox content = new VBox(14,
                Views.section(i18n.t("docsup.section.watch"),
                        Views.help(i18n.t("docsup.watch.help", WatchFolder.PROCESSED)), form, actions),
                Views.section(i18n.t("docsup.section.watchStatus"), status, problems));
        content.setPadding(new Insets(12));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("docsup-watch-view");
        root.getProperties().put(WatchFolderView.class, this); // the view behind the node, for tests
    }

    public Node root() {
        return root;
    }

    /** The stored choice the first time; what the watch does now each time. */
    public void refresh() {
        if (!loaded) {
            loaded = true;
            background.run(service::choice, this::showChoice, message::failed);
        }
        if (reading) {
            return;
        }
        reading = true;
        // the watch's status waits while it hashes a file: never on the JavaFX thread
        background.run(service::status, now -> {
            reading = false;
            showStatus(now);
        }, failure -> {
            reading = false;
            message.failed(failure);
        });
    }

    private void showChoice(WatchFolderService.Choice choice) {
        enabled.setSelected(choice.enabled());
        folder.setText(choice.folder().map(Path::toString).orElse(""));
        priority.getValueFactory().setValue(choice.priority());
    }

    private void showStatus(Optional<WatchFolderStatus> now) {
        I18n i18n = context.i18n();
        if (now.isEmpty()) {
            status.setText(i18n.t("docsup.watch.status.off"));
            problems.getItems().clear();
            return;
        }
        WatchFolderStatus s = now.get();
        status.setText(i18n.t("docsup.watch.status.on", s.folder().toString(), s.taken(), s.waiting(),
                s.lastScan().map(i18n::dateTime).orElse("—")));
        problems.getItems().setAll(s.problems().stream().map(texts::problem).toList());
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(context.i18n().t("docsup.watch.choose"));
        Path typed = Path.of(folder.getText().isBlank() ? "." : folder.getText().strip());
        if (typed.toFile().isDirectory()) {
            chooser.setInitialDirectory(typed.toFile());
        }
        File chosen = chooser.showDialog(context.window());
        if (chosen != null) {
            folder.setText(chosen.getAbsolutePath());
        }
    }

    /** Saves and applies the choice; a wrong one is refused with its reason and nothing changes. */
    void save() {
        priority.increment(0); // takes a typed value that was not committed with Enter
        String typed = folder.getText() == null ? "" : folder.getText().strip();
        WatchFolderService.Choice choice = new WatchFolderService.Choice(enabled.isSelected(),
                typed.isEmpty() ? Optional.empty() : Optional.of(Path.of(typed)), priority.getValue());
        background.run(() -> {
            service.save(choice);
            return service.status();
        }, now -> {
            message.ok(context.i18n().t(choice.enabled() ? "docsup.watch.saved.on" : "docsup.watch.saved.off"));
            showStatus(now);
        }, message::failed);
    }

    CheckBox enabled() {
        return enabled;
    }

    TextField folder() {
        return folder;
    }

    Spinner<Integer> priority() {
        return priority;
    }

    Label message() {
        return message.label();
    }

    Label status() {
        return status;
    }

    ListView<String> problems() {
        return problems;
    }
}
