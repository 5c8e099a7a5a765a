package fr.novaevo.workstation.app.ui.settings;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import fr.novaevo.workstation.app.bootstrap.DataFolderMove;
import fr.novaevo.workstation.app.ui.Area;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** Paramètres: language, data folder, garage identity, adapter defaults, platform access. */
public final class SettingsArea implements Area {

    public static final String ID = "settings";

    private final UiContext context;

    public SettingsArea(UiContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.settings";
    }

    @Override
    public Node createView() {
        I18n i18n = context.i18n();
        SettingsViewModel model = new SettingsViewModel(context.workstation());
        Label message = new Label();
        message.setId("settings-message");

        VBox page = new VBox(Views.title(i18n.t("settings.title")),
                general(model, i18n),
                dataFolder(i18n, message),
                garage(model, i18n),
                adapter(model, i18n),
                platform(model, i18n));
        page.getStyleClass().add("area");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        // The save bar stays in view however far the form is scrolled.
        HBox actions = actions(model, i18n, message);
        actions.getStyleClass().add("action-bar");
        javafx.scene.layout.BorderPane view = new javafx.scene.layout.BorderPane(scroll);
        view.setBottom(actions);
        view.setId("settings-view");
        return view;
    }

    private VBox general(SettingsViewModel model, I18n i18n) {
        GridPane form = Views.form();
        ComboBox<String> language = new ComboBox<>(FXCollections.observableList(I18n.LANGUAGES));
        language.setId("settings-language");
        language.setConverter(converter(code -> i18n.t("settings.language." + code)));
        language.valueProperty().bindBidirectional(model.language);
        Views.row(form, i18n.t("settings.language"), language);
        TextField technician = field("settings-technician", model.technician);
        Views.row(form, i18n.t("settings.technician"), technician, Views.help(i18n.t("settings.technician.help")));
        return Views.section(i18n.t("settings.section.general"), form);
    }

