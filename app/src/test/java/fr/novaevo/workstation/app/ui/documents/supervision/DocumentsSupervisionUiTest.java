package fr.novaevo.workstation.app.ui.documents.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import fr.novaevo.workstation.app.ui.HeadlessAppTest;
import fr.novaevo.workstation.app.ui.Screenshots;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.ocr.batch.BatchInfo;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.BatchState;
import fr.novaevo.workstation.ocr.supervision.Alert;
import fr.novaevo.workstation.ocr.supervision.AlertBook;
import fr.novaevo.workstation.ocr.supervision.AlertKind;
import fr.novaevo.workstation.ocr.supervision.HistoryRange;
import fr.novaevo.workstation.ocr.watch.WatchFolder;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Documents area's supervision and watch folder tabs in the real application, headless, with the real
 * supervisor, the real H2 file, real corpus extracts read by the real reader, and a real watched folder.
 */
class DocumentsSupervisionUiTest extends HeadlessAppTest {

    private static Path corpus(String id) {
        return Stream.of("../../shared/corpus/kbis", "../shared/corpus/kbis").map(Path::of)
                .filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no shared Kbis corpus"))
                .toAbsolutePath().resolve(id + ".pdf");
    }

    private List<Path> copies(Path folder, String... ids) throws Exception {
        Files.createDirectories(folder);
        List<Path> copied = new ArrayList<>();
        for (String id : ids) {
            copied.add(Files.copy(corpus(id), folder.resolve(id + ".pdf")));
        }
        return copied;
    }

