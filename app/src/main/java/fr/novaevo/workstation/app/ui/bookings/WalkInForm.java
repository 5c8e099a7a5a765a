package fr.novaevo.workstation.app.ui.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.BookingService;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.Customer;
import fr.novaevo.workstation.sync.model.ServiceCode;
import fr.novaevo.workstation.sync.model.Vehicle;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A walk-in booking (a customer who came without an appointment), created at the workstation and sent with
 * the next cycle. Checked here as the platform would (name, slot, bay free, VIN) before anything is written.
 */
final class WalkInForm {

    /** The form's root, so that the view knows the form is open. */
    static final class View extends VBox {
        View() {
            super(12);
        }
    }

    private final BookingsView owner;
    private final BookingsFormat format;
    private final View root = new View();

    WalkInForm(BookingsView owner) {
        this.owner = owner;
        this.format = owner.format();
        build();
    }

    View view() {
        return root;
    }

    private void build() {
        root.setId("bookings-walkin");
        root.getStyleClass().add("bookings-detail");
        Label title = new Label(format.t("bookings.walkin.title"));
        title.getStyleClass().add("section-title");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        javafx.scene.layout.ColumnConstraints captions = new javafx.scene.layout.ColumnConstraints();
        captions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        form.getColumnConstraints().addAll(captions, fields);
        TextField name = field("bookings-walkin-name");
        TextField phone = field("bookings-walkin-phone");
        TextField plate = field("bookings-walkin-plate");
        TextField make = field("bookings-walkin-make");
        TextField model = field("bookings-walkin-model");
        TextField vin = field("bookings-walkin-vin");
        TextField mileage = field("bookings-walkin-mileage");
        LocalTime now = LocalTime.now(format.i18n().zone()).withSecond(0).withNano(0);
        DatePicker date = new DatePicker(LocalDate.now(format.i18n().zone()));
        date.setId("bookings-walkin-date");
        TextField time = field("bookings-walkin-time");
        time.setText(now.withMinute(now.getMinute() < 30 ? 30 : 0).plusHours(now.getMinute() < 30 ? 0 : 1).toString());
        TextField duration = field("bookings-walkin-duration");
        duration.setText("60");
        ComboBox<String> bay = new ComboBox<>(FXCollections.observableArrayList(AgendaPane.bays(owner.snapshot().bookings())));
        bay.setEditable(true);
        bay.setId("bookings-walkin-bay");
        bay.getSelectionModel().selectFirst();
        bay.setMaxWidth(Double.MAX_VALUE);
        ComboBox<ServiceCode> service = new ComboBox<>(FXCollections.observableArrayList(ServiceCode.values()));
        service.setId("bookings-walkin-service");
        service.setConverter(converter(c -> format.t("bookings.service." + c.wire())));
        service.setValue(ServiceCode.DIAGNOSTIC);
        service.setMaxWidth(Double.MAX_VALUE);
        TextField description = field("bookings-walkin-description");
        List<BookingStatus> startStatuses = java.util.Arrays.stream(BookingStatus.values())
                .filter(BookingStatus::allowedOnCreate).toList();
        ComboBox<BookingStatus> status = new ComboBox<>(FXCollections.observableArrayList(startStatuses));
        status.setId("bookings-walkin-status");
        status.setConverter(converter(format::status));
        status.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(BookingStatus item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : format.status(item));
            }
        });
        status.setValue(BookingStatus.CHECKED_IN);
        status.setMaxWidth(Double.MAX_VALUE);
        TextField notes = field("bookings-walkin-notes");

        date.setConverter(format.dateConverter());
        date.setPrefWidth(150);
        make.setPromptText(format.t("bookings.walkin.make"));
        model.setPromptText(format.t("bookings.walkin.model"));
        mileage.setPromptText(format.t("bookings.walkin.mileage"));
        time.setPrefColumnCount(5);
        time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        duration.setPrefColumnCount(4);
        duration.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        row(form, "bookings.walkin.name", name);
        row(form, "bookings.walkin.phone", phone);
        row(form, "bookings.walkin.vehicle", pair(make, model));
        row(form, "bookings.walkin.plate", pair(plate, mileage));
        row(form, "bookings.walkin.vin", vin);
        row(form, "bookings.walkin.date", pair(date, time));
        row(form, "bookings.walkin.bay", bay);
        row(form, "bookings.walkin.duration", duration);
        row(form, "bookings.walkin.service", service);
        row(form, "bookings.walkin.description", description);
        row(form, "bookings.walkin.status", status);
        row(form, "bookings.walkin.notes", notes);

        Label error = new Label();
        error.setId("bookings-walkin-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        Button create = new Button(format.t("bookings.walkin.create"));
        create.setId("bookings-walkin-create");
        create.getStyleClass().add("primary");
        Button cancel = new Button(format.t("common.cancel"));
        cancel.setId("bookings-walkin-cancel");
        cancel.setOnAction(e -> owner.closeWalkInForm(null));
        create.setOnAction(e -> {
            error.setText("");
            if (name.getText().isBlank()) {
                error.setText(format.t("bookings.walkin.name.required"));
                return;
            }
            Instant start;
            try {
                start = date.getValue().atTime(LocalTime.parse(time.getText().strip())).atZone(format.i18n().zone()).toInstant();
            } catch (DateTimeParseException | NullPointerException ex) {
                error.setText(format.t("bookings.form.time.invalid"));
                return;
            }
            int minutes = parse(duration.getText());
            if (minutes < 1 || minutes > 10_080) {
                error.setText(format.t("bookings.form.duration.invalid"));
                return;
            }
            String chosenBay = bay.getValue() == null ? "" : bay.getValue().strip();
            if (chosenBay.isEmpty()) {
                error.setText(format.t("bookings.walkin.bay.required"));
                return;
            }
            String vinText = vin.getText().strip().toUpperCase(Locale.ROOT);
            if (!vinText.isEmpty() && !Vehicle.isValidVin(vinText)) {
                error.setText(format.t("bookings.walkin.vin.invalid"));
                return;
            }
            Long km = null;
            if (!mileage.getText().isBlank()) {
                try {
                    km = Long.parseLong(mileage.getText().strip().replaceAll("[\\s\u202f\u00a0]", ""));
                } catch (NumberFormatException ex) {
                    km = -1L;
                }
                if (km < 0) {
                    error.setText(format.t("bookings.walkin.mileage.invalid"));
                    return;
                }
            }
            Booking draft = new Booking(null, null, null, status.getValue(), start, minutes, chosenBay,
                    new Customer(name.getText().strip(), blankToNull(phone.getText()), null),
                    new Vehicle(vinText.isEmpty() ? null : vinText, blankToNull(plate.getText()), blankToNull(make.getText()),
                            blankToNull(model.getText()), null, km),
                    new BookingService(service.getValue(), description.getText().strip()), notes.getText().strip(),
                    null, null, null);
            create.setDisable(true);
            owner.read(m -> m.bookings().overlapping(chosenBay, start, minutes, null), taken -> {
                if (!taken.isEmpty()) {
                    create.setDisable(false);
                    Booking other = taken.getFirst().booking();
                    error.setText(format.t("bookings.form.slotTaken", chosenBay, format.slot(other), format.customer(other)));
                    return;
                }
                owner.change(m -> m.bookings().createWalkIn(draft),
                        format.t("bookings.walkin.created", draft.customer().name()),
                        created -> owner.closeWalkInForm(created.booking().id()));
            });
        });
        HBox actions = new HBox(10, create, cancel);
        root.getChildren().addAll(title, Views.help(format.t("bookings.walkin.help")), form, actions, error);
    }

    private static HBox pair(javafx.scene.Node first, javafx.scene.Node second) {
        HBox box = new HBox(8, first, second);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(first, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        return field;
    }

    private void row(GridPane form, String key, javafx.scene.Node field) {
        int row = form.getRowCount();
        Label caption = new Label(format.t(key));
        caption.setLabelFor(field);
        form.add(caption, 0, row);
        form.add(field, 1, row);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
