package fr.novaevo.workstation.app.ui.vehicle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.obd.dtc.CodeStatus;
import fr.novaevo.workstation.obd.service.CodeKind;
import fr.novaevo.workstation.obd.service.FreezeFrame;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.session.ScanResult;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Codes défaut: stored, pending and permanent codes with description, severity and ECU; the freeze frame of
 * the selected code; clearing after an explicit confirmation, then the codes read again.
 */
final class CodesView {

    /** One line of the table. */
    record CodeRow(CodeKind kind, ScanResult.Dtc dtc) {
    }

    private final Node root;
    private final UiContext context;
    private final VehicleModel model;

    CodesView(UiContext context, VehicleModel model, VehicleArea area) {
        this.context = context;
        this.model = model;
        I18n i18n = context.i18n();
        ObservableList<CodeRow> rows = FXCollections.observableArrayList();
        TableView<CodeRow> table = new TableView<>(rows);
        table.setId("vehicle-codes-table");
        table.setPlaceholder(new Label(i18n.t("vehicle.codes.none")));
        table.getColumns().add(text(i18n.t("vehicle.codes.column.list"), 150,
                r -> i18n.t("vehicle.codes.kind." + r.kind().name().toLowerCase(java.util.Locale.ROOT))));
        table.getColumns().add(text(i18n.t("vehicle.codes.column.code"), 90, r -> r.dtc().code()));
        TableColumn<CodeRow, CodeRow> severity = new TableColumn<>(i18n.t("vehicle.codes.column.severity"));
        severity.setPrefWidth(120);
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        severity.setCellFactory(c -> new SeverityCell(i18n));
        table.getColumns().add(severity);
        table.getColumns().add(text(i18n.t("vehicle.codes.column.description"), 480, r -> description(i18n, r.dtc())));
        table.getColumns().add(text(i18n.t("vehicle.codes.column.ecu"), 150,
                r -> r.dtc().ecu() + " " + OverviewView.ecuRole(i18n, r.dtc().ecu())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(150);
        table.setMinHeight(130);

        Label summary = new Label();
        summary.setId("vehicle-codes-summary");
        summary.getStyleClass().add("help-text");

        Button reread = new Button(i18n.t("vehicle.codes.reread"));
        reread.setId("vehicle-codes-refresh");
        reread.getStyleClass().add("vehicle-big-button");
        reread.setOnAction(e -> area.readVehicle(false));
        Button clear = new Button(i18n.t("vehicle.codes.clear"));
        clear.setId("vehicle-codes-clear");
        clear.getStyleClass().addAll("vehicle-big-button", "vehicle-danger");
        clear.setOnAction(e -> {
            ScanResult scan = model.scan.get();
            if (scan != null) {
                confirmClear(i18n, scan).ifPresent(area::clearCodes);
            }
        });
        Label message = new Label();
        message.setId("vehicle-codes-message");
        message.setWrapText(true);
        message.textProperty().bind(model.codesMessage);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        // Partner parts for the selected code, through the window's platform session.
        Button offers = fr.novaevo.workstation.app.ui.bookings.PartsOffersDialog.button(context,
                javafx.beans.binding.Bindings.createStringBinding(() -> table.getSelectionModel().getSelectedItem() == null
                        ? null : table.getSelectionModel().getSelectedItem().dtc().code(),
                        table.getSelectionModel().selectedItemProperty()),
                () -> model.scan.get() == null ? null : model.scan.get().vin().orElse(null));
        HBox actions = new HBox(12, reread, clear, offers, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label freezeTitle = new Label();
        freezeTitle.setId("vehicle-freeze-title");
        freezeTitle.setWrapText(true);
        ObservableList<PidReading> freezeRows = FXCollections.observableArrayList();
        TableView<PidReading> freeze = new TableView<>(freezeRows);
        freeze.setId("vehicle-freeze-table");
        freeze.setPlaceholder(new Label(i18n.t("vehicle.freeze.empty")));
        TableColumn<PidReading, String> pidName = new TableColumn<>(i18n.t("vehicle.freeze.column.parameter"));
        pidName.setPrefWidth(360);
        pidName.setCellValueFactory(c -> new ReadOnlyStringWrapper(area.pidName(c.getValue().pid())));
        TableColumn<PidReading, String> pidValue = new TableColumn<>(i18n.t("vehicle.freeze.column.value"));
        pidValue.setPrefWidth(200);
        pidValue.setCellValueFactory(c -> new ReadOnlyStringWrapper(VehicleTexts.reading(i18n, c.getValue())));
        freeze.getColumns().add(pidName);
        freeze.getColumns().add(pidValue);
        freeze.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        freeze.setPrefHeight(200);
        freeze.setMinHeight(110);

        Runnable showFreeze = () -> {
            CodeRow selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                freezeTitle.setText(i18n.t("vehicle.freeze.select"));
                freezeRows.clear();
                return;
            }
            Optional<FreezeFrame> frame = model.freezeFrames.get().stream()
                    .filter(f -> f.ecu().equals(selected.dtc().ecu()))
                    .filter(f -> f.trigger().map(t -> t.code().equals(selected.dtc().code())).orElse(false))
                    .findFirst();
            if (frame.isPresent()) {
                freezeTitle.setText(i18n.t("vehicle.freeze.of", selected.dtc().code(), selected.dtc().ecu()));
                freezeRows.setAll(frame.get().values());
            } else {
                freezeTitle.setText(i18n.t("vehicle.freeze.none", selected.dtc().code()));
                freezeRows.clear();
            }
        };
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showFreeze.run());

        Label empty = Views.help(i18n.t("vehicle.notconnected"));
        empty.getStyleClass().add("vehicle-empty");
        VBox codes = new VBox(10, table, actions, Views.help(i18n.t("vehicle.codes.help")));
        VBox freezeSection = Views.section(i18n.t("vehicle.freeze.section"), freezeTitle, freeze);
        VBox.setVgrow(freeze, Priority.ALWAYS);
        VBox.setVgrow(freezeSection, Priority.ALWAYS);
        Label codesTitle = new Label(i18n.t("vehicle.codes.section"));
        codesTitle.getStyleClass().add("section-title");
        HBox codesHeader = new HBox(16, codesTitle, summary);
        codesHeader.setAlignment(Pos.BASELINE_LEFT);
        VBox codesSection = new VBox(codesHeader, codes);
        codesSection.getStyleClass().add("section");
        VBox content = new VBox(14, codesSection, freezeSection);
        VBox.setVgrow(content, Priority.ALWAYS);

        Runnable refresh = () -> {
            ScanResult scan = model.scan.get();
            boolean has = scan != null;
            content.setVisible(has);
            content.setManaged(has);
            empty.setVisible(!has);
            empty.setManaged(!has);
            List<CodeRow> all = new ArrayList<>();
            if (has) {
                scan.dtcs().stored().forEach(d -> all.add(new CodeRow(CodeKind.STORED, d)));
                scan.dtcs().pending().forEach(d -> all.add(new CodeRow(CodeKind.PENDING, d)));
                scan.dtcs().permanent().forEach(d -> all.add(new CodeRow(CodeKind.PERMANENT, d)));
                summary.setText(i18n.t("vehicle.overview.codes.count", scan.dtcs().count(), scan.dtcs().stored().size(),
                        scan.dtcs().pending().size(), scan.dtcs().permanent().size()));
            }
            rows.setAll(all);
            clear.setDisable(!has || !model.connected() || !model.busy.get().isEmpty());
            reread.setDisable(!has || !model.connected() || !model.busy.get().isEmpty());
            if (!all.isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
            showFreeze.run();
        };
        Runnable style = () -> VehicleTexts.style(message, model.codesMessageError.get() ? "message-error" : "message-ok",
                "message-error", "message-ok");
        area.listen(model.scan, refresh);
        area.listen(model.freezeFrames, showFreeze);
        area.listen(model.state, refresh);
        area.listen(model.busy, refresh);
        area.listen(model.codesMessageError, style);
        refresh.run();
        style.run();

        VBox page = new VBox(Views.title(i18n.t("vehicle.codes.title")), empty, content);
        page.getStyleClass().add("area");
        page.setId("vehicle-codes-view");
        root = page;
    }

    private static String description(I18n i18n, ScanResult.Dtc dtc) {
        if (dtc.status() == CodeStatus.MANUFACTURER_SPECIFIC) {
            return i18n.t("vehicle.codes.manufacturer") + (dtc.description().isBlank() ? "" : " — " + dtc.description());
        }
        if (dtc.status() == CodeStatus.UNKNOWN && dtc.description().isBlank()) {
            return i18n.t("vehicle.codes.unknown");
        }
        return dtc.description();
    }

    /**
     * Asks before clearing, with the advice: ignition on, engine off; what clearing also erases; permanent codes
     * stay. The "clear" button is enabled only once the user ticked that the engine is off.
     *
     * @return whether the user confirmed the engine is off, or empty when they cancelled
     */
    private Optional<Boolean> confirmClear(I18n i18n, ScanResult scan) {
        ButtonType yes = new ButtonType(i18n.t("vehicle.clear.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", yes, no);
        alert.initOwner(context.window());
        alert.setTitle(i18n.t("vehicle.clear.title"));
        alert.setHeaderText(i18n.t("vehicle.clear.header", scan.dtcs().count(), scan.vin().orElse(model.port.get())));
        Label advice = new Label(i18n.t("vehicle.clear.advice"));
        advice.setWrapText(true);
        advice.setId("vehicle-clear-advice");
        advice.setMaxWidth(520);
        CheckBox engineOff = new CheckBox(i18n.t("vehicle.clear.engineoff"));
        engineOff.setId("vehicle-clear-engine-off");
        engineOff.setWrapText(true);
        VBox content = new VBox(12, advice, engineOff);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("vehicle-clear-dialog");
        Node confirm = alert.getDialogPane().lookupButton(yes);
        confirm.setId("vehicle-clear-confirm");
        confirm.disableProperty().bind(engineOff.selectedProperty().not());
        alert.getDialogPane().lookupButton(no).setId("vehicle-clear-cancel");
        return alert.showAndWait().filter(yes::equals).map(b -> engineOff.isSelected());
    }

    private static TableColumn<CodeRow, String> text(String title, double width,
            java.util.function.Function<CodeRow, String> value) {
        TableColumn<CodeRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    /** The severity in its colour, with the rule that gave it as a tooltip. */
    private static final class SeverityCell extends TableCell<CodeRow, CodeRow> {
        private final I18n i18n;
        private final Label badge = new Label();

        SeverityCell(I18n i18n) {
            this.i18n = i18n;
            badge.getStyleClass().add("vehicle-severity");
        }

        @Override
        protected void updateItem(CodeRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            badge.setText(VehicleTexts.severity(i18n, row.dtc().severity()));
            badge.getStyleClass().removeIf(s -> s.startsWith("vehicle-severity-"));
            badge.getStyleClass().add(VehicleTexts.severityStyle(row.dtc().severity()));
            setGraphic(badge);
            setTooltip(row.dtc().why() == null || row.dtc().why().isBlank() ? null : new Tooltip(row.dtc().why()));
        }
    }

    Node view() {
        return root;
    }

    void dispose() {
        // listeners are removed by the area with the view
    }
}
