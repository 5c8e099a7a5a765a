package fr.novaevo.workstation.app.ui.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.ui.DemoMode;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.settings.GarageIdentity;
import fr.novaevo.workstation.core.settings.SettingsStore;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings form's state: one property per field, loaded from the settings, validated as typed, saved in
 * one go. The API key never comes back from the secret store into the form: only whether one is stored.
 */
public final class SettingsViewModel {

    /** The ELM327 protocol numbers (ATSP n) a user may force instead of the automatic search. */
    public static final List<String> PROTOCOLS = List.of("auto", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final List<String> BAUD_RATES = List.of("auto", "9600", "38400", "57600", "115200", "230400", "500000");

    private final Workstation workstation;

    final StringProperty language = new SimpleStringProperty();
    final StringProperty technician = new SimpleStringProperty();
    final StringProperty garageName = new SimpleStringProperty();
    final StringProperty garageAddress = new SimpleStringProperty();
    final StringProperty garageSiret = new SimpleStringProperty();
    final StringProperty garagePhone = new SimpleStringProperty();
    final StringProperty garageLogo = new SimpleStringProperty();
    final StringProperty adapterPort = new SimpleStringProperty();
    final StringProperty adapterBaud = new SimpleStringProperty();
    final StringProperty adapterProtocol = new SimpleStringProperty();
    final StringProperty platformUrl = new SimpleStringProperty();
    final StringProperty platformGarage = new SimpleStringProperty();
    final StringProperty newApiKey = new SimpleStringProperty("");
    final BooleanProperty apiKeyStored = new SimpleBooleanProperty();

    final BooleanBinding siretValid = Bindings.createBooleanBinding(() -> SettingsValidation.siret(garageSiret.get()), garageSiret);
    final BooleanBinding phoneValid = Bindings.createBooleanBinding(() -> SettingsValidation.phone(garagePhone.get()), garagePhone);
    final BooleanBinding portValid = Bindings.createBooleanBinding(() -> SettingsValidation.adapterPort(adapterPort.get()), adapterPort);
    final BooleanBinding urlValid = Bindings.createBooleanBinding(() -> SettingsValidation.platformUrl(platformUrl.get()), platformUrl);
    final BooleanBinding valid = siretValid.and(phoneValid).and(portValid).and(urlValid);

    public SettingsViewModel(Workstation workstation) {
        this.workstation = workstation;
        load();
    }

    /** (Re)reads every field from the stored settings, dropping unsaved edits. */
    public void load() {
        SettingsStore s = workstation.settings();
        language.set(s.get(MainWindow.LANGUAGE_SETTING, "fr"));
        technician.set(s.get(Workstation.TECHNICIAN_SETTING, ""));
        garageName.set(s.get(GarageIdentity.NAME, ""));
        garageAddress.set(s.get(GarageIdentity.ADDRESS, ""));
        garageSiret.set(s.get(GarageIdentity.SIRET, ""));
        garagePhone.set(s.get(GarageIdentity.PHONE, ""));
        garageLogo.set(s.get(GarageIdentity.LOGO, ""));
        adapterPort.set(s.get(DemoMode.ADAPTER_PORT, ""));
        adapterBaud.set(s.get(DemoMode.ADAPTER_BAUD, "auto"));
        adapterProtocol.set(s.get(DemoMode.ADAPTER_PROTOCOL, "auto"));
        platformUrl.set(s.get(DemoMode.PLATFORM_URL, ""));
        platformGarage.set(s.get(DemoMode.PLATFORM_GARAGE, ""));
        newApiKey.set("");
        apiKeyStored.set(workstation.secrets().contains(DemoMode.PLATFORM_API_KEY_SECRET));
    }

    private Map<String, String> formValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(MainWindow.LANGUAGE_SETTING, language.get());
        values.put(Workstation.TECHNICIAN_SETTING, technician.get());
        values.put(GarageIdentity.NAME, garageName.get());
        values.put(GarageIdentity.ADDRESS, garageAddress.get());
        values.put(GarageIdentity.SIRET, garageSiret.get() == null ? null : garageSiret.get().replace(" ", ""));
        values.put(GarageIdentity.PHONE, garagePhone.get());
        values.put(GarageIdentity.LOGO, garageLogo.get());
        values.put(DemoMode.ADAPTER_PORT, adapterPort.get());
        values.put(DemoMode.ADAPTER_BAUD, "auto".equals(adapterBaud.get()) ? null : adapterBaud.get());
        values.put(DemoMode.ADAPTER_PROTOCOL, "auto".equals(adapterProtocol.get()) ? null : adapterProtocol.get());
        values.put(DemoMode.PLATFORM_URL, platformUrl.get());
        values.put(DemoMode.PLATFORM_GARAGE, platformGarage.get());
        return values;
    }

    /** True when the form differs from what is stored. */
    public boolean dirty() {
        SettingsStore s = workstation.settings();
        for (Map.Entry<String, String> field : formValues().entrySet()) {
            String stored = s.get(field.getKey()).orElse(null);
            String typed = field.getValue() == null || field.getValue().isBlank() ? null : field.getValue().strip();
            if (field.getKey().equals(MainWindow.LANGUAGE_SETTING) && stored == null) {
                stored = "fr";
            }
            if (!java.util.Objects.equals(stored, typed)) {
                return true;
            }
        }
        return !newApiKey.get().isEmpty();
    }

    /**
     * Saves the form; records what changed in the audit journal (names only: values may be personal data,
     * and never a secret).
     *
     * @return the names of the settings that changed
     */
    public Set<String> save() {
        if (!valid.get()) {
            throw new WorkstationException("SETTINGS-INVALID", "some settings are not valid");
        }
        Set<String> changed = new TreeSet<>(workstation.settings().putAll(formValues()));
        if (!changed.isEmpty()) {
            workstation.audit().record("settings.changed", String.join(", ", changed), "");
        }
        if (!newApiKey.get().isEmpty()) {
            char[] key = newApiKey.get().strip().toCharArray();
            try {
                workstation.secrets().put(DemoMode.PLATFORM_API_KEY_SECRET, key);
            } finally {
                Arrays.fill(key, '\0');
            }
            newApiKey.set("");
            workstation.audit().record("settings.api_key.changed", "", "");
            changed.add(DemoMode.PLATFORM_API_KEY_SECRET);
        }
        apiKeyStored.set(workstation.secrets().contains(DemoMode.PLATFORM_API_KEY_SECRET));
        return changed;
    }

    public void forgetApiKey() {
        workstation.secrets().remove(DemoMode.PLATFORM_API_KEY_SECRET);
        workstation.audit().record("settings.api_key.removed", "", "");
        apiKeyStored.set(false);
    }

    /**
     * Copies a logo into the data folder, so that reports still find it when the original file moves.
     * The caller has checked that the file is an image.
     */
    public void useLogo(Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.endsWith(".png") ? "png" : "jpg";
        Path target = workstation.layout().root().resolve("garage-logo." + extension);
        try {
            Files.copy(image, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WorkstationException("SETTINGS-WRITE", "cannot copy the logo into the data folder", e);
        }
        garageLogo.set(target.toString());
    }

    public Workstation workstation() {
        return workstation;
    }
}
