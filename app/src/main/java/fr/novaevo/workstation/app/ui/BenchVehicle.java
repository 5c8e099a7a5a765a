package fr.novaevo.workstation.app.ui;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The vehicle connected at the bench, as the Véhicule area last read it, for the other areas (a booking's
 * "Lire au banc"): they see what the vehicle said without reaching into the Véhicule area. Touched on the
 * JavaFX thread only.
 */
public final class BenchVehicle {

    /** A connected vehicle: its VIN from the last scan and a way to read its odometer now. */
    public interface Connected {
        /** The VIN read by mode 09 at the last scan; empty when the vehicle does not give it. */
        Optional<String> vin();

        /**
         * Reads PID A6 (odometer, km) on the vehicle's own connection thread; empty when the vehicle does
         * not support it, so that the caller asks the user instead.
         */
        CompletableFuture<OptionalLong> readOdometerKm();
    }

    private final ReadOnlyObjectWrapper<Connected> connected = new ReadOnlyObjectWrapper<>(this, "connected");

    /** Null while no vehicle is connected. */
    public ReadOnlyObjectProperty<Connected> connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public Optional<Connected> connected() {
        return Optional.ofNullable(connected.get());
    }

    /** The Véhicule area: a scan finished ({@code vehicle}) or the link ended ({@code null}). */
    public void set(Connected vehicle) {
        connected.set(vehicle);
    }
}
