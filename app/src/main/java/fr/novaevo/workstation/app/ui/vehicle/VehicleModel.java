package fr.novaevo.workstation.app.ui.vehicle;

import java.util.List;
import fr.novaevo.workstation.obd.service.EcuIdentification;
import fr.novaevo.workstation.obd.service.FreezeFrame;
import fr.novaevo.workstation.obd.service.MonitorTest;
import fr.novaevo.workstation.obd.session.ScanResult;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the area's views show, kept across the views' rebuilds (each visit of the area builds new nodes).
 * Touched on the JavaFX thread only: the background work hands its results over with the FX executor.
 */
final class VehicleModel {

    final ObjectProperty<VehicleConnection.State> state = new SimpleObjectProperty<>(VehicleConnection.State.DISCONNECTED);
    final StringProperty port = new SimpleStringProperty("");
    /** Why the last connect failed or why the adapter was lost; null otherwise. */
    final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    final ObjectProperty<ScanResult> scan = new SimpleObjectProperty<>();
    final ObjectProperty<List<MonitorTest>> monitorTests = new SimpleObjectProperty<>(List.of());
    final ObjectProperty<Throwable> monitorFailure = new SimpleObjectProperty<>();
    final ObjectProperty<List<FreezeFrame>> freezeFrames = new SimpleObjectProperty<>(List.of());
    final ObjectProperty<EcuIdentification> identification = new SimpleObjectProperty<>();
    final ObjectProperty<Throwable> identificationFailure = new SimpleObjectProperty<>();
    /** UDS runs over ISO-TP, so on CAN only: false for a K-line or J1850 vehicle. */
    final BooleanProperty udsAvailable = new SimpleBooleanProperty(true);
    final DoubleProperty voltage = new SimpleDoubleProperty(Double.NaN);
    /** A request to the vehicle is under way (reading, clearing): its text, or "" when idle. */
    final StringProperty busy = new SimpleStringProperty("");
    /** The last result or failure of an action of the codes screen. */
    final StringProperty codesMessage = new SimpleStringProperty("");
    final BooleanProperty codesMessageError = new SimpleBooleanProperty();
    /** Automatic reconnection attempts since the adapter was lost; 0 when none is under way. */
    final javafx.beans.property.IntegerProperty reconnectAttempt = new javafx.beans.property.SimpleIntegerProperty();
    final BooleanProperty liveRunning = new SimpleBooleanProperty();
    final StringProperty liveMessage = new SimpleStringProperty("");
    final LiveBuffer live = new LiveBuffer();
    /** The PIDs chosen for live data, in the order chosen. */
    final javafx.collections.ObservableList<Integer> livePids = javafx.collections.FXCollections.observableArrayList();

    /** The diagnostic session recorded for the current connection; null until it is saved. */
    final ObjectProperty<fr.novaevo.workstation.obd.history.DiagnosticSession> session = new SimpleObjectProperty<>();
    /** The technician's notes for the report, kept while the area lives. */
    final StringProperty reportNotes = new SimpleStringProperty("");
    final BooleanProperty reportRunning = new SimpleBooleanProperty();
    final StringProperty reportMessage = new SimpleStringProperty("");
    final BooleanProperty reportMessageError = new SimpleBooleanProperty();
    /** The last report written; null before. */
    final ObjectProperty<java.nio.file.Path> reportPath = new SimpleObjectProperty<>();
    /** Live data is being recorded to the database. */
    final BooleanProperty recording = new SimpleBooleanProperty();
    final StringProperty recordMessage = new SimpleStringProperty("");
    /** The recording last read back into the live view; null when the live view shows the vehicle. */
    final ObjectProperty<fr.novaevo.workstation.obd.history.RecordingInfo> replayed = new SimpleObjectProperty<>();
    final StringProperty replayMessage = new SimpleStringProperty("");
    /** The history shown, the VIN it was asked for, and the result of its last action. */
    final ObjectProperty<fr.novaevo.workstation.obd.history.VehicleHistory> history = new SimpleObjectProperty<>();
    final StringProperty historyVin = new SimpleStringProperty("");
    final StringProperty historyMessage = new SimpleStringProperty("");
    final BooleanProperty historyMessageError = new SimpleBooleanProperty();

    boolean connected() {
        return state.get() == VehicleConnection.State.CONNECTED;
    }

    /** Forgets the vehicle's data (a new connection starts). */
    void clearVehicle() {
        scan.set(null);
        monitorTests.set(List.of());
        monitorFailure.set(null);
        freezeFrames.set(List.of());
        identification.set(null);
        identificationFailure.set(null);
        voltage.set(Double.NaN);
        udsAvailable.set(true);
        codesMessage.set("");
        liveMessage.set("");
        session.set(null);
        reportNotes.set("");
        reportMessage.set("");
        reportPath.set(null);
    }
}
