package fr.novaevo.workstation.app.ui.vehicle;

import java.util.List;
import java.util.stream.Collectors;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.obd.session.ScanResult;
import fr.novaevo.workstation.obd.vin.VinIssue;
import fr.novaevo.workstation.obd.vin.VinReport;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Vue d'ensemble: VIN and what it decodes to, protocol, ECUs, MIL, number of codes, battery voltage. */
final class OverviewView {

    private final Node root;

    OverviewView(UiContext context, VehicleModel model, VehicleArea area) {
        I18n i18n = context.i18n();
        Label vin = VehicleTexts.value("vehicle-vin");
        vin.getStyleClass().add("vehicle-vin");
        Label vinCheck = VehicleTexts.value("vehicle-vin-check");
        Label maker = VehicleTexts.value("vehicle-maker");
        Label country = VehicleTexts.value("vehicle-country");
        Label year = VehicleTexts.value("vehicle-year");
        GridPane identity = Views.form();
        Views.row(identity, i18n.t("vehicle.overview.vin"), vin, vinCheck);
        Views.row(identity, i18n.t("vehicle.overview.maker"), maker);
        Views.row(identity, i18n.t("vehicle.overview.country"), country);
        Views.row(identity, i18n.t("vehicle.overview.year"), year);

        Label mil = VehicleTexts.value("vehicle-mil");
        Label count = VehicleTexts.value("vehicle-code-count");
        Label voltage = VehicleTexts.value("vehicle-voltage");
        GridPane health = Views.form();
        Views.row(health, i18n.t("vehicle.overview.mil"), mil);
        Views.row(health, i18n.t("vehicle.overview.codes"), count);
        Views.row(health, i18n.t("vehicle.overview.voltage"), voltage);

        Label protocol = VehicleTexts.value("vehicle-protocol");
        Label ecus = VehicleTexts.value("vehicle-ecus");
        Label adapter = VehicleTexts.value("vehicle-adapter");
        GridPane link = Views.form();
        Views.row(link, i18n.t("vehicle.overview.protocol"), protocol);
        Views.row(link, i18n.t("vehicle.overview.ecus"), ecus);
        Views.row(link, i18n.t("vehicle.overview.adapter"), adapter);

        Label empty = Views.help(i18n.t("vehicle.notconnected"));
        empty.setId("vehicle-overview-empty");
        empty.getStyleClass().add("vehicle-empty");
        VBox content = new VBox(14,
                Views.section(i18n.t("vehicle.overview.section.vehicle"), identity),
                Views.section(i18n.t("vehicle.overview.section.health"), health),
                Views.section(i18n.t("vehicle.overview.section.link"), link));
        VBox page = new VBox(Views.title(i18n.t("vehicle.overview.title")), empty, content);
        page.getStyleClass().add("area");

        Runnable refresh = () -> {
            ScanResult scan = model.scan.get();
            content.setVisible(scan != null);
            content.setManaged(scan != null);
            empty.setVisible(scan == null);
            empty.setManaged(scan == null);
            if (scan == null) {
                return;
            }
            vin.setText(scan.vin().orElse(i18n.t("vehicle.overview.vin.none")));
            VinReport report = scan.vehicle().orElse(null);
            String unknown = i18n.t("vehicle.unknown");
            if (report != null) {
                maker.setText(report.manufacturer().orElse(unknown));
                country.setText(report.country().orElse(unknown));
                year.setText(report.modelYear().isPresent() ? Integer.toString(report.modelYear().getAsInt()) : unknown);
                List<VinIssue> issues = report.issues();
                String issuesText = issues.stream()
                        .map(issue -> "en".equals(i18n.language()) ? issue.english() : issue.french())
                        .collect(Collectors.joining(" "));
                vinCheck.setText((report.valid() ? i18n.t("vehicle.overview.vin.valid")
                        : i18n.t("vehicle.overview.vin.invalid")) + (issuesText.isEmpty() ? "" : " " + issuesText));
                vinCheck.getStyleClass().setAll("help-text", report.valid() ? "message-ok" : "message-error");
            } else {
                maker.setText(unknown);
                country.setText(unknown);
                year.setText(unknown);
                vinCheck.setText("");
            }
            mil.setText(scan.mil() ? i18n.t("vehicle.mil.on") : i18n.t("vehicle.mil.off"));
            VehicleTexts.style(mil, scan.mil() ? "vehicle-mil-on" : "vehicle-mil-off", "vehicle-mil-on", "vehicle-mil-off");
            ScanResult.Dtcs d = scan.dtcs();
            count.setText(i18n.t("vehicle.overview.codes.count", d.count(), d.stored().size(), d.pending().size(),
                    d.permanent().size()));
            VehicleTexts.style(count, d.count() > 0 ? "vehicle-warning" : "vehicle-ok", "vehicle-warning", "vehicle-ok");
            protocol.setText(scan.protocol());
            ecus.setText(scan.ecus().stream().map(e -> e + " " + ecuRole(i18n, e)).collect(Collectors.joining(", ")));
            ScanResult.Adapter a = scan.adapter();
            adapter.setText(i18n.t("vehicle.overview.adapter.text", a.type(), a.version(), a.probedVersion()));
        };
        Runnable volts = () -> {
            double v = model.voltage.get();
            voltage.setText(Double.isNaN(v) ? i18n.t("vehicle.unknown") : i18n.number(v, 1) + " V");
            String style = Double.isNaN(v) ? null : v < 11.8 ? "vehicle-warning" : "vehicle-ok";
            VehicleTexts.style(voltage, style, "vehicle-warning", "vehicle-ok");
        };
        area.listen(model.scan, refresh);
        area.listen(model.voltage, volts);
        refresh.run();
        volts.run();
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("vehicle-overview-view");
        root = scroll;
    }

    /** 7E8 is the engine, 7E9 the gearbox on CAN; 10 and 18 on K-line (ISO 15031-5 addresses). */
    static String ecuRole(I18n i18n, String ecu) {
        return switch (ecu) {
            case "7E8", "18DAF110", "10" -> "(" + i18n.t("vehicle.ecu.engine") + ")";
            case "7E9", "18DAF118", "18" -> "(" + i18n.t("vehicle.ecu.transmission") + ")";
            default -> "";
        };
    }

    Node view() {
        return root;
    }

    void dispose() {
        // listeners are removed by the area with the view
    }
}
