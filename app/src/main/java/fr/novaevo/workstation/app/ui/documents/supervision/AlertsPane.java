package fr.novaevo.workstation.app.ui.documents.supervision;

import java.util.List;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.ocr.supervision.Alert;
import fr.novaevo.workstation.ocr.supervision.AlertBook;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * The alerts that need attention (still on, or over but not acknowledged), newest first, and "Acquitter": the
 * technician's name and the time are stored with the alert and written to the audit journal.
 */
final class AlertsPane {

    private final UiContext context;
    private final AlertBook book;
    private final Background background;
    private final SupervisionTexts texts;
    private final TableView<Alert> table = new TableView<>();
    private final Button acknowledge;
    private final Outcome message;
    private final VBox root;

    AlertsPane(UiContext context, AlertBook book, Background background, SupervisionTexts texts) {
        this.context = context;
        this.book = book;
        this.background = background;
        this.texts = texts;
        I18n i18n = context.i18n();
        table.setId("docsup-alerts");
        table.setPlaceholder(new Label(i18n.t("docsup.alerts.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(170);
        table.getColumns().addAll(List.of(
                SupervisionView.column(i18n.t("docsup.alerts.column.alert"), 440, texts::alert),
                SupervisionView.column(i18n.t("docsup.alerts.column.raised"), 150, a -> i18n.dateTime(a.raisedAt())),
                SupervisionView.column(i18n.t("docsup.alerts.column.state"), 340, texts::alertState)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Alert alert, boolean empty) {
                super.updateItem(alert, empty);
                getStyleClass().remove("alert-active");
                if (!empty && alert != null && alert.active()) {
                    getStyleClass().add("alert-active");
                }
            }
        });
        acknowledge = new Button(i18n.t("docsup.alerts.acknowledge"));
        acknowledge.setId("docsup-acknowledge");
        acknowledge.setDisable(true);
        acknowledge.setOnAction(e -> acknowledgeSelected());
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) ->
                acknowledge.setDisable(now == null || now.acknowledged()));
        message = new Outcome("docsup-alerts-message", i18n);
        root = Views.section(i18n.t("docsup.section.alerts"), table, message.after(acknowledge));
        root.setSpacing(6);
    }

    VBox root() {
        return root;
    }

    void show(List<Alert> alerts) {
        long selected = table.getSelectionModel().getSelectedItem() == null ? -1
                : table.getSelectionModel().getSelectedItem().id();
        table.getItems().setAll(alerts);
        table.getItems().stream().filter(a -> a.id() == selected).findFirst()
                .ifPresent(a -> table.getSelectionModel().select(a));
    }

    void acknowledgeSelected() {
        Alert alert = table.getSelectionModel().getSelectedItem();
        if (alert == null || alert.acknowledged()) {
            return;
        }
        String who = context.workstation().actor();
        acknowledge.setDisable(true);
        background.run(() -> book.acknowledge(alert.id(), who), done -> {
            message.ok(context.i18n().t("docsup.alerts.acknowledged", texts.kind(done.kind()),
                    done.acknowledgedBy().orElse(who)));
            background.run(() -> context.workstation().supervision().refresh(), snapshot -> show(snapshot.alerts()),
                    message::failed);
        }, message::failed);
    }

    TableView<Alert> table() {
        return table;
    }

    Label message() {
        return message.label();
    }
}
