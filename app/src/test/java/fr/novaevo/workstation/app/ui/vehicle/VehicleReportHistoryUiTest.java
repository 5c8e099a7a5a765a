package fr.novaevo.workstation.app.ui.vehicle;

import fr.novaevo.workstation.app.ui.HeadlessAppTest;
import fr.novaevo.workstation.app.ui.Screenshots;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.obd.history.DiagnosticSession;
import fr.novaevo.workstation.obd.history.RecordingInfo;
import fr.novaevo.workstation.obd.history.ReportEntry;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Rapport" and "Historique" sub-views and the live-data recording of the real application, headless,
 * against the built-in virtual vehicle: a PDF report with the technician's notes (read back with PDFBox) and
 * its journal entry, a recording replayed and exported as CSV, and the history of the connected or a typed VIN.
 */
class VehicleReportHistoryUiTest extends HeadlessAppTest {

    private static final String VIN = "VF1RJA00XKB123456";

    /** Waits for a label to say {@code expected}; on timeout, fails showing what it says. */
    private void awaitText(String query, String expected) {
        try {
            await(() -> text(query).equals(expected));
        } catch (TimeoutException e) {
            assertThat(text(query)).as(query).isEqualTo(expected);
        }
    }

    private void tab(String id) {
        TabPane tabs = node("#vehicle-tabs");
        interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> t.getId().equals("tab-vehicle-" + id)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String selectedTab() {
        TabPane tabs = node("#vehicle-tabs");
        return tabs.getSelectionModel().getSelectedItem().getId();
    }

    private void connectToTheDemoVehicle() throws TimeoutException {
        clickOn("#vehicle-connect-button");
        await(() -> text("#vehicle-state").startsWith("Connecté") && selectedTab().equals("tab-vehicle-overview")
                && text("#vehicle-vin").equals(VIN) && text("#vehicle-busy").isEmpty());
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(String query) {
        return ((TableView<T>) node(query)).getItems();
    }

    private static long number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text.replace("\u202f", "").replace("\u00a0", ""));
        assertThat(m.find()).as(text + " matches " + pattern).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theReportOfAClearedSessionIsAPdfWithTheVinTheCodesAndTheNotesAndIsJournaled() throws Exception {
        connectToTheDemoVehicle();
        tab("codes");
        clickOn("#vehicle-codes-clear");
        await(() -> lookup("#vehicle-clear-engine-off").tryQuery().isPresent());
        clickOn("#vehicle-clear-engine-off");
        clickOn("#vehicle-clear-confirm");
        await(() -> text("#vehicle-codes-message").startsWith("Codes effacés"));

        tab("report");
        await(() -> text("#vehicle-report-codes").equals("3 code(s) avant effacement, 1 après"));
        assertThat(text("#vehicle-report-vin")).isEqualTo(VIN);
        TextArea notes = node("#vehicle-report-notes");
        interact(() -> notes.setText("Sonde lambda amont remplacée ; catalyseur contrôlé."));
        clickOn("#vehicle-report-generate");
        await(() -> text("#vehicle-report-message").startsWith("Rapport enregistré"));
        Screenshots.save(stage.getScene(), "vehicule-rapport");

        Path pdf = Path.of(this.<TextField>node("#vehicle-report-path").getText());
        assertThat(pdf).isRegularFile().hasExtension("pdf");
        assertThat(pdf.getParent()).isEqualTo(workstation().layout().root().resolve("rapports"));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Rapport de diagnostic", VIN, "Renault", "P0420", "P0171",
                "Codes défaut après effacement", "Sonde lambda amont remplacée", "Page 1 / ");

        List<AuditEntry> written = workstation().audit().find(AuditQuery.all().withActionPrefix("obd.report.written"));
        assertThat(written).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(VIN);
            assertThat(e.details()).contains(pdf.getFileName().toString());
        });

        tab("history");
        await(() -> this.<List<ReportEntry>>rows("#vehicle-history-reports").size() == 1);
        assertThat(this.<ReportEntry>rows("#vehicle-history-reports").getFirst().path()).isEqualTo(pdf);
        List<DiagnosticSession> sessions = rows("#vehicle-history-sessions");
        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.notes()).startsWith("Sonde lambda amont");
            assertThat(s.codesAfter()).isPresent();
        });
    }

    @Test
    void aRecordingOfLiveDataIsReplayedAndExportedAsCsv() throws Exception {
        connectToTheDemoVehicle();
        tab("live");
        Button start = node("#vehicle-live-start");
        await(() -> !start.isDisabled());
        ToggleButton record = node("#vehicle-live-record");
        assertThat(record.isDisabled()).as("recording needs live data").isTrue();
        clickOn("#vehicle-live-start");
        await(() -> !record.isDisabled());
        clickOn("#vehicle-live-record");
        await(() -> text("#vehicle-live-record-message").startsWith("Enregistrement n° 1 en cours"));
        long before = number(text("#vehicle-live-samples"), "(\\d+)");
        await(() -> number(text("#vehicle-live-samples"), "(\\d+)") >= before + 30);
        clickOn("#vehicle-live-stop");
        await(() -> text("#vehicle-live-record-message").contains("terminé"));
        long recorded = number(text("#vehicle-live-record-message"), "terminé : (\\d+) mesure");
        assertThat(recorded).isGreaterThanOrEqualTo(30);
        assertThat(record.isSelected()).isFalse();

        tab("history");
        await(() -> this.<RecordingInfo>rows("#vehicle-history-recordings").size() == 1);
        RecordingInfo info = this.<RecordingInfo>rows("#vehicle-history-recordings").getFirst();
        assertThat(info.samples()).isEqualTo(recorded);
        assertThat(info.vin()).isEqualTo(VIN);
        TableView<RecordingInfo> table = node("#vehicle-history-recordings");
        interact(() -> table.getSelectionModel().select(0));
        clickOn("#vehicle-history-replay");
        await(() -> selectedTab().equals("tab-vehicle-live") && !text("#vehicle-live-replay").isEmpty());
        assertThat(text("#vehicle-live-replay")).startsWith("Relecture de l'enregistrement n° 1 du")
                .endsWith(": " + recorded + " mesure(s).");
        await(() -> text("#vehicle-live-samples").equals(recorded + " mesure(s)"));
        assertThat(lookup("#vehicle-chart-0C").tryQuery()).as("the replayed values are drawn").isPresent();
        Screenshots.save(stage.getScene(), "vehicule-relecture");

        tab("history");
        clickOn("#vehicle-history-export");
        await(() -> text("#vehicle-history-message").startsWith("Export CSV écrit"));
        Path csv = Path.of(text("#vehicle-history-message").substring("Export CSV écrit : ".length()));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize((int) recorded + 1);
        assertThat(lines.getFirst()).startsWith("time,sequence,").contains("7E8");
        assertThat(workstation().audit().find(AuditQuery.all().withActionPrefix("obd.recording.exported")))
                .hasSize(1);
    }

    @Test
    void theHistoryShowsTheConnectedVinAndAnyVinTypedIn() throws Exception {
        connectToTheDemoVehicle();
        tab("history");
        await(() -> this.<TextField>node("#vehicle-history-vin").getText().equals(VIN)
                && this.<DiagnosticSession>rows("#vehicle-history-sessions").size() == 1);
        assertThat(text("#vehicle-history-message")).isEqualTo("1 diagnostic(s), 0 rapport(s), 0 enregistrement(s).");

        clickOn("#vehicle-disconnect");
        await(() -> text("#vehicle-state").equals("Non connecté"));
        tab("connect");
        connectToTheDemoVehicle();
        tab("history");
        await(() -> this.<DiagnosticSession>rows("#vehicle-history-sessions").size() == 2);

        TextField vin = node("#vehicle-history-vin");
        interact(() -> vin.setText("wvwzzz1jzxw000001"));
        clickOn("#vehicle-history-show");
        awaitText("#vehicle-history-message", "Rien n'est encore enregistré pour WVWZZZ1JZXW000001.");
        assertThat(this.<DiagnosticSession>rows("#vehicle-history-sessions")).isEmpty();
        assertThat(this.<RecordingInfo>rows("#vehicle-history-recordings")).isEmpty();

        interact(() -> vin.setText(VIN));
        clickOn("#vehicle-history-show");
        await(() -> this.<DiagnosticSession>rows("#vehicle-history-sessions").size() == 2);
        assertThat(this.<DiagnosticSession>rows("#vehicle-history-sessions"))
                .allSatisfy(s -> assertThat(s.vin()).isEqualTo(VIN))
                .extracting(DiagnosticSession::startedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Screenshots.save(stage.getScene(), "vehicule-historique");
    }
}
