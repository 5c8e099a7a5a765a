package fr.novaevo.workstation.app.ui.vehicle;

import java.util.Optional;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.obd.service.EcuIdentification;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Identification: UDS ReadDataByIdentifier of the engine ECU (VIN F190, part F187, software F189, serial F18C). */
final class IdentificationView {

    private final VBox root;

    IdentificationView(UiContext context, VehicleModel model, VehicleArea area) {
        I18n i18n = context.i18n();
        Label ecu = VehicleTexts.value("vehicle-id-ecu");
        Label vin = VehicleTexts.value("vehicle-id-vin");
        Label part = VehicleTexts.value("vehicle-id-part");
        Label software = VehicleTexts.value("vehicle-id-software");
        Label serial = VehicleTexts.value("vehicle-id-serial");
        GridPane form = Views.form();
        Views.row(form, i18n.t("vehicle.id.ecu"), ecu);
        Views.row(form, i18n.t("vehicle.id.vin"), vin);
        Views.row(form, i18n.t("vehicle.id.part"), part);
        Views.row(form, i18n.t("vehicle.id.software"), software);
        Views.row(form, i18n.t("vehicle.id.serial"), serial);
        Label error = new Label();
        error.setId("vehicle-id-error");
        error.getStyleClass().add("vehicle-error");
        error.setWrapText(true);
        Button read = new Button(i18n.t("vehicle.id.read"));
        read.setId("vehicle-id-read");
        read.getStyleClass().add("vehicle-big-button");
        read.setOnAction(e -> area.readIdentification());
        Label empty = Views.help(i18n.t("vehicle.notconnected"));
        empty.getStyleClass().add("vehicle-empty");
        Label unavailable = new Label();
        unavailable.setId("vehicle-id-unavailable");
        unavailable.getStyleClass().add("vehicle-warning");
        unavailable.setWrapText(true);
        VBox content = new VBox(14, Views.section(i18n.t("vehicle.id.section"), unavailable, form, error,
                Views.help(i18n.t("vehicle.id.help"))), read);
        Runnable refresh = () -> {
            boolean has = model.scan.get() != null;
            content.setVisible(has);
            content.setManaged(has);
            empty.setVisible(!has);
            empty.setManaged(!has);
            boolean uds = model.udsAvailable.get();
            read.setDisable(!uds || !model.connected() || !model.busy.get().isEmpty());
            unavailable.setText(uds || !has ? "" : i18n.t("vehicle.id.unavailable", model.scan.get().protocol()));
            unavailable.setVisible(!uds);
            unavailable.setManaged(!uds);
            form.setVisible(uds);
            form.setManaged(uds);
            EcuIdentification id = model.identification.get();
            String absent = i18n.t("vehicle.id.absent");
            ecu.setText(id == null ? "—" : id.ecu() + " " + OverviewView.ecuRole(i18n, id.ecu()));
            vin.setText(id == null ? "—" : text(id.vin(), absent));
            part.setText(id == null ? "—" : text(id.sparePartNumber(), absent));
            software.setText(id == null ? "—" : text(id.softwareVersion(), absent));
            serial.setText(id == null ? "—" : text(id.serialNumber(), absent));
            Throwable failure = model.identificationFailure.get();
            error.setText(failure == null ? "" : VehicleTexts.error(i18n, failure));
            error.setVisible(failure != null);
            error.setManaged(failure != null);
        };
        area.listen(model.identification, refresh);
        area.listen(model.identificationFailure, refresh);
        area.listen(model.scan, refresh);
        area.listen(model.state, refresh);
        area.listen(model.udsAvailable, refresh);
        area.listen(model.busy, refresh);
        refresh.run();
        root = new VBox(Views.title(i18n.t("vehicle.id.title")), empty, content);
        root.getStyleClass().add("area");
        root.setId("vehicle-identification-view");
    }

    private static String text(Optional<String> value, String absent) {
        return value.filter(v -> !v.isBlank()).orElse(absent);
    }

    Node view() {
        return root;
    }

    void dispose() {
        // listeners are removed by the area with the view
    }
}
