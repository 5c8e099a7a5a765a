package fr.novaevo.workstation.app.ui.vehicle;

import fr.novaevo.workstation.app.ui.HeadlessAppTest;
import fr.novaevo.workstation.app.ui.Screenshots;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeoutException;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditQuery;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Véhicule" area of the real application, headless, against the built-in virtual vehicle (port
 * {@code sim}): connect, overview, codes and clearing with the journal, readiness and mode 06, live data,
 * identification, and a vehicle that does not answer. A screenshot of each sub-view goes to target/screenshots.
 */
class VehicleAreaUiTest extends HeadlessAppTest {

    private static final String VIN = "VF1RJA00XKB123456";

    private void tab(String id) {
        TabPane tabs = node("#vehicle-tabs");
        interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> t.getId().equals("tab-vehicle-" + id)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void connectToTheDemoVehicle() throws TimeoutException {
        clickOn("#vehicle-connect-button");
        await(() -> text("#vehicle-vin").equals(VIN) && text("#vehicle-busy").isEmpty());
    }

    /** Chooses a demo scenario, connects and waits for the vehicle's VIN. */
    private void connectTo(String scenario, String vin) throws TimeoutException {
        ComboBox<String> choice = node("#vehicle-connect-scenario");
        interact(() -> choice.setValue(scenario));
        clickOn("#vehicle-connect-button");
        await(() -> text("#vehicle-vin").equals(vin) && text("#vehicle-busy").isEmpty());
    }

    /** What the freeze-frame table shows as the value of {@code pid}. */
    @SuppressWarnings("unchecked")
    private String freezeValue(int pid) {
        TableView<fr.novaevo.workstation.obd.service.PidReading> freeze = node("#vehicle-freeze-table");
        fr.novaevo.workstation.obd.service.PidReading row = freeze.getItems().stream().filter(r -> r.pid() == pid)
                .findFirst().orElseThrow();
        return ((javafx.scene.control.TableColumn<fr.novaevo.workstation.obd.service.PidReading, String>)
                freeze.getColumns().get(1)).getCellData(row);
    }

    @SuppressWarnings("unchecked")
    private List<CodesView.CodeRow> codeRows() {
        return ((TableView<CodesView.CodeRow>) node("#vehicle-codes-table")).getItems();
    }

    @Test
    void opensOnTheVehicleAreaWithTheDemoVehiclePreselectedAndReadsIt() throws Exception {
        assertThat(this.<ToggleButton>node("#nav-vehicle").getText()).isEqualTo("Véhicule");
        assertThat(this.<ToggleButton>node("#nav-vehicle").isSelected()).isTrue();
        assertThat(this.<RadioButton>node("#vehicle-connect-demo").isSelected())
                .as("no adapter port in the settings: the demo vehicle").isTrue();
        assertThat(this.<RadioButton>node("#vehicle-connect-demo").getText()).isEqualTo("Véhicule de démonstration");
        assertThat(this.<javafx.scene.control.TextField>node("#vehicle-connect-address").getText())
                .isEqualTo("tcp:192.168.0.10:35000");
        assertThat(text("#vehicle-state")).isEqualTo("Non connecté");
        Screenshots.save(stage.getScene(), "vehicule-connexion");

        connectToTheDemoVehicle();

        assertThat(text("#vehicle-state")).startsWith("Connecté : Véhicule de démonstration");
        assertThat(text("#vehicle-maker")).containsIgnoringCase("Renault");
        assertThat(text("#vehicle-country")).isEqualTo("France");
        assertThat(text("#vehicle-year")).isEqualTo("2019");
        assertThat(text("#vehicle-protocol")).contains("15765");
        assertThat(text("#vehicle-ecus")).contains("7E8").contains("7E9");
        assertThat(text("#vehicle-mil")).isIn("Allumé", "Éteint");
        assertThat(text("#vehicle-code-count")).startsWith("3 au total : 1 mémorisé(s), 1 en attente, 1 permanent(s)");
        // A voltage read too slowly at connection (a loaded machine) is "inconnu" until the next heartbeat.
        await(() -> text("#vehicle-voltage").endsWith(" V"));
        Screenshots.save(stage.getScene(), "vehicule-vue-ensemble");

        tab("codes");
        assertThat(codeRows()).extracting(r -> r.kind().name() + " " + r.dtc().code())
                .containsExactlyInAnyOrder("STORED P0420", "PENDING P0171", "PERMANENT P0420");
        assertThat(codeRows()).allSatisfy(r -> assertThat(r.dtc().description()).isNotBlank());
        assertThat(codeRows()).allSatisfy(r -> assertThat(r.dtc().ecu()).isEqualTo("7E8"));
        assertThat(text("#vehicle-freeze-title")).as("the first code, stored P0420, has the freeze frame")
                .contains("P0420");
        TableView<?> freeze = node("#vehicle-freeze-table");
        assertThat(freeze.getItems()).isNotEmpty();
        Screenshots.save(stage.getScene(), "vehicule-codes");

        tab("readiness");
        TableView<?> monitors = node("#vehicle-readiness-table");
        TableView<?> mode06 = node("#vehicle-mode06-table");
        assertThat(monitors.getItems()).isNotEmpty();
        assertThat(mode06.getItems()).isNotEmpty();
        assertThat(text("#vehicle-readiness-summary")).startsWith("Non prêt").contains("Système d'évaporation");
        Screenshots.save(stage.getScene(), "vehicule-preparation");

        tab("identification");
        assertThat(text("#vehicle-id-ecu")).startsWith("7E8");
        assertThat(text("#vehicle-id-vin")).isEqualTo(VIN);
        assertThat(text("#vehicle-id-part")).isEqualTo("8201 123 456");
        assertThat(text("#vehicle-id-software")).isEqualTo("SW 4.2.1");
        assertThat(text("#vehicle-id-serial")).isEqualTo("ECM0012345678");
        Screenshots.save(stage.getScene(), "vehicule-identification");
    }

    @Test
    void liveDataRunsForSomeSamplesAndStops() throws Exception {
        connectToTheDemoVehicle();
        tab("live");
        Button start = node("#vehicle-live-start");
        await(() -> !start.isDisabled());
        clickOn("#vehicle-live-start");
        await(() -> {
            String samples = text("#vehicle-live-samples");
            return !samples.startsWith("0 ") && Long.parseLong(samples.split(" ")[0].replace("\u202f", "")
                    .replace("\u00a0", "")) >= 20;
        });
        assertThat(lookup("#vehicle-gauge-0C").tryQuery()).isPresent();
        assertThat(lookup("#vehicle-chart-0D").tryQuery()).isPresent();
        Screenshots.save(stage.getScene(), "vehicule-donnees-direct");
        clickOn("#vehicle-live-stop");
        await(() -> !start.isDisabled());
        assertThat(text("#vehicle-live-message")).contains("mesure(s)").contains("par seconde");
        assertThat(text("#vehicle-state")).startsWith("Connecté");
    }

    @Test
    void clearingAsksForConfirmationReadsTheCodesAgainAndIsJournaled() throws Exception {
        connectToTheDemoVehicle();
        tab("codes");
        clickOn("#vehicle-codes-clear");
        await(() -> lookup("#vehicle-clear-engine-off").tryQuery().isPresent());
        assertThat(this.<Label>node("#vehicle-clear-advice").getText()).contains("contact").contains("moteur arrêté");
        assertThat(this.<Node>node("#vehicle-clear-confirm").isDisabled()).as("not before the engine-off tick").isTrue();
        Screenshots.save(this.<Node>node("#vehicle-clear-dialog").getScene(), "vehicule-effacement-confirmation");
        clickOn("#vehicle-clear-engine-off");
        clickOn("#vehicle-clear-confirm");
        await(() -> text("#vehicle-codes-message").startsWith("Codes effacés"));
        assertThat(codeRows()).extracting(r -> r.kind().name() + " " + r.dtc().code())
                .as("permanent codes stay until the ECU sees the repair").containsExactly("PERMANENT P0420");
        List<AuditEntry> cleared = workstation().audit().find(AuditQuery.all().withActionPrefix("obd.codes.cleared"));
        assertThat(cleared).hasSize(1);
        assertThat(cleared.getFirst().subject()).isEqualTo(VIN);
        assertThat(cleared.getFirst().details()).contains("P0420").contains("P0171").contains("7E8");
        Screenshots.save(stage.getScene(), "vehicule-codes-effaces");
    }

    @Test
    void aVehicleThatDoesNotAnswerIsShownWithItsCode() throws Exception {
        ComboBox<String> scenario = node("#vehicle-connect-scenario");
        interact(() -> scenario.setValue("ignition-off"));
        clickOn("#vehicle-connect-button");
        await(() -> this.<Label>node("#vehicle-connect-error").isVisible()
                && text("#vehicle-state").startsWith("Connexion impossible"));
        assertThat(text("#vehicle-connect-error")).startsWith("Le véhicule ne répond pas")
                .contains("OBD-UNABLE-TO-CONNECT");
        assertThat(text("#vehicle-state")).isEqualTo("Connexion impossible (code : OBD-UNABLE-TO-CONNECT)");
        assertThat(this.<Button>node("#vehicle-connect-button").isDisabled()).isFalse();
        Screenshots.save(stage.getScene(), "vehicule-erreur-contact-coupe");
    }

    @Test
    void aKLineVehicleIsReadToo() throws Exception {
        connectTo("kline", "VF32AKFWF44123456");
        assertThat(text("#vehicle-protocol")).contains("14230");
        assertThat(text("#vehicle-maker")).containsIgnoringCase("Peugeot");
        tab("codes");
        assertThat(codeRows()).extracting(r -> r.kind().name() + " " + r.dtc().code()).contains("STORED P0133");
        tab("readiness");
        assertThat(mode06Rows()).as("the legacy layout: test name, component, one limit")
                .contains("Bascule riche → pauvre — composant 01 | 05 | 0,260 | 0 | 0,200 | s",
                        "Tension maxi de sonde — composant 01 | 08 | 0,800 | 0,750 | — | V",
                        "Test constructeur 81 — composant 01 | 81 | 608 | 384 | — | ");
        assertThat(this.<Label>node("#vehicle-mode06-legacy-help").isVisible()).isTrue();
        TableView<fr.novaevo.workstation.obd.service.MonitorTest> mode06 = node("#vehicle-mode06-table");
        assertThat(mode06.getItems()).filteredOn(t -> !t.passed()).singleElement()
                .satisfies(t -> assertThat(t.tid()).isEqualTo(0x05));
        interact(() -> this.<javafx.scene.control.ScrollPane>node("#vehicle-readiness-view").setVvalue(1));
        Screenshots.save(stage.getScene(), "vehicule-preparation-ligne-k");
        tab("identification");
        Screenshots.save(stage.getScene(), "vehicule-identification-ligne-k");
        assertThat(text("#vehicle-id-unavailable")).as("UDS runs over CAN only")
                .startsWith("L'identification UDS passe par le bus CAN").contains("14230");
        assertThat(this.<Button>node("#vehicle-id-read").isDisabled()).isTrue();
    }

    /** The mode 06 table as the user reads it: monitor | test | value | min | max | unit. */
    @SuppressWarnings("unchecked")
    private List<String> mode06Rows() {
        TableView<fr.novaevo.workstation.obd.service.MonitorTest> table = node("#vehicle-mode06-table");
        return table.getItems().stream().map(row -> String.join(" | ", java.util.stream.IntStream.range(1, 7)
                .mapToObj(i -> String.valueOf(((javafx.scene.control.TableColumn<
                        fr.novaevo.workstation.obd.service.MonitorTest, String>) table.getColumns().get(i))
                        .getCellData(row))).toList())).toList();
    }

    @Test
    void aJ1850VpwVehicleShowsItsFailingCatalystTest() throws Exception {
        connectTo("j1850vpw", "1G1JC524427123456");
        assertThat(text("#vehicle-protocol")).contains("J1850 VPW");
        assertThat(text("#vehicle-maker")).containsIgnoringCase("Chevrolet");
        assertThat(text("#vehicle-year")).isEqualTo("2002");
        tab("codes");
        assertThat(codeRows()).extracting(r -> r.kind().name() + " " + r.dtc().code())
                .contains("STORED P0420", "PENDING P0420");
        tab("readiness");
        assertThat(mode06Rows()).contains("Test constructeur 81 — composant 01 | 81 | 288 | 384 | — | ");
        interact(() -> this.<javafx.scene.control.ScrollPane>node("#vehicle-readiness-view").setVvalue(1));
        Screenshots.save(stage.getScene(), "vehicule-preparation-j1850vpw");
    }

    @Test
    void a29BitCanVehicleIsReadAndIdentifiedAtItsOwnAddress() throws Exception {
        connectTo("can29", "YV1XZ16K3M2456789");
        assertThat(text("#vehicle-protocol")).contains("29");
        assertThat(text("#vehicle-maker")).containsIgnoringCase("Volvo");
        assertThat(text("#vehicle-ecus")).contains("18DAF110").contains("18DAF118");
        Screenshots.save(stage.getScene(), "vehicule-vue-ensemble-can29");
        tab("codes");
        assertThat(codeRows()).extracting(r -> r.kind().name() + " " + r.dtc().code() + "@" + r.dtc().ecu())
                .contains("STORED P0128@18DAF110", "PENDING P0128@18DAF110");
        tab("identification");
        await(() -> text("#vehicle-id-vin").equals("YV1XZ16K3M2456789"));
        assertThat(text("#vehicle-id-ecu")).contains("18DAF110");
        Screenshots.save(stage.getScene(), "vehicule-identification-can29");
    }

    @Test
    void aJ1850VehicleIsReadToo() throws Exception {
        connectTo("j1850", "1FAFP404X3F123456");
        assertThat(text("#vehicle-protocol")).contains("J1850 PWM");
        assertThat(text("#vehicle-maker")).containsIgnoringCase("Ford");
        assertThat(text("#vehicle-year")).isEqualTo("2003");
        Screenshots.save(stage.getScene(), "vehicule-vue-ensemble-j1850");
        tab("codes");
        assertThat(codeRows()).extracting(r -> r.kind().name() + " " + r.dtc().code())
                .contains("STORED P0171", "STORED P0174", "PENDING P0442");
        assertThat(freezeValue(0x04)).as("French number format").matches("\\d+,\\d{2} %");
        assertThat(freezeValue(0x03)).as("a state in French").isEqualTo("Boucle ouverte (moteur froid)");
        Screenshots.save(stage.getScene(), "vehicule-codes-j1850");
    }
}
