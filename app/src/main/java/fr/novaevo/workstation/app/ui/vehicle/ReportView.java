package fr.novaevo.workstation.app.ui.vehicle;

import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.obd.history.DiagnosticSession;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Rapport: the technician's notes, then the PDF diagnostic report of the current session (garage, vehicle,
 * codes before and after clearing, readiness, key live values, notes) written on a background job; its path
 * and a button to open its folder.
 */
final class ReportView {

    private final VBox root;
    private final Runnable disposer;

    ReportView(UiContext context, VehicleModel model, VehicleArea area) {
        I18n i18n = context.i18n();
        Label vin = VehicleTexts.value("vehicle-report-vin");
        Label date = VehicleTexts.value("vehicle-report-date");
        Label codes = VehicleTexts.value("vehicle-report-codes");
        GridPane form = Views.form();
        Views.row(form, i18n.t("vehicle.report.vin"), vin);
        Views.row(form, i18n.t("vehicle.report.date"), date);
        Views.row(form, i18n.t("vehicle.report.codes"), codes);

        TextArea notes = new TextArea();
        notes.setId("vehicle-report-notes");
        notes.setPromptText(i18n.t("vehicle.report.notes.prompt"));
        notes.setWrapText(true);
        notes.setPrefRowCount(6);
        notes.textProperty().bindBidirectional(model.reportNotes); // kept across visits, cleared per vehicle

        ChoiceBox<String> language = new ChoiceBox<>(FXCollections.observableArrayList(I18n.LANGUAGES));
        language.setId("vehicle-report-language");
        language.setValue(i18n.language());
        language.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : i18n.t("vehicle.report.language." + code);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });

        Button generate = new Button(i18n.t("vehicle.report.generate"));
        generate.setId("vehicle-report-generate");
        generate.getStyleClass().addAll("primary", "vehicle-big-button");
        generate.setOnAction(e -> area.generateReport(notes.getText(), language.getValue()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("vehicle-report-progress");
        progress.setPrefSize(26, 26);
        Label message = new Label();
        message.setId("vehicle-report-message");
        message.setWrapText(true);
        message.textProperty().bind(model.reportMessage);
        TextField path = new TextField();
        path.setId("vehicle-report-path");
        path.setEditable(false);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button open = new Button(i18n.t("vehicle.report.open"));
        open.setId("vehicle-report-open");
        open.getStyleClass().add("vehicle-big-button");
        open.setOnAction(e -> area.openReportFolder());
        HBox written = new HBox(10, path, open);

        HBox actions = new HBox(10, new Label(i18n.t("vehicle.report.language")), language, generate, progress);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        written.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label empty = Views.help(i18n.t("vehicle.report.nosession"));
        empty.getStyleClass().add("vehicle-empty");
        VBox content = new VBox(14,
                Views.section(i18n.t("vehicle.report.section.session"), form),
                Views.section(i18n.t("vehicle.report.section.notes"), notes,
                        Views.help(i18n.t("vehicle.report.notes.help"))),
                actions,
                message, written);

        Runnable refresh = () -> {
            DiagnosticSession s = model.session.get();
            boolean has = s != null;
            content.setVisible(has);
            content.setManaged(has);
            empty.setVisible(!has);
            empty.setManaged(!has);
            if (has) {
                vin.setText(s.vin().isEmpty() ? i18n.t("vehicle.report.novin") : s.vin());
                date.setText(i18n.dateTime(s.startedAt()));
                codes.setText(s.codesAfter().isPresent()
                        ? i18n.t("vehicle.report.codes.cleared", s.codesBefore().count(), s.codesAfter().get().count())
                        : i18n.t("vehicle.report.codes.count", s.codesBefore().count()));
            }
            boolean running = model.reportRunning.get();
            generate.setDisable(!has || running);
            progress.setVisible(running);
            progress.setManaged(running);
            java.nio.file.Path p = model.reportPath.get();
            path.setText(p == null ? "" : p.toString());
            written.setVisible(p != null);
            written.setManaged(p != null);
            VehicleTexts.style(message, model.reportMessageError.get() ? "message-error" : "message-ok",
                    "message-error", "message-ok");
        };
        area.listen(model.session, refresh);
        area.listen(model.reportRunning, refresh);
        area.listen(model.reportPath, refresh);
        area.listen(model.reportMessageError, refresh);
        area.listen(model.reportMessage, refresh);
        disposer = () -> notes.textProperty().unbindBidirectional(model.reportNotes);
        refresh.run();

        root = new VBox(14, Views.title(i18n.t("vehicle.report.title")), empty, content);
        root.getStyleClass().add("area");
        root.setId("vehicle-report-view");
    }

    Node view() {
        return root;
    }

    void dispose() {
        disposer.run();
    }
}
