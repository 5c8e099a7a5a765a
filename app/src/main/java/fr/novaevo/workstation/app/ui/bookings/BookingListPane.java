package fr.novaevo.workstation.app.ui.bookings;

import java.util.function.Function;
import fr.novaevo.workstation.sync.store.LocalBooking;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Every booking in a table, by start time, with its status and sync state. */
final class BookingListPane {

    private final BookingsView owner;
    private final ObservableList<LocalBooking> rows = FXCollections.observableArrayList();
    private final TableView<LocalBooking> table = new TableView<>(rows);
    private final VBox root;
    private boolean updating;

    BookingListPane(BookingsView owner) {
        this.owner = owner;
        BookingsFormat f = owner.format();
        table.setId("bookings-list");
        table.setPlaceholder(new Label(f.t("bookings.list.empty")));
        table.getColumns().add(column(f.t("bookings.column.date"), 110, b -> f.date(b.booking().slotStart())));
        table.getColumns().add(column(f.t("bookings.column.slot"), 120, b -> f.slot(b.booking())));
        table.getColumns().add(column(f.t("bookings.column.bay"), 130, b -> b.booking().bay()));
        table.getColumns().add(column(f.t("bookings.column.customer"), 170, b -> f.customer(b.booking())));
        table.getColumns().add(column(f.t("bookings.column.vehicle"), 220, b -> f.vehicle(b.booking().vehicle())));
        table.getColumns().add(column(f.t("bookings.column.service"), 150, b -> f.service(b.booking())));
        table.getColumns().add(column(f.t("bookings.column.status"), 110, b -> f.status(b.booking().status())));
        table.getColumns().add(column(f.t("bookings.column.sync"), 110, b -> f.syncState(b.syncState())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LocalBooking item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("bookings-row-"));
                if (!empty && item != null) {
                    getStyleClass().add("bookings-row-" + item.syncState().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                owner.select(now.booking().id());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, table);
        root.getStyleClass().add("bookings-pane");
    }

    Node view() {
        return root;
    }

    void show(BookingsView.Snapshot snapshot) {
        updating = true;
        try {
            rows.setAll(snapshot.bookings());
        } finally {
            updating = false;
        }
        selectionChanged();
    }

    void selectionChanged() {
        updating = true;
        try {
            if (owner.selected() == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            rows.stream().filter(b -> b.booking().id().equals(owner.selected())).findFirst()
                    .ifPresentOrElse(b -> table.getSelectionModel().select(b), () -> table.getSelectionModel().clearSelection());
        } finally {
            updating = false;
        }
    }

    private static TableColumn<LocalBooking, String> column(String title, double width, Function<LocalBooking, String> value) {
        TableColumn<LocalBooking, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
