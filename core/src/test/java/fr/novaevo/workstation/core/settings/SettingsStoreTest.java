package fr.novaevo.workstation.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.SchemaModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dataDir;

    private Database open() {
        return Database.open(DataLayout.at(dataDir), List.of(new SchemaModule("core")), Clock.systemUTC());
    }

    @Test
    void valuesSurviveARestartAndBlankRemoves() {
        try (Database database = open()) {
            SettingsStore settings = new SettingsStore(database.dataSource(), Clock.systemUTC());
            assertThat(settings.putAll(Map.of(GarageIdentity.NAME, "Garage du Centre", "ui.language", "en")))
                    .containsExactlyInAnyOrder(GarageIdentity.NAME, "ui.language");
            assertThat(settings.putAll(Map.of(GarageIdentity.NAME, "Garage du Centre"))).as("unchanged").isEmpty();
            Map<String, String> removal = new HashMap<>();
            removal.put("ui.language", " ");
            settings.putAll(removal);
        }
        try (Database database = open()) {
            SettingsStore settings = new SettingsStore(database.dataSource(), Clock.systemUTC());
            assertThat(settings.get(GarageIdentity.NAME)).hasValue("Garage du Centre");
            assertThat(settings.get("ui.language")).isEmpty();
            assertThat(GarageIdentity.from(settings).name()).isEqualTo("Garage du Centre");
        }
    }

    @Test
    void siretChecksTheLuhnKeyAndLaPostesException() {
        assertThat(GarageIdentity.isValidSiret("732 829 320 00074")).isTrue();
        assertThat(GarageIdentity.isValidSiret("73282932000075")).isFalse();
        assertThat(GarageIdentity.isValidSiret("35600000000010")).as("La Poste: digit sum multiple of 5").isTrue();
        assertThat(GarageIdentity.isValidSiret("35600000000011")).isFalse();
        assertThat(GarageIdentity.isValidSiret("7328293200007")).isFalse();
        assertThat(GarageIdentity.isValidSiret(null)).isFalse();
    }
}