    private VBox dataFolder(I18n i18n, Label message) {
        GridPane form = Views.form();
        Label current = new Label(context.workstation().layout().root().toString());
        current.setId("settings-data-folder");
        Views.row(form, i18n.t("settings.data.current"), current);
        Button change = new Button(i18n.t("settings.data.change"));
        change.setId("settings-data-change");
        change.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.t("settings.data.change"));
            File chosen = chooser.showDialog(context.window());
            if (chosen != null) {
                moveDataFolder(chosen.toPath(), i18n, message);
            }
        });
        Views.row(form, "", change);
        return Views.section(i18n.t("settings.section.data"), form);
    }

    private void moveDataFolder(Path folder, I18n i18n, Label message) {
        context.workstation().jobs().submit("backup.manual", folder.toString(), job -> {
            job.progress(0, 1, "copy");
            DataFolderMove.prepare(context.workstation(), folder);
            job.progress(1, 1, "copy");
            return folder;
        }).result().whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                Views.showError(context.window(), i18n, failure.getCause() == null ? failure : failure.getCause());
            } else {
                show(message, i18n.t("settings.data.changed", folder) + " " + i18n.t("settings.data.restart"), "message-warning");
            }
        }, FxExecutor.INSTANCE);
    }

    private VBox garage(SettingsViewModel model, I18n i18n) {
        GridPane form = Views.form();
        Views.row(form, i18n.t("settings.garage.name"), field("settings-garage-name", model.garageName));
        TextArea address = new TextArea();
        address.setId("settings-garage-address");
        address.setPrefRowCount(3);
        address.textProperty().bindBidirectional(model.garageAddress);
        Views.row(form, i18n.t("settings.garage.address"), address);
        TextField siret = field("settings-garage-siret", model.garageSiret);
        Views.row(form, i18n.t("settings.garage.siret"), siret,
                errorLine(siret, model.siretValid, i18n.t("settings.garage.siret.invalid"), "settings-garage-siret-error"));
        TextField phone = field("settings-garage-phone", model.garagePhone);
        Views.row(form, i18n.t("settings.garage.phone"), phone,
                errorLine(phone, model.phoneValid, i18n.t("settings.garage.phone.invalid"), "settings-garage-phone-error"));
        Views.row(form, i18n.t("settings.garage.logo"), logo(model, i18n));
        return Views.section(i18n.t("settings.section.garage"), form);
    }

    private HBox logo(SettingsViewModel model, I18n i18n) {
        ImageView preview = new ImageView();
        preview.setFitHeight(64);
        preview.setFitWidth(160);
        preview.setPreserveRatio(true);
        Label none = new Label(i18n.t("settings.garage.logo.none"));
        Label error = new Label();
        error.getStyleClass().add("field-error");
        Runnable refresh = () -> {
            String path = model.garageLogo.get();
            boolean has = path != null && !path.isBlank();
            preview.setImage(has ? new Image(Path.of(path).toUri().toString(), true) : null);
            preview.setVisible(has);
            preview.setManaged(has);
            none.setVisible(!has);
            none.setManaged(!has);
        };
        model.garageLogo.addListener((obs, old, now) -> refresh.run());
        refresh.run();
        Button choose = new Button(i18n.t("common.browse"));
        choose.setId("settings-garage-logo-choose");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG, JPEG", "*.png", "*.jpg", "*.jpeg"));
            File file = chooser.showOpenDialog(context.window());
            if (file == null) {
                return;
            }
            Image probe = new Image(file.toURI().toString());
            if (probe.isError() || probe.getWidth() < 1) {
                error.setText(i18n.t("settings.garage.logo.invalid"));
                return;
            }
            error.setText("");
            try {
                model.useLogo(file.toPath());
            } catch (RuntimeException ex) {
                Views.showError(context.window(), i18n, ex);
            }
        });
        Button remove = new Button(i18n.t("common.remove"));
        remove.setOnAction(e -> model.garageLogo.set(""));
        HBox box = new HBox(12, preview, none, choose, remove, error);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox adapter(SettingsViewModel model, I18n i18n) {
        GridPane form = Views.form();
        TextField port = field("settings-adapter-port", model.adapterPort);
        port.setPromptText("sim, /dev/ttyUSB0, COM3, tcp:192.168.0.10:35000");
        Views.row(form, i18n.t("settings.adapter.port"), port, Views.help(i18n.t("settings.adapter.port.help")),
                errorLine(port, model.portValid, i18n.t("settings.adapter.port.invalid"), "settings-adapter-port-error"));
        ComboBox<String> baud = new ComboBox<>(FXCollections.observableList(SettingsViewModel.BAUD_RATES));
        baud.setId("settings-adapter-baud");
        baud.setConverter(converter(v -> v.equals("auto") ? i18n.t("settings.adapter.baud.auto") : v + " bauds"));
        baud.valueProperty().bindBidirectional(model.adapterBaud);
        Views.row(form, i18n.t("settings.adapter.baud"), baud);
        ComboBox<String> protocol = new ComboBox<>(FXCollections.observableList(SettingsViewModel.PROTOCOLS));
        protocol.setId("settings-adapter-protocol");
        protocol.setConverter(converter(v -> v.equals("auto") ? i18n.t("settings.adapter.protocol.auto") : protocolName(v)));
        protocol.valueProperty().bindBidirectional(model.adapterProtocol);
        Views.row(form, i18n.t("settings.adapter.protocol"), protocol);
        return Views.section(i18n.t("settings.section.adapter"), form);
    }

    private VBox platform(SettingsViewModel model, I18n i18n) {
        GridPane form = Views.form();
        TextField url = field("settings-platform-url", model.platformUrl);
        url.setPromptText("https://api.novaevo.fr/v1");
        Views.row(form, i18n.t("settings.platform.url"), url, Views.help(i18n.t("settings.platform.url.help")),
                errorLine(url, model.urlValid, i18n.t("settings.platform.url.invalid"), "settings-platform-url-error"));
        Views.row(form, i18n.t("settings.platform.garage"), field("settings-platform-garage", model.platformGarage));
        PasswordField key = new PasswordField();
        key.setId("settings-platform-apikey");
        key.textProperty().bindBidirectional(model.newApiKey);
        Label keyState = new Label();
        keyState.setId("settings-platform-apikey-state");
        keyState.getStyleClass().add("help-text");
        keyState.textProperty().bind(javafx.beans.binding.Bindings.when(model.apiKeyStored)
                .then(i18n.t("settings.platform.apikey.stored")).otherwise(i18n.t("settings.platform.apikey.none")));
        Button forget = new Button(i18n.t("settings.platform.apikey.forget"));
        forget.setId("settings-platform-apikey-forget");
        forget.disableProperty().bind(model.apiKeyStored.not());
        forget.setOnAction(e -> model.forgetApiKey());
        HBox keyRow = new HBox(10, keyState, forget);
        keyRow.setAlignment(Pos.CENTER_LEFT);
        Views.row(form, i18n.t("settings.platform.apikey"), key, keyRow);
        return Views.section(i18n.t("settings.section.platform"), form);
    }

    private HBox actions(SettingsViewModel model, I18n i18n, Label message) {
        Button save = new Button(i18n.t("common.save"));
        save.setId("settings-save");
        save.getStyleClass().add("primary");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            if (!model.valid.get()) {
                show(message, i18n.t("settings.invalid"), "message-error");
                return;
            }
            String languageBefore = context.workstation().settings().get(MainWindow.LANGUAGE_SETTING, "fr");
            try {
                Set<String> changed = model.save();
                show(message, i18n.t("common.saved"), "message-ok");
                if (!changed.isEmpty() || !languageBefore.equals(model.language.get())) {
                    // The language, the demo banner and the status bar depend on these settings.
                    context.shell().settingsChanged();
                }
            } catch (RuntimeException ex) {
                Views.showError(context.window(), i18n, ex);
            }
        });
        Button revert = new Button(i18n.t("common.revert"));
        revert.setId("settings-revert");
        revert.setOnAction(e -> {
            model.load();
            show(message, "", "message-ok");
        });
        HBox box = new HBox(12, save, revert, message);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TextField field(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** A red line under a field, shown while the field is invalid; the field gets a red border too. */
    private static Label errorLine(TextInputControl field, BooleanBinding valid, String text, String id) {
        Label error = new Label(text);
        error.setId(id);
        error.getStyleClass().add("field-error");
        error.visibleProperty().bind(valid.not());
        error.managedProperty().bind(valid.not());
        valid.addListener((obs, was, ok) -> {
            if (ok) {
                field.getStyleClass().remove("invalid");
            } else if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
        });
        if (!valid.get()) {
            field.getStyleClass().add("invalid");
        }
        return error;
    }

    private static void show(Label message, String text, String style) {
        message.setText(text);
        message.getStyleClass().removeAll("message-ok", "message-warning", "message-error");
        message.getStyleClass().add(style);
    }

    private static String protocolName(String number) {
        return switch (number) {
            case "1" -> "1 — SAE J1850 PWM";
            case "2" -> "2 — SAE J1850 VPW";
            case "3" -> "3 — ISO 9141-2";
            case "4" -> "4 — ISO 14230-4 KWP (5 baud init)";
            case "5" -> "5 — ISO 14230-4 KWP (fast init)";
            case "6" -> "6 — ISO 15765-4 CAN 11 bits 500 kb/s";
            case "7" -> "7 — ISO 15765-4 CAN 29 bits 500 kb/s";
            case "8" -> "8 — ISO 15765-4 CAN 11 bits 250 kb/s";
            case "9" -> "9 — ISO 15765-4 CAN 29 bits 250 kb/s";
            default -> number;
        };
    }

    private static StringConverter<String> converter(java.util.function.Function<String, String> label) {
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
}
