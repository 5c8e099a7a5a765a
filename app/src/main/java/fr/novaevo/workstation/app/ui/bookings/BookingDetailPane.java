package fr.novaevo.workstation.app.ui.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.store.BookingConflict;
import fr.novaevo.workstation.sync.store.ConflictRepository;
import fr.novaevo.workstation.sync.store.LocalBooking;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The selected booking: who, what, when, where; its status and sync state; the status changes the contract
 * allows from here (one button each, nothing else); rescheduling; and its conflicts with both values.
 */
final class BookingDetailPane {

    private final BookingsView owner;
    private final BookingsFormat format;
    private final BenchReadAction bench;

    BookingDetailPane(BookingsView owner) {
        this.owner = owner;
        this.format = owner.format();
        this.bench = new BenchReadAction(owner);
    }

    Node show(LocalBooking local, List<BookingConflict> conflicts) {
        VBox box = new VBox(12);
        box.setId("bookings-detail");
        box.getStyleClass().add("bookings-detail");
        if (local == null) {
            box.getChildren().add(Views.help(format.t("bookings.detail.none")));
            return box;
        }
        Booking b = local.booking();
        Label customer = new Label(format.customer(b));
        customer.setId("bookings-detail-customer");
        customer.getStyleClass().add("section-title");
        customer.setWrapText(true);
        Label status = new Label(format.status(b.status()));
        status.setId("bookings-detail-status");
        status.getStyleClass().addAll("bookings-badge", "bookings-status-" + b.status().wire());
        Label sync = new Label(format.syncState(local.syncState()));
        sync.setId("bookings-detail-sync");
        sync.getStyleClass().addAll("bookings-badge", "bookings-badge-" + local.syncState().name().toLowerCase(java.util.Locale.ROOT));
        Button close = new Button("✕");
        close.setId("bookings-detail-close");
        close.getStyleClass().add("bookings-close");
        close.setOnAction(e -> owner.select(null));
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        HBox heading = new HBox(8, customer, grow, close);
        heading.setAlignment(Pos.TOP_LEFT);
        HBox badges = new HBox(8, status, sync);

        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(4);
        javafx.scene.layout.ColumnConstraints captions = new javafx.scene.layout.ColumnConstraints();
        captions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        facts.getColumnConstraints().add(captions);
        fact(facts, "bookings.detail.when", format.date(b.slotStart()) + "  " + format.slot(b), "bookings-detail-when");
        fact(facts, "bookings.detail.bay", b.bay(), "bookings-detail-bay");
        fact(facts, "bookings.detail.service", format.service(b)
                + (b.service() != null && b.service().description() != null && !b.service().description().isBlank()
                ? " — " + b.service().description() : ""), "bookings-detail-service");
        fact(facts, "bookings.detail.vehicle", format.vehicle(b.vehicle()), "bookings-detail-vehicle");
        if (b.vehicle() != null) {
            fact(facts, "bookings.detail.vin", b.vehicle().vin(), "bookings-detail-vin");
            fact(facts, "bookings.detail.mileage", b.vehicle().mileageKm() == null ? null
                    : format.i18n().number(b.vehicle().mileageKm(), 0) + " km", "bookings-detail-mileage");
        }
        if (b.customer() != null) {
            fact(facts, "bookings.detail.phone", b.customer().phone(), "bookings-detail-phone");
            fact(facts, "bookings.detail.email", b.customer().email(), "bookings-detail-email");
        }
        fact(facts, "bookings.detail.notes", b.notes(), "bookings-detail-notes");
        fact(facts, "bookings.detail.source", Booking.SOURCE_WORKSTATION.equals(b.source())
                ? format.t("bookings.source.workstation") : format.t("bookings.source.platform"), "bookings-detail-source");
        box.getChildren().addAll(heading, badges, facts);
        if (!conflicts.isEmpty()) {
            box.getChildren().add(conflicts(local, conflicts));
        }
        box.getChildren().addAll(statusChanges(b), bench.view(b), reschedule(b));
        return box;
    }

    private void fact(GridPane grid, String key, String value, String id) {
        if (value == null || value.isBlank()) {
            return;
        }
        int row = grid.getRowCount();
        Label caption = new Label(format.t(key));
        caption.getStyleClass().add("help-text");
        Label text = new Label(value);
        text.setId(id);
        text.setWrapText(true);
        grid.add(caption, 0, row);
        grid.add(text, 1, row);
    }

    /** One button per status the contract allows from the current one. */
    private VBox statusChanges(Booking b) {
        FlowPane buttons = new FlowPane(8, 8);
        for (BookingStatus next : BookingStatus.values()) {
            if (!b.status().canBecome(next)) {
                continue;
            }
            Button button = new Button(format.t("bookings.action." + next.wire()));
            button.setId("bookings-status-" + next.wire());
            button.getStyleClass().add("bookings-action-" + next.wire());
            button.setOnAction(e -> {
                buttons.setDisable(true);
                owner.change(m -> m.bookings().setStatus(b.id(), next),
                        format.t("bookings.status.changed", format.customer(b), format.status(next)), null);
            });
            buttons.getChildren().add(button);
        }
        if (buttons.getChildren().isEmpty()) {
            return Views.section(format.t("bookings.detail.statusChange"), Views.help(format.t("bookings.status.final")));
        }
        return Views.section(format.t("bookings.detail.statusChange"), buttons);
    }

