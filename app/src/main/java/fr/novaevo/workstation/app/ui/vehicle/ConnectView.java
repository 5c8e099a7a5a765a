package fr.novaevo.workstation.app.ui.vehicle;

import java.util.List;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.obd.discovery.SerialPortInfo;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Connexion: the demo vehicle, the detected serial ports, a Wi-Fi adapter; connect, cancel, the error. */
final class ConnectView {

    static final List<String> BAUDS = List.of("auto", "38400", "115200", "9600", "230400", "500000", "57600", "19200");

    private final BorderPane root;

    ConnectView(UiContext context, VehicleModel model, ConnectChoice choice, ObservableList<SerialPortInfo> ports,
            VehicleArea area) {
        I18n i18n = context.i18n();
        ToggleGroup kinds = new ToggleGroup();

        RadioButton demo = radio("vehicle-connect-demo", i18n.t("vehicle.connect.demo"), kinds, ConnectChoice.Kind.DEMO);
        ComboBox<String> scenario = new ComboBox<>(FXCollections.observableList(VirtualVehicles.SCENARIOS));
        scenario.setId("vehicle-connect-scenario");
        scenario.setConverter(converter(s -> i18n.tOr("vehicle.scenario." + s, s)));
        scenario.valueProperty().bindBidirectional(choice.scenario);
        scenario.setOnAction(e -> choice.kind.set(ConnectChoice.Kind.DEMO));
        VBox demoBox = new VBox(6, demo, Views.help(i18n.t("vehicle.connect.demo.help")), scenario);

        RadioButton serial = radio("vehicle-connect-serial", i18n.t("vehicle.connect.serial"), kinds,
                ConnectChoice.Kind.SERIAL);
        ListView<SerialPortInfo> list = new ListView<>(ports);
        list.setId("vehicle-connect-ports");
        list.setPrefHeight(112);
        list.setPlaceholder(Views.help(i18n.t("vehicle.connect.ports.none")));
        list.setCellFactory(v -> new PortCell(i18n));
        Runnable selectSaved = () -> ports.stream().filter(p -> p.path().equals(choice.serialPath.get())).findFirst()
                .ifPresent(p -> list.getSelectionModel().select(p));
        javafx.collections.ListChangeListener<SerialPortInfo> portsChanged = c -> selectSaved.run();
        ports.addListener(portsChanged);
        selectSaved.run();
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                choice.serialPath.set(now.path());
                choice.kind.set(ConnectChoice.Kind.SERIAL);
            }
        });
        Button refresh = new Button(i18n.t("vehicle.connect.ports.refresh"));
        refresh.setId("vehicle-connect-refresh");
        refresh.setOnAction(e -> area.refreshPorts());
        VBox serialBox = new VBox(6, serial, Views.help(i18n.t("vehicle.connect.serial.help")), list, refresh);

        RadioButton wifi = radio("vehicle-connect-wifi", i18n.t("vehicle.connect.wifi"), kinds, ConnectChoice.Kind.WIFI);
        TextField address = new TextField();
        address.setId("vehicle-connect-address");
        address.setPromptText(ConnectChoice.DEFAULT_WIFI);
        address.textProperty().bindBidirectional(choice.address);
        address.setOnKeyTyped(e -> choice.kind.set(ConnectChoice.Kind.WIFI));
        VBox wifiBox = new VBox(6, wifi, Views.help(i18n.t("vehicle.connect.wifi.help")), address);

        ComboBox<String> baud = new ComboBox<>(FXCollections.observableList(BAUDS));
        baud.setId("vehicle-connect-baud");
        baud.setConverter(converter(b -> b.equals("auto") ? i18n.t("vehicle.connect.baud.auto") : b + " bauds"));
        if (!BAUDS.contains(choice.baud.get())) {
            choice.baud.set("auto");
        }
        baud.valueProperty().bindBidirectional(choice.baud);
        HBox baudRow = new HBox(10, new Label(i18n.t("vehicle.connect.baud")), baud,
                Views.help(i18n.t("vehicle.connect.baud.help")));
        baudRow.setAlignment(Pos.CENTER_LEFT);

        Runnable showKind = () -> {
            ConnectChoice.Kind k = choice.kind.get();
            kinds.selectToggle(k == ConnectChoice.Kind.DEMO ? demo : k == ConnectChoice.Kind.SERIAL ? serial : wifi);
        };
        area.listen(choice.kind, showKind);
        showKind.run();
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                choice.kind.set((ConnectChoice.Kind) now.getUserData());
            }
        });

        Button connect = new Button(i18n.t("vehicle.connect.button"));
        connect.setId("vehicle-connect-button");
        connect.getStyleClass().addAll("primary", "vehicle-big-button");
        connect.setDefaultButton(true);
        Button cancel = new Button(i18n.t("vehicle.connect.cancel"));
        cancel.setId("vehicle-connect-cancel");
        cancel.getStyleClass().add("vehicle-big-button");
        cancel.setOnAction(e -> area.cancelConnect());
        Button disconnect = new Button(i18n.t("vehicle.disconnect"));
        disconnect.setId("vehicle-connect-disconnect");
        disconnect.getStyleClass().add("vehicle-big-button");
        disconnect.setOnAction(e -> area.disconnect());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("vehicle-connect-progress");
        progress.setPrefSize(36, 36);
        Label error = new Label();
        error.setId("vehicle-connect-error");
        error.getStyleClass().add("vehicle-error");
        error.setWrapText(true);
        Label invalid = new Label();
        invalid.getStyleClass().add("field-error");
        connect.setOnAction(e -> {
            var port = choice.port();
            if (port.isEmpty()) {
                invalid.setText(i18n.t(choice.kind.get() == ConnectChoice.Kind.WIFI ? "vehicle.connect.wifi.invalid"
                        : "vehicle.connect.serial.none"));
                return;
            }
            invalid.setText("");
            area.connect(port.get(), choice.baudRate());
        });
        HBox actions = new HBox(12, connect, cancel, disconnect, progress, invalid);
        actions.setAlignment(Pos.CENTER_LEFT);

        Runnable state = () -> {
            VehicleConnection.State s = model.state.get();
            boolean connecting = s == VehicleConnection.State.CONNECTING;
            boolean open = s == VehicleConnection.State.CONNECTED || s == VehicleConnection.State.LOST;
            connect.setDisable(connecting || s == VehicleConnection.State.CONNECTED);
            show(cancel, connecting);
            show(progress, connecting);
            show(disconnect, open);
            error.setText(model.failure.get() == null ? "" : VehicleTexts.error(i18n, model.failure.get()));
            show(error, model.failure.get() != null);
        };
        area.listen(model.state, state);
        area.listen(model.failure, state);
        state.run();

        VBox page = new VBox(Views.title(i18n.t("vehicle.connect.title")), card(demoBox), card(serialBox),
                card(wifiBox));
        page.getStyleClass().add("area");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        // The connect bar stays in view however far the choices are scrolled.
        HBox go = new HBox(12, baudRow, actions);
        go.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, go, error);
        bar.getStyleClass().add("action-bar");
        root = new BorderPane(scroll);
        root.setBottom(bar);
        root.setId("vehicle-connect-view");
        disposer = () -> ports.removeListener(portsChanged);
    }

    private final Runnable disposer;

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private static VBox card(VBox content) {
        content.getStyleClass().add("section");
        return content;
    }

    private static RadioButton radio(String id, String text, ToggleGroup group, ConnectChoice.Kind kind) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.setUserData(kind);
        button.getStyleClass().add("vehicle-choice");
        return button;
    }

    Node view() {
        return root;
    }

    void dispose() {
        disposer.run();
    }

    static StringConverter<String> converter(java.util.function.Function<String, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }

    /** A port with its USB identity; likely adapters are marked (they come first in the list). */
    private static final class PortCell extends ListCell<SerialPortInfo> {
        private final I18n i18n;

        PortCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(SerialPortInfo port, boolean empty) {
            super.updateItem(port, empty);
            if (empty || port == null) {
                setText(null);
                return;
            }
            StringBuilder text = new StringBuilder(port.path());
            String name = port.name().isEmpty() ? port.description() : port.name();
            if (!name.isEmpty()) {
                text.append(" — ").append(name);
            }
            if (port.isUsb()) {
                text.append(" — USB ").append(port.usbId());
                port.bridge().ifPresent(b -> text.append(" (").append(b.label()).append(')'));
                if (!port.manufacturer().isEmpty()) {
                    text.append(", ").append(port.manufacturer());
                }
            }
            text.append(" — ").append(i18n.t("vehicle.connect.likelihood." + port.likelihood().name().toLowerCase(
                    java.util.Locale.ROOT)));
            setText(text.toString());
        }
    }
}
