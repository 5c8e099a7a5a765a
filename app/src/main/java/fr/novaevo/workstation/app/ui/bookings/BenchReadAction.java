package fr.novaevo.workstation.app.ui.bookings;

import java.util.Optional;
import java.util.OptionalLong;
import fr.novaevo.workstation.app.ui.BenchVehicle;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.sync.model.Booking;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;

/**
 * "Lire au banc": fills the booking's vehicle (VIN from the last scan, mileage from PID A6, or typed by the
 * user when the car does not give it) from the vehicle connected in the Véhicule area. The change goes
 * through the outbox like any edit ({@code vehicle.vin}, {@code vehicle.mileageKm}).
 */
final class BenchReadAction {

    /** Beyond any car's odometer: a typo, not a mileage. */
    static final long MAX_MILEAGE_KM = 9_999_999;

    private final BookingsView owner;
    private final BookingsFormat format;

    BenchReadAction(BookingsView owner) {
        this.owner = owner;
        this.format = owner.format();
    }

    VBox view(Booking booking) {
        BenchVehicle bench = owner.context().benchVehicle();
        Button read = new Button(format.t("bookings.bench.read"));
        read.setId("bookings-bench-read");
        // Bindings hold the long-lived holder weakly: a redrawn detail leaves nothing behind.
        read.disableProperty().bind(bench.connectedProperty().isNull());
        read.setOnAction(e -> bench.connected().ifPresent(vehicle -> read(booking, vehicle)));
        Label hint = Views.help("");
        hint.setId("bookings-bench-hint");
        hint.textProperty().bind(Bindings.createStringBinding(() -> bench.connected()
                .map(v -> format.t("bookings.bench.connected", v.vin().orElse(format.t("bookings.bench.noVin"))))
                .orElse(format.t("bookings.bench.none")), bench.connectedProperty()));
        return Views.section(format.t("bookings.bench.title"), hint, read);
    }

    private void read(Booking booking, BenchVehicle.Connected vehicle) {
        owner.message(format.t("bookings.bench.reading"), "message-ok");
        vehicle.readOdometerKm().whenCompleteAsync((odometer, failure) -> {
            if (failure != null) {
                owner.message(format.t("bookings.bench.failed", format.error(BookingsArea.unwrap(failure))),
                        "message-error");
                return;
            }
            apply(booking, vehicle.vin().orElse(null), odometer);
        }, FxExecutor.INSTANCE);
    }

    private void apply(Booking booking, String vin, OptionalLong odometer) {
        Long mileage = odometer.isPresent() ? Long.valueOf(odometer.getAsLong()) : askMileage(booking).orElse(null);
        if (vin == null && mileage == null) {
            owner.message(format.t("bookings.bench.nothing"), "message-warning");
            return;
        }
        String booked = booking.vehicle() == null ? null : booking.vehicle().vin();
        if (vin != null && booked != null && !booked.equals(vin) && !Views.confirm(owner.context().window(),
                format.t("bookings.bench.otherVehicle.title"), format.t("bookings.bench.otherVehicle", vin, booked),
                format.i18n())) {
            return;
        }
        String done = mileage == null ? format.t("bookings.bench.done.vin", vin)
                : vin == null ? format.t("bookings.bench.done.mileage", format.i18n().number(mileage, 0))
                : format.t("bookings.bench.done", vin, format.i18n().number(mileage, 0));
        owner.change(m -> m.bookings().recordVehicle(booking.id(), vin, mileage), done, null);
    }

    /** The car does not give its odometer: the user reads the dashboard. Empty when they cancel. */
    private Optional<Long> askMileage(Booking booking) {
        TextInputDialog dialog = new TextInputDialog(booking.vehicle() == null || booking.vehicle().mileageKm() == null
                ? "" : String.valueOf(booking.vehicle().mileageKm()));
        dialog.initOwner(owner.context().window());
        dialog.setTitle(format.t("bookings.bench.mileage.title"));
        dialog.setHeaderText(format.t("bookings.bench.mileage.header"));
        dialog.setContentText(format.t("bookings.bench.mileage.label"));
        dialog.getEditor().setId("bookings-bench-mileage");
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("bookings-bench-mileage-ok");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> parseMileage(dialog.getEditor().getText()).isEmpty(),
                dialog.getEditor().textProperty()));
        return dialog.showAndWait().flatMap(BenchReadAction::parseMileage);
    }

    /** "48 210", "48210 km" or "48.210": whole kilometres, 0 to {@link #MAX_MILEAGE_KM}. */
    static Optional<Long> parseMileage(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("(?i)km", "").replaceAll("[\\s\\u00a0\\u202f.]", "");
        if (!digits.matches("\\d{1,7}")) {
            return Optional.empty();
        }
        long km = Long.parseLong(digits);
        return km <= MAX_MILEAGE_KM ? Optional.of(km) : Optional.empty();
    }
}
