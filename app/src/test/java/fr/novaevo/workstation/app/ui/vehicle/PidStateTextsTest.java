package fr.novaevo.workstation.app.ui.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.obd.service.PidCatalog;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every state a PID can show is worded in French and in English, not left in the catalogue's English. */
class PidStateTextsTest {

    private final I18n french = new I18n("fr", ZoneId.of("Europe/Paris"));
    private final I18n english = new I18n("en", ZoneId.of("Europe/Paris"));

    @Test
    void everyCatalogueStateHasAKeyInBothLanguages() {
        assertThat(PidCatalog.stateTexts()).isNotEmpty().allSatisfy(state -> {
            String key = VehicleTexts.stateKey(state);
            assertThat(french.has(key)).as("French " + key + " for '" + state + "'").isTrue();
            assertThat(english.has(key)).as("English " + key + " for '" + state + "'").isTrue();
        });
        assertThat(PidCatalog.stateTexts().stream().map(VehicleTexts::stateKey).distinct())
                .as("one key per wording").hasSameSizeAs(PidCatalog.stateTexts());
    }

    @Test
    void statesReadInFrench() {
        PidCatalog catalog = new PidCatalog();
        assertThat(VehicleTexts.state(french, "Closed loop / Open loop (not warm)"))
                .isEqualTo("Boucle fermée / Boucle ouverte (moteur froid)");
        assertThat(VehicleTexts.state(french, "Unknown (3F)")).isEqualTo("Code inconnu (3F)");
        assertThat(VehicleTexts.state(french, "EMD+")).isEqualTo("EMD+ (moteurs moyens, Californie)");
        assertThat(VehicleTexts.reading(french, catalog.find(0x1C).orElseThrow().decode("7E8", new int[] {6})))
                .isEqualTo("EOBD (Europe)");
        assertThat(VehicleTexts.reading(french, catalog.find(0x51).orElseThrow().decode("7E8", new int[] {4})))
                .isEqualTo("Gazole");
        assertThat(VehicleTexts.reading(french, catalog.find(0x12).orElseThrow().decode("7E8", new int[] {8})))
                .isEqualTo("Pompe en marche pour le diagnostic");
        assertThat(VehicleTexts.reading(french, catalog.find(0x01).orElseThrow().decode("7E8",
                new int[] {0x82, 0x07, 0xE5, 0x04}))).isEqualTo("Voyant allumé, 2 code(s)");
        assertThat(VehicleTexts.reading(english, catalog.find(0x1E).orElseThrow().decode("7E8", new int[] {1})))
                .isEqualTo("PTO active");
        for (String state : List.of("Hybrid regenerative", "Not OBD compliant", "JOBD, EOBD and OBD-II")) {
            assertThat(VehicleTexts.state(french, state)).as(state).isNotEqualTo(state);
        }
    }
}