    private void openTab(String id) {
        clickOn("#nav-documents");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = node("#documents-view");
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals("tab-documents-" + id)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SupervisionView supervision() {
        return (SupervisionView) node("#docsup-view").getProperties().get(SupervisionView.class);
    }

    private WatchFolderView watch() {
        return (WatchFolderView) node("#docsup-watch-view").getProperties().get(WatchFolderView.class);
    }

    /** Scrolls the supervision tab: 0 top, 1 bottom. */
    private void scrollTabTo(double where) {
        javafx.scene.control.ScrollPane pane = node("#docsup-view");
        interact(() -> {
            pane.applyCss();
            pane.layout();
            pane.setVvalue(where);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses a button wherever the tab is scrolled to. */
    private void press(String button) {
        interact(() -> this.<javafx.scene.control.Button>node(button).fire());
    }

    private void measure() {
        press("#docsup-measure");
    }

    private List<AuditEntry> journal(String action) {
        return workstation().audit().find(AuditQuery.all().withActionPrefix(action));
    }

    @Test
    void aRunningBatchIsShownWithItsThroughputAndTimeLeft() throws Exception {
        // two born-digital extracts read in a moment, then three scans read by Tesseract for several seconds each
        List<Path> files = copies(dir.resolve("in"), "kbis-dev-003", "kbis-dev-004", "kbis-dev-001", "kbis-dev-005",
                "kbis-dev-008");
        long id = workstation().documents().submit(BatchRequest.now("Fournisseurs novembre", files, 2));
        openTab("supervision");

        TableView<SupervisionView.Line> batches = supervision().batches();
        await(() -> {
            measure();
            return batches.getItems().stream().anyMatch(l -> l.batch().id() == id
                    && l.group().equals("En cours") && l.batch().processed() >= 3);
        });
        SupervisionView.Line line = batches.getItems().stream().filter(l -> l.batch().id() == id).findFirst().orElseThrow();
        assertThat(line.batch().documentsPerMinute()).as("documents a minute").isPositive();
        assertThat(line.batch().pagesPerMinute()).as("pages a minute").isPositive();
        assertThat(line.batch().eta()).as("time left while it runs").isPresent();
        assertThat(text("#docsup-figures")).startsWith("Mémoire : ").contains("Processeur : ").contains("1 lot(s) en cours");
        Screenshots.save(stage, "documents-supervision-lot-en-cours");
    }

    @Test
    void aThresholdIsCheckedBeforeItIsKeptAndTheAlertItRaisesIsAcknowledgedIntoTheJournal() throws Exception {
        openTab("supervision");
        ThresholdsEditor editor = supervision().thresholds();
        await(() -> editor.field(AlertKind.MEMORY).getText().equals("1 000") || editor.field(AlertKind.MEMORY).getText().equals("1\u202f000")
                || editor.field(AlertKind.MEMORY).getText().equals("1\u00a0000"));
        assertThat(editor.field(AlertKind.CPU).getText()).isEqualTo("80");

        interact(() -> {
            editor.field(AlertKind.MEMORY).setText("0");
            editor.field(AlertKind.CPU).setText("120");
            editor.field(AlertKind.BATCH_DURATION).setText("quatre heures");
        });
        scrollTabTo(1.0);
        press("#docsup-threshold-save");
        assertThat(editor.problem(AlertKind.MEMORY).getText()).isEqualTo("La valeur doit être supérieure à zéro.");
        assertThat(editor.problem(AlertKind.CPU).getText()).isEqualTo("Un pourcentage ne dépasse pas 100.");
        assertThat(editor.problem(AlertKind.BATCH_DURATION).getText()).startsWith("Ce n'est pas un nombre");
        assertThat(editor.message().getText()).isEqualTo("Corrigez les seuils marqués : rien n'a été enregistré.");
        scrollTabTo(1.0);
        Screenshots.save(stage, "documents-supervision-seuils-refuses");
        assertThat(workstation().supervision().alerts().thresholds()).isEqualTo(
                fr.novaevo.workstation.ocr.supervision.AlertThresholds.defaults());

        interact(() -> {
            editor.field(AlertKind.MEMORY).setText("1");
            editor.field(AlertKind.CPU).setText("80");
            editor.field(AlertKind.BATCH_DURATION).setText("240");
            editor.field(AlertKind.FAILURE_RATE).setText("12,5");
        });
        press("#docsup-threshold-save");
        await(() -> editor.message().getText().equals("2 seuil(s) enregistré(s) (inscrit dans la traçabilité)."));
        assertThat(editor.problem(AlertKind.MEMORY).getText()).isEmpty();
        assertThat(editor.field(AlertKind.FAILURE_RATE).getText()).isEqualTo("12,5");
        AlertBook stored = new AlertBook(workstation().database().dataSource(), workstation().audit(), Clock.systemUTC());
        assertThat(stored.thresholds().limit(AlertKind.MEMORY)).as("kept in the database").isEqualTo(1.0);
        assertThat(stored.thresholds().limit(AlertKind.FAILURE_RATE)).isEqualTo(12.5);
        assertThat(journal(AlertBook.ACTION_THRESHOLD_CHANGED)).hasSize(2);

        AlertsPane alerts = supervision().alerts();
        await(() -> {
            measure();
            return alerts.table().getItems().stream().anyMatch(a -> a.kind() == AlertKind.MEMORY);
        });
        // the shared machine may raise a CPU alert meanwhile: the memory one is looked for
        int row = alerts.table().getItems().indexOf(alerts.table().getItems().stream()
                .filter(a -> a.kind() == AlertKind.MEMORY).findFirst().orElseThrow());
        Alert memory = alerts.table().getItems().get(row);
        String shown = alerts.table().getColumns().getFirst().getCellObservableValue(row).getValue().toString();
        assertThat(shown).startsWith("Mémoire utilisée : ").contains("(seuil : 1 Mo)").endsWith("(ALERT-MEMORY)");
        scrollTabTo(0.3);
        Label badge = node("#status-document-alerts");
        await(badge::isVisible);
        assertThat(badge.getText()).matches("⚠ \\d+ alerte\\(s\\) documents");
        Screenshots.save(stage, "documents-supervision-alerte");

        interact(() -> alerts.table().getSelectionModel().select(memory));
        press("#docsup-acknowledge");
        await(() -> alerts.message().getText().startsWith("Alerte « Mémoire utilisée » acquittée par"));
        assertThat(workstation().supervision().alerts().find(memory.id()).orElseThrow().acknowledgedBy())
                .contains(workstation().actor());
        List<AuditEntry> acknowledged = journal(AlertBook.ACTION_ACKNOWLEDGED);
        assertThat(acknowledged).hasSize(1);
        assertThat(acknowledged.getFirst().subject()).isEqualTo("ALERT-MEMORY");
        assertThat(acknowledged.getFirst().details()).contains("acknowledged by " + workstation().actor());
        await(() -> {
            List<Alert> items = alerts.table().getItems();
            int now = items.stream().map(Alert::id).toList().indexOf(memory.id());
            return now >= 0 && alerts.table().getColumns().get(2).getCellObservableValue(now).getValue().toString()
                    .startsWith("En cours — acquittée par " + workstation().actor());
        });
        Screenshots.save(stage, "documents-supervision-alerte-acquittee");
    }

    @Test
    void theHistoryIsDrawnAndExportedAsReadableCsvAndExcel() throws Exception {
        List<Path> files = copies(dir.resolve("in"), "kbis-dev-003", "kbis-dev-004", "kbis-dev-006");
        long id = workstation().documents().submit(BatchRequest.now("Lot du matin", files, 0));
        await(() -> workstation().documents().store().batch(id).map(b -> b.state().finished()).orElse(false));
        workstation().supervision().refresh(); // stores this minute's sample
        openTab("supervision");
        HistoryPane history = supervision().history();
        await(() -> history.points().stream().anyMatch(p -> p.samples() > 0));
        assertThat(history.throughput().getData()).hasSize(2);
        assertThat(history.throughput().getData().getFirst().getData()).isNotEmpty();
        scrollTabTo(0.75);
        Screenshots.save(stage, "documents-supervision-historique");

        interact(() -> history.select(HistoryRange.LAST_7_DAYS));
        await(() -> history.points().size() == 336);
        Path csv = dir.resolve("export/supervision.csv");
        Path xlsx = dir.resolve("export/supervision.xlsx");
        Files.createDirectories(csv.getParent());
        interact(() -> history.export(csv, false));
        await(() -> history.message().getText().equals("Historique écrit : " + csv));
        interact(() -> history.export(xlsx, true));
        await(() -> history.message().getText().equals("Historique écrit : " + xlsx));

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).startsWith("\uFEFFDébut;Échantillons;");
        assertThat(lines).hasSize(1 + 336);
        assertThat(lines.stream().skip(1).filter(l -> !l.split(";")[1].equals("0"))).as("the sample's bucket").isNotEmpty();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Début");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(336);
        }
        assertThat(journal("ocr.supervision.history_exported")).hasSize(2);
    }

    @Test
    void theWatchFolderIsCheckedSavedAndTakesAFileDroppedIntoItAsABatch() throws Exception {
        openTab("watch");
        WatchFolderView view = watch();
        await(() -> view.status().getText().equals("Surveillance arrêtée."));

        interact(() -> view.enabled().setSelected(true));
        clickOn("#docsup-watch-save");
        await(() -> view.message().getText().startsWith("Choisissez le dossier à surveiller"));
        Path depot = dir.resolve("dépôt scanner");
        interact(() -> view.folder().setText(depot.toString()));
        clickOn("#docsup-watch-save");
        await(() -> view.message().getText().startsWith("Le dossier surveillé n'existe pas"));
        assertThat(view.message().getText()).endsWith("(Code : WATCH-FOLDER-MISSING)");
        assertThat(workstation().watchFolder().status()).as("nothing started").isEmpty();

        Files.createDirectories(depot);
        interact(() -> view.priority().getValueFactory().setValue(3));
        clickOn("#docsup-watch-save");
        await(() -> view.message().getText().equals("Enregistré : le dossier est surveillé."));
        assertThat(journal("docs.watch.changed")).hasSize(1);
        await(() -> view.status().getText().startsWith("Surveillance active de " + depot));

        Path partial = Files.copy(corpus("kbis-dev-012"), depot.resolve("kbis-fournisseur.pdf.part"));
        Files.move(partial, depot.resolve("kbis-fournisseur.pdf"), StandardCopyOption.ATOMIC_MOVE);
        await(() -> workstation().documents().store().batches().stream()
                .anyMatch(b -> b.priority() == 3 && b.state() == BatchState.COMPLETED));
        BatchInfo batch = workstation().documents().store().batches().getFirst();
        assertThat(workstation().documents().store().rows(batch.id())).singleElement()
                .satisfies(r -> assertThat(r.file().toString()).contains(WatchFolder.PROCESSED));
        assertThat(depot.resolve("kbis-fournisseur.pdf")).doesNotExist();
        await(() -> view.status().getText().contains(": 1 fichier(s) pris"));

        // the same content dropped again under another name is not read twice, and the user is told why
        Files.copy(corpus("kbis-dev-012"), depot.resolve("copie du kbis.pdf"));
        await(() -> view.problems().getItems().stream().anyMatch(p -> p.contains(
                "Contenu déjà lu : copie rangée dans « traités/doublons » : copie du kbis.pdf (WATCH-DUPLICATE)")));
        assertThat(workstation().documents().store().batches()).hasSize(1);
        Screenshots.save(stage, "documents-dossier-surveille");

        openTab("batches");
        TableView<?> batches = node("#documents-batches-table");
        await(() -> batches.getItems().size() == 1);
        Screenshots.save(stage, "documents-lots-dossier-surveille");

        openTab("watch");
        interact(() -> view.enabled().setSelected(false));
        clickOn("#docsup-watch-save");
        await(() -> view.message().getText().equals("Enregistré : la surveillance est arrêtée."));
        assertThat(workstation().watchFolder().status()).as("stopped at once").isEmpty();
        assertThat(workstation().watchFolder().choice().folder()).as("the folder is kept").contains(depot);
    }

    @Test
    void inEnglishTheAlertsTheBadgeAndTheWatchFolderSpeakEnglish() throws Exception {
        clickOn("#nav-settings");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<String> language = node("#settings-language");
        interact(() -> language.setValue("en"));
        clickOn("#settings-save");
        await(() -> this.<javafx.scene.control.ToggleButton>node("#nav-settings").getText().equals("Settings"));
        workstation().supervision().alerts().setThreshold(AlertKind.MEMORY, 1);

        openTab("supervision");
        AlertsPane alerts = supervision().alerts();
        await(() -> {
            measure();
            return alerts.table().getItems().stream().anyMatch(a -> a.kind() == AlertKind.MEMORY);
        });
        int row = alerts.table().getItems().stream().map(Alert::kind).toList().indexOf(AlertKind.MEMORY);
        assertThat(alerts.table().getColumns().getFirst().getCellObservableValue(row).getValue().toString())
                .startsWith("Memory used: ").contains("MB (threshold: 1 MB)").endsWith("(ALERT-MEMORY)");
        assertThat(alerts.table().getColumns().get(2).getCellObservableValue(row).getValue()).isEqualTo("On");
        await(() -> this.<Label>node("#status-document-alerts").isVisible());
        assertThat(text("#status-document-alerts")).matches("⚠ \\d+ document alert\\(s\\)");
        assertThat(text("#docsup-figures")).startsWith("Memory: ").contains(" MB · CPU: ");
        Screenshots.save(stage, "documents-supervision-en");

        openTab("watch");
        await(() -> watch().status().getText().equals("Not watching."));
    }
}
