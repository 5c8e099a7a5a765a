package fr.novaevo.workstation.app.ui.bookings;

import java.util.function.Function;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.sync.store.BookingConflict;
import fr.novaevo.workstation.sync.store.ConflictRepository;
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
 * Every field changed both here and on the platform, with the original value, mine and the platform's; the
 * user keeps one or the other (the repository journals the choice). Nothing is resolved without the user.
 */
final class ConflictsPane {

    private final BookingsView owner;
    private final BookingsFormat format;
    private final ObservableList<BookingConflict> rows = FXCollections.observableArrayList();
    private final TableView<BookingConflict> table = new TableView<>(rows);
    private final VBox root;

    ConflictsPane(BookingsView owner) {
        this.owner = owner;
        this.format = owner.format();
        table.setId("bookings-conflicts-table");
        table.setPlaceholder(new Label(format.t("bookings.conflicts.empty")));
        table.getColumns().add(column(format.t("bookings.conflicts.column.booking"), 220, k -> owner.booking(k.bookingId())
                .map(b -> format.customer(b.booking()) + " — " + format.date(b.booking().slotStart()))
                .orElse(k.bookingId().toString())));
        table.getColumns().add(column(format.t("bookings.conflicts.column.field"), 140, k -> format.field(k.field())));
        table.getColumns().add(column(format.t("bookings.conflicts.column.base"), 160, k -> format.value(k.field(), k.baseValue())));
        table.getColumns().add(column(format.t("bookings.conflicts.column.mine"), 160, k -> format.value(k.field(), k.localValue())));
        table.getColumns().add(column(format.t("bookings.conflicts.column.theirs"), 160, k -> format.value(k.field(), k.remoteValue())));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                owner.select(now.bookingId());
            }
        });
        Button keep = new Button(format.t("bookings.conflict.keepMine"));
        keep.setId("bookings-conflicts-keep");
        Button take = new Button(format.t("bookings.conflict.takeTheirs"));
        take.setId("bookings-conflicts-take");
        keep.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        take.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        keep.setOnAction(e -> resolve(ConflictRepository.Choice.KEEP_MINE));
        take.setOnAction(e -> resolve(ConflictRepository.Choice.TAKE_THEIRS));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, Views.help(format.t("bookings.conflicts.help")), table, new HBox(10, keep, take));
        root.getStyleClass().add("bookings-pane");
    }

    Node view() {
        return root;
    }

    void show(BookingsView.Snapshot snapshot) {
        rows.setAll(snapshot.conflicts());
    }

    private void resolve(ConflictRepository.Choice choice) {
        BookingConflict k = table.getSelectionModel().getSelectedItem();
        if (k == null) {
            return;
        }
        owner.change(m -> {
            m.conflicts().resolve(k.bookingId(), k.field(), choice);
            return null;
        }, format.t("bookings.conflict.resolved", format.field(k.field()),
                owner.booking(k.bookingId()).map(b -> format.customer(b.booking())).orElse("")), null);
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