    private VBox reschedule(Booking b) {
        DatePicker date = new DatePicker(format.localDate(b.slotStart()));
        date.setId("bookings-reschedule-date");
        date.setConverter(format.dateConverter());
        date.setPrefWidth(140);
        TextField time = new TextField(format.time(b.slotStart()));
        time.setId("bookings-reschedule-time");
        time.setPrefColumnCount(5);
        TextField duration = new TextField(String.valueOf(b.durationMinutes()));
        duration.setId("bookings-reschedule-duration");
        duration.setPrefColumnCount(4);
        ComboBox<String> bay = new ComboBox<>(FXCollections.observableArrayList(AgendaPane.bays(owner.snapshot().bookings())));
        bay.setEditable(true);
        bay.setValue(b.bay());
        bay.setId("bookings-reschedule-bay");
        Label error = new Label();
        error.setId("bookings-reschedule-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        Button apply = new Button(format.t("bookings.reschedule.apply"));
        apply.setId("bookings-reschedule-apply");
        apply.setOnAction(e -> {
            error.setText("");
            Instant start;
            int minutes;
            try {
                start = date.getValue().atTime(LocalTime.parse(time.getText().strip())).atZone(format.i18n().zone()).toInstant();
            } catch (DateTimeParseException | NullPointerException ex) {
                error.setText(format.t("bookings.form.time.invalid"));
                return;
            }
            try {
                minutes = Integer.parseInt(duration.getText().strip());
            } catch (NumberFormatException ex) {
                minutes = -1;
            }
            if (minutes < 1 || minutes > 10_080) {
                error.setText(format.t("bookings.form.duration.invalid"));
                return;
            }
            String newBay = bay.getValue() == null || bay.getValue().isBlank() ? b.bay() : bay.getValue().strip();
            int chosen = minutes;
            owner.read(m -> m.bookings().overlapping(newBay, start, chosen, b.id()), taken -> {
                if (!taken.isEmpty()) {
                    Booking other = taken.getFirst().booking();
                    error.setText(format.t("bookings.form.slotTaken", newBay, format.slot(other), format.customer(other)));
                    return;
                }
                owner.change(m -> m.bookings().reschedule(b.id(), start, chosen, newBay),
                        format.t("bookings.reschedule.done", format.customer(b), format.date(start) + " " + format.time(start)), null);
            });
        });
        time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        duration.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox when = new HBox(8, date, time);
        when.setAlignment(Pos.CENTER_LEFT);
        Label minutes = new Label(format.t("bookings.form.minutes"));
        minutes.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox where = new HBox(8, bay, minutes, duration);
        where.setAlignment(Pos.CENTER_LEFT);
        return Views.section(format.t("bookings.detail.reschedule"), when, where, apply, error);
    }

    /** Each field changed on both sides: both values, and the user's choice. */
    private VBox conflicts(LocalBooking local, List<BookingConflict> conflicts) {
        VBox list = new VBox(10);
        for (BookingConflict k : conflicts) {
            Label field = new Label(format.field(k.field()));
            field.getStyleClass().add("bookings-conflict-field");
            Label mine = new Label(format.t("bookings.conflict.mine", format.value(k.field(), k.localValue())));
            mine.setId("bookings-conflict-mine-value");
            mine.setWrapText(true);
            Label theirs = new Label(format.t("bookings.conflict.theirs", format.value(k.field(), k.remoteValue())));
            theirs.setId("bookings-conflict-theirs-value");
            theirs.setWrapText(true);
            Button keep = new Button(format.t("bookings.conflict.keepMine"));
            keep.setId("bookings-conflict-keep");
            Button take = new Button(format.t("bookings.conflict.takeTheirs"));
            take.setId("bookings-conflict-take");
            keep.setOnAction(e -> resolve(local, k, ConflictRepository.Choice.KEEP_MINE));
            take.setOnAction(e -> resolve(local, k, ConflictRepository.Choice.TAKE_THEIRS));
            keep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            take.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox one = new VBox(4, field, mine, theirs, new FlowPane(8, 8, keep, take));
            one.getStyleClass().add("bookings-conflict");
            list.getChildren().add(one);
        }
        VBox section = Views.section(format.t("bookings.detail.conflicts"), list);
        section.getStyleClass().add("bookings-conflicts");
        return section;
    }

    private void resolve(LocalBooking local, BookingConflict k, ConflictRepository.Choice choice) {
        owner.change(m -> {
            m.conflicts().resolve(k.bookingId(), k.field(), choice);
            return null;
        }, format.t("bookings.conflict.resolved", format.field(k.field()), format.customer(local.booking())), null);
    }
}
