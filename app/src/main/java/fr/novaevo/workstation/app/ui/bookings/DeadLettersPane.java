package fr.novaevo.workstation.app.ui.bookings;

import java.util.function.Function;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.sync.store.DeadLetter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Operations the platform rejected or that kept failing. Never sent again by themselves: the user sends one
 * again (after correcting the booking) or discards it, after confirming.
 */
final class DeadLettersPane {

    private final BookingsView owner;
    private final BookingsFormat format;
    private final ObservableList<DeadLetter> rows = FXCollections.observableArrayList();
    private final TableView<DeadLetter> table = new TableView<>(rows);
    private final VBox root;

    DeadLettersPane(BookingsView owner) {
        this.owner = owner;
        this.format = owner.format();
        table.setId("bookings-deadletters-table");
        table.setPlaceholder(new Label(format.t("bookings.deadletters.empty")));
        table.getColumns().add(column(format.t("bookings.deadletters.column.date"), 150,
                d -> format.i18n().dateTime(d.createdAt())));
        table.getColumns().add(column(format.t("bookings.deadletters.column.operation"), 200,
                d -> format.i18n().tOr("bookings.deadletters.op." + d.type().wire() + "." + d.op().wire(),
                        d.op().wire() + " " + d.type().wire())));
        table.getColumns().add(column(format.t("bookings.deadletters.column.subject"), 200, d -> owner.booking(d.entityId())
                .map(b -> format.customer(b.booking()) + " — " + format.date(b.booking().slotStart()))
                .orElse(d.entityId().toString())));
        table.getColumns().add(column(format.t("bookings.deadletters.column.error"), 320,
                d -> format.i18n().tOr("bookings.error." + d.errorCode(), d.errorMessage() == null ? "" : d.errorMessage())
                        + " (" + d.errorCode() + ")"));
        Button resend = new Button(format.t("bookings.deadletters.resend"));
        resend.setId("bookings-deadletters-resend");
        Button discard = new Button(format.t("bookings.deadletters.discard"));
        discard.setId("bookings-deadletters-discard");
        resend.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        discard.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        resend.setOnAction(e -> {
            DeadLetter d = table.getSelectionModel().getSelectedItem();
            if (d != null) {
                owner.change(m -> {
                    m.deadLetters().resend(d.id(), null);
                    return null;
                }, format.t("bookings.deadletters.resent"), null);
            }
        });
        discard.setOnAction(e -> {
            DeadLetter d = table.getSelectionModel().getSelectedItem();
            if (d != null && Views.confirm(owner.context().window(), format.t("bookings.deadletters.discard"),
                    format.t("bookings.deadletters.discard.confirm"), format.i18n())) {
                owner.change(m -> {
                    m.deadLetters().discard(d.id());
                    return null;
                }, format.t("bookings.deadletters.discarded"), null);
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, Views.help(format.t("bookings.deadletters.help")), table, new HBox(10, resend, discard));
        root.getStyleClass().add("bookings-pane");
    }

    Node view() {
        return root;
    }

    void show(BookingsView.Snapshot snapshot) {
        rows.setAll(snapshot.deadLetters());
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
