package fr.novaevo.workstation.app.ui.vehicle;

import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.obd.history.DiagnosticSession;
import fr.novaevo.workstation.obd.history.RecordingInfo;
import fr.novaevo.workstation.obd.history.ReportEntry;
import fr.novaevo.workstation.obd.history.VehicleHistory;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Historique: the earlier sessions, reports and recordings of the connected vehicle's VIN (or of a VIN typed
 * in); a recording can be read back into the live view or exported as CSV.
 */
final class HistoryView {

    private final ScrollPane root;

    HistoryView(UiContext context, VehicleModel model, VehicleArea area) {
        I18n i18n = context.i18n();
        TextField vin = new TextField(model.historyVin.get());
        vin.setId("vehicle-history-vin");
        vin.setPromptText(i18n.t("vehicle.history.vin.prompt"));
        vin.setPrefColumnCount(20);
        Button show = new Button(i18n.t("vehicle.history.show"));
        show.setId("vehicle-history-show");
        show.getStyleClass().addAll("primary", "vehicle-big-button");
        show.setDefaultButton(false);
        show.setOnAction(e -> area.showHistory(vin.getText()));
        vin.setOnAction(e -> area.showHistory(vin.getText()));
        Label message = new Label();
        message.setId("vehicle-history-message");
        message.setWrapText(true);
        message.textProperty().bind(model.historyMessage);

        ObservableList<DiagnosticSession> sessionRows = FXCollections.observableArrayList();
        TableView<DiagnosticSession> sessions = new TableView<>(sessionRows);
        sessions.setId("vehicle-history-sessions");
        sessions.setPlaceholder(new Label(i18n.t("vehicle.history.sessions.none")));
        sessions.getColumns().add(column(i18n.t("vehicle.history.column.date"), 170,
                s -> i18n.dateTime(s.startedAt())));
        sessions.getColumns().add(column(i18n.t("vehicle.history.column.adapter"), 220,
                s -> s.adapter() + " · " + s.protocol()));
        sessions.getColumns().add(column(i18n.t("vehicle.history.column.codes"), 260, s -> codes(i18n, s)));
        sessions.getColumns().add(column(i18n.t("vehicle.history.column.notes"), 300,
                s -> s.notes().replaceAll("\\s+", " ")));
        sessions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sessions.setPrefHeight(118);

        ObservableList<ReportEntry> reportRows = FXCollections.observableArrayList();
        TableView<ReportEntry> reports = new TableView<>(reportRows);
        reports.setId("vehicle-history-reports");
        reports.setPlaceholder(new Label(i18n.t("vehicle.history.reports.none")));
        reports.getColumns().add(column(i18n.t("vehicle.history.column.date"), 150,
                r -> i18n.dateTime(r.createdAt())));
        TableColumn<ReportEntry, String> languageColumn = column(i18n.t("vehicle.history.column.language"), 85,
                r -> i18n.t("vehicle.report.language." + r.language()));
        languageColumn.setMinWidth(80);
        reports.getColumns().add(languageColumn);
        reports.getColumns().add(column(i18n.t("vehicle.history.column.file"), 500,
                r -> r.path().getFileName().toString()));
        reports.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        reports.setPrefHeight(112);

        ObservableList<RecordingInfo> recordingRows = FXCollections.observableArrayList();
        TableView<RecordingInfo> recordings = new TableView<>(recordingRows);
        recordings.setId("vehicle-history-recordings");
        recordings.setPlaceholder(new Label(i18n.t("vehicle.history.recordings.none")));
        recordings.getColumns().add(column(i18n.t("vehicle.history.column.number"), 45,
                r -> Long.toString(r.id())));
        recordings.getColumns().add(column(i18n.t("vehicle.history.column.date"), 170,
                r -> i18n.dateTime(r.startedAt())));
        recordings.getColumns().add(column(i18n.t("vehicle.history.column.samples"), 120,
                r -> i18n.t("vehicle.live.samples", r.samples())));
        recordings.getColumns().add(column(i18n.t("vehicle.history.column.pids"), 300,
                r -> String.join(", ", r.pids().stream().map(area::pidName).toList())));
        recordings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recordings.setPrefHeight(112);
        Button replay = new Button(i18n.t("vehicle.history.replay"));
        replay.setId("vehicle-history-replay");
        replay.getStyleClass().add("vehicle-big-button");
        replay.setOnAction(e -> {
            RecordingInfo selected = recordings.getSelectionModel().getSelectedItem();
            if (selected != null) {
                area.replay(selected);
            }
        });
        Button export = new Button(i18n.t("vehicle.history.export"));
        export.setId("vehicle-history-export");
        export.getStyleClass().add("vehicle-big-button");
        export.setOnAction(e -> {
            RecordingInfo selected = recordings.getSelectionModel().getSelectedItem();
            if (selected != null) {
                area.exportRecording(selected);
            }
        });
        replay.disableProperty().bind(recordings.getSelectionModel().selectedItemProperty().isNull());
        export.disableProperty().bind(recordings.getSelectionModel().selectedItemProperty().isNull());

        HBox search = new HBox(10, new Label(i18n.t("vehicle.history.vin")), vin, show);
        HBox.setHgrow(vin, Priority.SOMETIMES);
        search.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox reportBox = Views.section(i18n.t("vehicle.history.section.reports"), reports);
        VBox recordingActions = new VBox(8, replay, export);
        replay.setMaxWidth(Double.MAX_VALUE);
        export.setMaxWidth(Double.MAX_VALUE);
        replay.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        recordingActions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox recordingRow = new HBox(10, recordings, recordingActions);
        HBox.setHgrow(recordings, Priority.ALWAYS);
        VBox recordingBox = Views.section(i18n.t("vehicle.history.section.recordings"), recordingRow);
        HBox.setHgrow(reportBox, Priority.ALWAYS);
        HBox.setHgrow(recordingBox, Priority.ALWAYS);
        reportBox.setPrefWidth(400);
        recordingBox.setPrefWidth(600);
        VBox content = new VBox(12,
                Views.section(i18n.t("vehicle.history.section.search"), search, message),
                Views.section(i18n.t("vehicle.history.section.sessions"), sessions),
                new HBox(12, reportBox, recordingBox));

        Runnable refresh = () -> {
            VehicleHistory h = model.history.get();
            RecordingInfo selected = recordings.getSelectionModel().getSelectedItem();
            sessionRows.setAll(h == null ? List.of() : h.sessions());
            reportRows.setAll(h == null ? List.of() : h.reports());
            recordingRows.setAll(h == null ? List.of() : h.recordings());
            if (selected != null) {
                recordingRows.stream().filter(r -> r.id() == selected.id()).findFirst()
                        .ifPresent(r -> recordings.getSelectionModel().select(r));
            }
            VehicleTexts.style(message, model.historyMessageError.get() ? "message-error" : null, "message-error");
        };
        area.listen(model.history, refresh);
        area.listen(model.historyMessageError, refresh);
        // the connected vehicle's history, as soon as its session is recorded
        area.listen(model.session, () -> {
            DiagnosticSession s = model.session.get();
            if (s != null && !s.vin().isEmpty() && !s.vin().equals(vin.getText())
                    && (vin.getText().isBlank() || vin.getText().equals(model.historyVin.get()))) {
                vin.setText(s.vin());
                area.showHistory(s.vin());
            }
        });
        area.listen(model.historyVin, () -> {
            if (!model.historyVin.get().equals(vin.getText())) {
                vin.setText(model.historyVin.get());
            }
        });
        DiagnosticSession current = model.session.get();
        if (model.historyVin.get().isEmpty() && current != null && !current.vin().isEmpty()) {
            vin.setText(current.vin());
            area.showHistory(current.vin());
        }
        refresh.run();

        VBox page = new VBox(12, Views.title(i18n.t("vehicle.history.title")), content);
        page.getStyleClass().add("area");
        page.setId("vehicle-history-view");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
    }

    private static String codes(I18n i18n, DiagnosticSession s) {
        String before = String.join(" ", s.codesBefore().stored().stream().map(d -> d.code()).distinct().toList());
        String text = i18n.t("vehicle.report.codes.count", s.codesBefore().count())
                + (before.isEmpty() ? "" : " (" + before + ")");
        if (s.codesAfter().isPresent()) {
            text += " → " + i18n.t("vehicle.history.cleared", s.codesAfter().get().count());
        }
        return text;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    Node view() {
        return root;
    }

    void dispose() {
        // listeners are the area's (removed with the view)
    }
}
