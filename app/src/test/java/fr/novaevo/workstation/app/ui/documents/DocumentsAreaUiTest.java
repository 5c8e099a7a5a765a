package fr.novaevo.workstation.app.ui.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.ui.HeadlessAppTest;
import fr.novaevo.workstation.app.ui.Screenshots;
import fr.novaevo.workstation.app.ui.WorkstationApp;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.jobs.JobSnapshot;
import fr.novaevo.workstation.ocr.batch.BatchInfo;
import fr.novaevo.workstation.ocr.batch.BatchInputs;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.BatchState;
import fr.novaevo.workstation.ocr.batch.BatchStore;
import fr.novaevo.workstation.ocr.batch.DocumentState;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.review.KbisReview;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.shape.Rectangle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Documents" area of the real application, headless, on real files of the shared Kbis corpus, the real
 * H2 database and the real reader (PDFBox, Tesseract for scans): drop, checks, batch, review, correction,
 * validation with the journal, exports; the example; cancel; and a batch left running by a crash resumed when
 * the application starts. A screenshot of each screen goes to target/screenshots.
 */
class DocumentsAreaUiTest extends HeadlessAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path corpus() {
        return Stream.of("../../shared/corpus/kbis", "../shared/corpus/kbis").map(p -> Path.of(p).toAbsolutePath())
                .filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no shared Kbis corpus"));
    }

    /** The first {@code count} corpus documents of one rendering kind, copied into {@code folder}. */
    private static List<Path> corpusFiles(String rendering, int count, Path folder) throws IOException {
        List<Path> copies = new ArrayList<>();
        Files.createDirectories(folder);
        try (Stream<Path> metas = Files.list(corpus())) {
            for (Path meta : metas.filter(p -> p.toString().endsWith(".meta.json")).sorted().toList()) {
                JsonNode m = JSON.readTree(meta.toFile());
                if (m.path("rendering").asText().equals(rendering) && copies.size() < count) {
                    String file = m.path("file").asText();
                    copies.add(Files.copy(corpus().resolve(file), folder.resolve(file)));
                }
            }
        }
        assertThat(copies).hasSize(count);
        return copies;
    }

    private DocumentsArea.View view() {
        return node("#documents-view");
    }

    private void openArea() {
        clickOn("#nav-documents");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void tab(String id) {
        TabPane tabs = view();
        interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> t.getId().equals("tab-documents-" + id)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) node(id);
    }

    private BatchStore store() {
        return workstation().documents().store();
    }

    private BatchInfo onlyBatch() {
        List<BatchInfo> batches = store().batches();
        assertThat(batches).hasSize(1);
        return batches.getFirst();
    }

    private void select(String tableId, int index) {
        TableView<?> table = table(tableId);
        interact(() -> table.getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void createBatchFrom(List<Path> inputs) throws Exception {
        NewBatchPane form = view().batches().newBatch();
        interact(() -> form.addInputs(inputs));
        await(() -> !this.<BatchInputs.InputFile>table("#documents-inputs").getItems().isEmpty());
    }

    @Test
    void droppedFilesAreCheckedReadReviewedCorrectedValidatedAndExported() throws Exception {
        openArea();
        assertThat(text("#documents-message")).isEmpty();
        Screenshots.save(stage, "documents-lots-vide");

        Path in = dir.resolve("in");
        List<Path> extracts = corpusFiles("born-digital", 2, in);
        Files.writeString(in.resolve("notes.txt"), "pas un document");
        Files.write(in.resolve("vide.pdf"), new byte[0]);
        createBatchFrom(List.of(in));

        TableView<BatchInputs.InputFile> inputs = table("#documents-inputs");
        assertThat(inputs.getItems()).hasSize(4);
        assertThat(text("#documents-inputs-summary")).isEqualTo("2 fichier(s) accepté(s), 2 refusé(s)");
        assertThat(inputs.getItems()).filteredOn(f -> f.problem().isPresent())
                .extracting(f -> f.file().getFileName().toString() + " " + f.problem().get().code())
                .containsExactlyInAnyOrder("notes.txt OCR-UNSUPPORTED-TYPE", "vide.pdf OCR-EMPTY-FILE");
        // the reasons shown, in French, once the rows are drawn
        await(() -> lookup(".documents-check-text").queryAll().stream().map(n -> ((javafx.scene.text.Text) n).getText())
                .anyMatch("Ce n'est ni un PDF ni une image PNG, JPEG ou TIFF. (OCR-UNSUPPORTED-TYPE)"::equals));
        Screenshots.save(stage, "documents-lots-controle");

        interact(() -> this.<TextField>node("#documents-batch-name").setText("Fournisseurs novembre"));
        clickOn("#documents-create");
        await(() -> store().batches().size() == 1 && onlyBatch().state() == BatchState.COMPLETED);
        BatchInfo batch = onlyBatch();
        assertThat(batch.name()).isEqualTo("Fournisseurs novembre");
        assertThat(batch.total()).as("only the accepted files are read").isEqualTo(2);
        assertThat(text("#documents-message")).isEqualTo("Lot « Fournisseurs novembre » créé : 2 document(s).");
        await(() -> table("#documents-batches-table").getItems().size() == 1
                && this.<BatchesView.BatchLine>table("#documents-batches-table").getItems().getFirst().info().state()
                == BatchState.COMPLETED
                && this.<BatchesView.DocumentLine>table("#documents-documents-table").getItems().size() == 2);
        assertThat(this.<BatchesView.DocumentLine>table("#documents-documents-table").getItems())
                .allSatisfy(d -> assertThat(d.row().state()).isEqualTo(DocumentState.COMPLETED));
        assertThat(workstation().jobs().snapshots()).extracting(JobSnapshot::kind).contains("docs.batch");
        Screenshots.save(stage, "documents-lots-termine");

        // corpus extracts are older than 3 months: both wait for a review
        tab("queue");
        await(() -> table("#documents-queue-table").getItems().size() == 2);
        Screenshots.save(stage, "documents-a-verifier");
        select("#documents-queue-table", 0);
        clickOn("#documents-queue-open");
        await(() -> !table("#documents-fields-table").getItems().isEmpty()
                && this.<ImageView>node("#documents-page").getImage() != null);
        assertThat(text("#documents-review-status")).isEqualTo("Résultat : À vérifier");
        assertThat(text("#documents-page-label")).startsWith("Page 1 / ");
        assertThat(((javafx.scene.layout.VBox) node("#documents-review-reasons")).getChildren())
                .extracting(n -> ((Label) n).getText()).anyMatch(t -> t.contains("L'extrait a plus de 3 mois. (KBIS-OUTDATED)"));

        TableView<ReviewView.FieldLine> fields = table("#documents-fields-table");
        int siren = indexOf(fields, FieldKey.SIREN);
        select("#documents-fields-table", siren);
        Rectangle box = node("#documents-field-box");
        assertThat(box.isVisible()).as("the SIREN's box is drawn on its page").isTrue();
        ImageView page = node("#documents-page");
        assertThat(box.getX()).isBetween(0.0, page.getBoundsInParent().getWidth());
        assertThat(box.getY()).isBetween(0.0, page.getBoundsInParent().getHeight());
        assertThat(box.getWidth()).isPositive();
        Screenshots.save(stage, "documents-verification");

        select("#documents-fields-table", indexOf(fields, FieldKey.DENOMINATION));
        interact(() -> this.<TextField>node("#documents-correction").setText("1 2 3"));
        select("#documents-fields-table", indexOf(fields, FieldKey.CAPITAL_SOCIAL));
        interact(() -> this.<TextField>node("#documents-correction").setText("pas un montant"));
        clickOn("#documents-correct");
        await(() -> text("#documents-review-message").contains("KBIS-CORRECTION-INVALID"));
        assertThat(text("#documents-review-message")).startsWith("Cette valeur ne convient pas à ce champ.");

        select("#documents-fields-table", indexOf(fields, FieldKey.DENOMINATION));
        interact(() -> this.<TextField>node("#documents-correction").setText("GARAGE CORRIGÉ"));
        clickOn("#documents-correct");
        await(() -> fields.getItems().get(indexOf(fields, FieldKey.DENOMINATION)).field().orElseThrow().value()
                .equals("GARAGE CORRIGÉ"));
        assertThat(text("#documents-review-message")).isEqualTo("Champ « Dénomination » corrigé et enregistré.");
        clickOn("#documents-validate");
        await(() -> text("#documents-review-status").equals("Résultat : OK")
                && this.<ListView<String>>node("#documents-review-history").getItems().size() == 2);
        assertThat(this.<ListView<String>>node("#documents-review-history").getItems())
                .anyMatch(l -> l.contains("Document validé")).anyMatch(l -> l.contains("Champ de document corrigé"))
                .allMatch(l -> l.contains(System.getProperty("user.name")));
        Screenshots.save(stage, "documents-verification-validee");

        List<AuditEntry> journal = workstation().audit().find(AuditQuery.all().withActionPrefix("ocr.kbis."));
        assertThat(journal).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(KbisReview.ACTION_CORRECTED, KbisReview.ACTION_VALIDATED);
        assertThat(journal).filteredOn(e -> e.action().equals(KbisReview.ACTION_CORRECTED)).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("GARAGE CORRIGÉ"));

        tab("queue");
        await(() -> table("#documents-queue-table").getItems().size() == 1);

        Path xlsx = dir.resolve("export/lot.xlsx");
        Path jsonl = dir.resolve("export/lot.jsonl");
        Files.createDirectories(xlsx.getParent());
        tab("batches");
        interact(() -> view().batches().export(batch.id(), xlsx, true));
        await(() -> text("#documents-message").startsWith("Export écrit : ") && Files.exists(xlsx));
        interact(() -> view().batches().export(batch.id(), jsonl, false));
        await(() -> text("#documents-message").equals("Export écrit : " + jsonl) && Files.exists(jsonl));
        List<String> rows = documentRows(xlsx);
        assertThat(rows).hasSize(2).anySatisfy(r -> assertThat(r).contains("GARAGE CORRIGÉ").contains("|OK|"));
        assertThat(Files.readAllLines(jsonl)).hasSize(2).anySatisfy(l -> {
            JsonNode line = JSON.readTree(l);
            assertThat(line.at("/fields/denomination").asText()).isEqualTo("GARAGE CORRIGÉ");
            assertThat(line.get("status").asText()).isEqualTo("ok");
        });
        assertThat(workstation().audit().find(AuditQuery.all().withActionPrefix("docs.export.")))
                .extracting(AuditEntry::subject).containsExactlyInAnyOrder("lot.xlsx", "lot.jsonl");
        assertThat(extracts).isNotEmpty();
    }

    private static int indexOf(TableView<ReviewView.FieldLine> fields, FieldKey key) {
        for (int i = 0; i < fields.getItems().size(); i++) {
            if (fields.getItems().get(i).key() == key) {
                return i;
            }
        }
        throw new AssertionError("no line for " + key);
    }

    /** Each row of the "Documents" sheet as its cells' text, read back with POI. */
    private static List<String> documentRows(Path workbook) throws IOException {
        List<String> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (Row row : book.getSheet("Documents")) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                StringBuilder cells = new StringBuilder();
                for (Cell cell : row) {
                    cells.append(cell.toString()).append('|');
                }
                rows.add(cells.toString());
            }
        }
        return rows;
    }

    @Test
    void theExampleIsALabelledMadeUpKbisThatIsReadAndOpenedForReview() throws Exception {
        openArea();
        clickOn("#documents-example");
        await(() -> view().getSelectionModel().getSelectedItem().getId().equals("tab-documents-review")
                && !table("#documents-fields-table").getItems().isEmpty()
                && this.<ImageView>node("#documents-page").getImage() != null);
        assertThat(text("#documents-review-title")).startsWith("exemple-kbis-").endsWith(".pdf");
        TableView<ReviewView.FieldLine> fields = table("#documents-fields-table");
        assertThat(fields.getItems().get(indexOf(fields, FieldKey.SIREN)).field().orElseThrow().value())
                .isEqualTo(ExampleKbis.siren());
        assertThat(fields.getItems().get(indexOf(fields, FieldKey.DENOMINATION)).field().orElseThrow().value())
                .isEqualTo(ExampleKbis.COMPANY);
        assertThat(fields.getItems().get(indexOf(fields, FieldKey.CODE_NAF)).field().orElseThrow().value())
                .isEqualTo("4520A");
        assertThat(text("#documents-review-status")).isEqualTo("Résultat : À vérifier");
        assertThat(((javafx.scene.layout.VBox) node("#documents-review-reasons")).getChildren())
                .extracting(n -> ((Label) n).getText()).containsExactly("• L'extrait a plus de 3 mois. (KBIS-OUTDATED)");
        select("#documents-fields-table", indexOf(fields, FieldKey.DENOMINATION));
        Screenshots.save(stage, "documents-exemple");
        assertThat(onlyBatch().name()).isEqualTo("Exemple (Kbis de démonstration)");
        assertThat(onlyBatch().state()).isEqualTo(BatchState.COMPLETED);
    }

    @Test
    void oneDocumentIsCheckedAloneAndItsFieldsAreFoundOnTheZoomedPhoto() throws Exception {
        openArea();
        Path photo = corpusFiles("image", 1, dir.resolve("photo")).getFirst();
        tab("queue");
        interact(() -> view().queue().quickCheck(photo));
        // a photo is read by Tesseract, twice when unsure: allow for a slow shared machine
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return view().getSelectionModel().getSelectedItem().getId().equals("tab-documents-review")
                    && !table("#documents-fields-table").getItems().isEmpty()
                    && this.<ImageView>node("#documents-page").getImage() != null;
        });
        assertThat(text("#documents-review-title")).isEqualTo(photo.getFileName().toString());
        assertThat(onlyBatch().name()).isEqualTo("Vérification rapide : " + photo.getFileName());
        TableView<ReviewView.FieldLine> fields = table("#documents-fields-table");
        select("#documents-fields-table", indexOf(fields, FieldKey.DENOMINATION));
        Rectangle box = node("#documents-field-box");
        ImageView page = node("#documents-page");
        assertThat(box.isVisible()).isTrue();
        double width = box.getWidth();
        assertThat(box.getX() + width).isLessThanOrEqualTo(page.getBoundsInParent().getWidth() + 4);
        clickOn("#documents-zoom-in");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getWidth()).as("the box follows the zoom").isCloseTo(width * 1.5,
                org.assertj.core.data.Offset.offset(width * 0.05));
        Screenshots.save(stage, "documents-verification-photo");
    }

    @Test
    void aNightBatchWaitsForItsTimeAndARunningBatchCanBeCancelled() throws Exception {
        openArea();
        createBatchFrom(corpusFiles("born-digital", 1, dir.resolve("night")));
        interact(() -> {
            this.<javafx.scene.control.CheckBox>node("#documents-batch-later").setSelected(true);
            this.<javafx.scene.control.DatePicker>node("#documents-batch-date")
                    .setValue(java.time.LocalDate.now().plusDays(1));
            this.<TextField>node("#documents-batch-time").setText("22h");
        });
        clickOn("#documents-create");
        assertThat(text("#documents-form-error")).startsWith("Heure de début invalide");
        interact(() -> this.<TextField>node("#documents-batch-time").setText("22:30"));
        clickOn("#documents-create");
        await(() -> table("#documents-batches-table").getItems().size() == 1);
        assertThat(text("#documents-message")).contains("il démarrera le ").contains("22:30");
        BatchInfo night = onlyBatch();
        assertThat(night.startAt()).isPresent();
        Thread.sleep(1500);
        assertThat(store().batch(night.id()).orElseThrow().state()).as("not before its time").isEqualTo(BatchState.PENDING);

        // scans are read by Tesseract, slowly enough to be cancelled while running
        assertThat(this.<javafx.scene.control.CheckBox>node("#documents-batch-later").isSelected())
                .as("the next batch starts at once unless asked again").isFalse();
        createBatchFrom(corpusFiles("scan-300", 4, dir.resolve("scans")));
        clickOn("#documents-create");
        await(() -> store().batches().stream().anyMatch(b -> b.state() == BatchState.RUNNING));
        BatchInfo running = store().batches().stream().filter(b -> b.state() == BatchState.RUNNING).findFirst().orElseThrow();
        await(() -> this.<BatchesView.BatchLine>table("#documents-batches-table").getItems().stream()
                .anyMatch(b -> b.info().id() == running.id() && b.live().isPresent()));
        TableView<BatchesView.BatchLine> batches = table("#documents-batches-table");
        interact(() -> batches.getSelectionModel().select(batches.getItems().stream()
                .filter(b -> b.info().id() == running.id()).findFirst().orElseThrow()));
        Screenshots.save(stage, "documents-lots-en-cours");
        clickOn("#documents-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane confirm = lookup(".dialog-pane").query();
        assertThat(confirm.getContentText()).contains("Annuler le lot « ");
        clickOn((Node) confirm.lookupButton(confirm.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonType.YES.getButtonData()).findFirst().orElseThrow()));
        await(() -> store().batch(running.id()).orElseThrow().state() == BatchState.CANCELLED);
        assertThat(store().counts(running.id()).cancelled()).isPositive();
        assertThat(store().batch(night.id()).orElseThrow().state()).isEqualTo(BatchState.PENDING);
        await(() -> text("#documents-message").contains("annulé")
                && this.<BatchesView.BatchLine>table("#documents-batches-table").getItems().stream()
                .anyMatch(b -> b.info().id() == running.id() && b.info().state() == BatchState.CANCELLED));
        Screenshots.save(stage, "documents-lot-annule");
    }

    @Test
    void aBatchLeftRunningByACrashResumesWhenTheApplicationStarts() throws Exception {
        closeApplication();
        List<Path> files = corpusFiles("born-digital", 3, dir.resolve("crash"));
        long id;
        try (Workstation offline = Workstation.open(LaunchOptions.inside(dir), Clock.systemDefaultZone())) {
            BatchStore store = offline.documents().store();
            id = store.create(BatchRequest.now("Lot interrompu", files, 0), BatchInputs.expand(files),
                    java.time.Instant.now());
            store.markRunning(id, java.time.Instant.now());
            assertThat(store.claim(id, java.time.Instant.now())).as("a document was being read at the crash").isPresent();
        }
        app = (WorkstationApp) FxToolkit.setupApplication(() -> new WorkstationApp(LaunchOptions.inside(dir), null,
                dir.resolve("test.log"), Clock.systemDefaultZone()));
        WaitForAsyncUtils.waitForFxEvents();
        long batch = id;
        await(() -> store().batch(batch).orElseThrow().state() == BatchState.COMPLETED);
        assertThat(store().counts(batch).completed()).isEqualTo(3);
        assertThat(workstation().jobs().snapshots()).anySatisfy(job -> {
            assertThat(job.kind()).isEqualTo("docs.batch");
            assertThat(job.subject()).isEqualTo("Lot interrompu");
        });
        clickOn("#nav-supervision");
        WaitForAsyncUtils.waitForFxEvents();
        await(() -> lookup("Lot de documents").tryQuery().isPresent());
        Screenshots.save(stage, "documents-reprise-supervision");
    }
}
