package fr.novaevo.workstation.app.ui.feedback;

import java.util.concurrent.CompletionException;
import fr.novaevo.workstation.app.bootstrap.platform.ProblemReport;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.sync.error.SyncException;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * "Signaler un problème", from the navigation: a category, a description and, if the user agrees, the logs
 * of the last launches without secrets nor personal data, sent to the platform's {@code feedback}. Without the
 * platform the report is not lost: the dialog stays open with its text and says to try again later.
 */
public final class ProblemReportDialog {

    private final UiContext context;
    private final I18n i18n;
    private final ComboBox<ProblemReport.Category> category = new ComboBox<>();
    private final TextArea description = new TextArea();
    private final CheckBox attachLogs = new CheckBox();
    private final Button send = new Button();
    private final Label status = new Label();

    private ProblemReportDialog(UiContext context) {
        this.context = context;
        this.i18n = context.i18n();
    }

    /** The navigation's button. */
    public static Button navButton(UiContext context) {
        Button button = new Button(context.i18n().t("feedback.nav"));
        button.setId("nav-feedback");
        button.getStyleClass().add("nav-feedback");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> new ProblemReportDialog(context).show());
        return button;
    }

    private void show() {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(i18n.t("feedback.title"));
        dialog.setHeaderText(i18n.t("feedback.header"));
        dialog.getDialogPane().setId("feedback");
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(i18n.t("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(620);
        dialog.show();
    }

    private VBox content() {
        category.setId("feedback-category");
        category.getItems().setAll(ProblemReport.Category.values());
        category.setValue(ProblemReport.Category.BUG);
        category.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProblemReport.Category value) {
                return value == null ? "" : i18n.t("feedback.category." + value.wire());
            }

            @Override
            public ProblemReport.Category fromString(String text) {
                return null;
            }
        });
        description.setId("feedback-description");
        description.setPromptText(i18n.t("feedback.description.prompt"));
        description.setWrapText(true);
        description.setPrefRowCount(7);
        attachLogs.setId("feedback-attach-logs");
        attachLogs.setText(i18n.t("feedback.attachLogs"));
        attachLogs.setSelected(true);
        send.setId("feedback-send");
        send.setText(i18n.t("feedback.send"));
        send.getStyleClass().add("primary");
        send.disableProperty().bind(description.textProperty().isEmpty());
        send.setOnAction(e -> send());
        status.setId("feedback-status");
        status.setWrapText(true);
        return new VBox(10, new Label(i18n.t("feedback.category")), category,
                new Label(i18n.t("feedback.description")), description, attachLogs,
                Views.help(i18n.t("feedback.privacy")), send, status);
    }

    private void send() {
        if (description.getText().isBlank()) {
            show(i18n.t("feedback.description.required"), "message-error");
            return;
        }
        ProblemReport.Category chosen = category.getValue();
        String text = description.getText();
        boolean logs = attachLogs.isSelected();
        java.nio.file.Path logDirectory = context.workstation().logDirectory();
        send.disableProperty().unbind();
        send.setDisable(true);
        show(i18n.t("feedback.sending"), "message-ok");
        context.platform().sendFeedback(credentials -> ProblemReport.build(chosen, text, logs, logDirectory, credentials))
                .whenCompleteAsync((receipt, failure) -> {
                    send.disableProperty().bind(description.textProperty().isEmpty());
                    if (failure == null) {
                        context.workstation().audit().record("feedback.sent", receipt.feedbackId(), chosen.wire());
                        description.clear();
                        show(i18n.t("feedback.sent", receipt.feedbackId()), "message-ok");
                        return;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    // The text stays in the dialog: nothing typed is lost, the user sends it again later.
                    show(cause instanceof SyncException s && s.isTransient() ? i18n.t("feedback.offline")
                            : i18n.t("feedback.failed", i18n.error(cause)), "message-error");
                }, FxExecutor.INSTANCE);
    }

    private void show(String text, String style) {
        status.setText(text);
        status.getStyleClass().removeAll("message-ok", "message-error");
        status.getStyleClass().add(style);
    }
}
