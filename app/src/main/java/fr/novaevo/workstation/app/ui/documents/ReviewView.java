package fr.novaevo.workstation.app.ui.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fr.novaevo.workstation.app.bootstrap.DocumentBatches;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.Location;
import fr.novaevo.workstation.ocr.kbis.Officer;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import fr.novaevo.workstation.ocr.result.PageGeometry;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * One document under review: its page beside the fields read from it. Fields read with low confidence (or not
 * found) are highlighted; selecting a field draws a box where it was read, on its page. A value can be
 * corrected and the document validated; both are journaled, and the updated result is stored so that the
 * batch's exports carry it. The journal lines of the document say who did what, and when.
 */
final class ReviewView {

    /**
     * A field of the extract, read or missing; unsure when read with low confidence, or missing where the
     * checks expected it.
     */
    record FieldLine(FieldKey key, Optional<ExtractedField> field, boolean unsure) {
        static FieldLine of(FieldKey key, Optional<ExtractedField> field, List<Issue> issues) {
            boolean unsure = field.map(f -> f.confidence() < KbisChecks.LOW_CONFIDENCE)
                    .orElse(issues.stream().anyMatch(i -> i.code().equals("KBIS-FIELD-MISSING")
                            && i.message().contains(key.jsonName())));
            return new FieldLine(key, field, unsure);
        }
    }

    /** Width at which a page is shown: a page and the fields side by side fit a 1280-pixel window. */
    static final double PAGE_WIDTH = 560;
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Fields a person never types: derived (VAT number, type) or not a single value (officers). */
    private static final List<FieldKey> NOT_TYPED = List.of(FieldKey.DOCUMENT_TYPE, FieldKey.DIRIGEANTS,
            FieldKey.TVA_INTRACOM);

    private final DocumentsArea area;
    private final I18n i18n;
    private final DocumentsTexts texts;
    private final ObservableList<FieldLine> fields = FXCollections.observableArrayList();
    private final TableView<FieldLine> fieldTable = new TableView<>(fields);
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final Label title = new Label();
    private final Label status = new Label();
    private final VBox reasons = new VBox(4);
    private final Label officers = new Label();
    private final Label pageLabel = new Label();
    private final Label pageMessage = new Label();
    private final ImageView page = new ImageView();
    private final Rectangle box = new Rectangle();
    private final ScrollPane pageScroll;
    private final ProgressIndicator reading = new ProgressIndicator();
    private final TextField correction = new TextField();
    private final Label correctionLabel = new Label();
    private final Button correct = new Button();
    private final Button validate = new Button();
    private final Button previous = new Button("◀");
    private final Button next = new Button("▶");
    private final Button zoomOut = new Button("−");
    private final Button zoomIn = new Button("+");
    private int zoomStep;
    private final Label message = new Label();
    private final Map<Integer, Image> images = new HashMap<>();
    private final StackPane root;
    private final SplitPane content;
    private final Label empty;
    private long documentId = -1;
    private DocumentResult result;
    private List<PageGeometry> pages = List.of();
    private int pageIndex;

    ReviewView(UiContext context, DocumentsArea area) {
        this.area = area;
        this.i18n = context.i18n();
        this.texts = new DocumentsTexts(i18n);

        page.setPreserveRatio(true);
        page.setFitWidth(PAGE_WIDTH);
        page.setId("documents-page");
        box.setId("documents-field-box");
        box.getStyleClass().add("documents-field-box");
        box.setManaged(false);
        box.setVisible(false);
        box.setMouseTransparent(true);
        Pane layer = new Pane(page, box);
        layer.getStyleClass().add("documents-page");
        pageScroll = new ScrollPane(layer);
        pageScroll.setId("documents-page-scroll");
        pageScroll.setPrefViewportWidth(PAGE_WIDTH + 8);
        // the page fills the width it is given; the box follows
        pageScroll.viewportBoundsProperty().addListener((obs, old, now) -> fitPage());
        zoomOut.setId("documents-zoom-out");
        zoomIn.setId("documents-zoom-in");
        zoomOut.setOnAction(e -> zoom(-1));
        zoomIn.setOnAction(e -> zoom(1));
        VBox.setVgrow(pageScroll, Priority.ALWAYS);
        reading.setVisible(false);
        reading.setPrefSize(22, 22);
        zoomOut.setDisable(true);
        previous.setId("documents-page-previous");
        next.setId("documents-page-next");
        previous.setOnAction(e -> showPage(pageIndex - 1));
        next.setOnAction(e -> showPage(pageIndex + 1));
        pageLabel.setId("documents-page-label");
        pageMessage.setId("documents-page-message");
        pageMessage.setWrapText(true);
        HBox pageBar = new HBox(8, previous, pageLabel, next, zoomOut, zoomIn, reading);
        pageBar.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, pageBar, pageScroll, pageMessage);
        left.setMinWidth(PAGE_WIDTH / 2);

        title.setId("documents-review-title");
        title.getStyleClass().add("section-title");
        status.setId("documents-review-status");
        reasons.setId("documents-review-reasons");
        officers.setId("documents-review-officers");
        officers.setWrapText(true);
        officers.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        fieldTable();
        correctionLabel.setId("documents-correction-label");
        correction.setId("documents-correction");
        correction.setPrefColumnCount(24);
        correct.setId("documents-correct");
        correct.setText(i18n.t("documents.review.correct"));
        correct.setOnAction(e -> correctSelected());
        correct.setDisable(true);
        correction.setOnAction(e -> correctSelected());
        validate.setId("documents-validate");
        validate.setText(i18n.t("documents.review.validate"));
        validate.getStyleClass().add("primary");
        validate.setOnAction(e -> validateDocument());
        correctionLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        correct.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox correctionBar = new HBox(8, correctionLabel, correction, correct);
        correctionBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(correction, Priority.ALWAYS);
        message.setId("documents-review-message");
        message.setWrapText(true);
        ListView<String> historyList = new ListView<>(history);
        historyList.setId("documents-review-history");
        historyList.setPrefHeight(110);
        historyList.setMinHeight(80);
        historyList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        historyList.setPlaceholder(new Label(i18n.t("documents.review.history.empty")));
        VBox right = new VBox(8, title, status, reasons, fieldTable, officers, correctionBar,
                new HBox(8, validate), message, Views.section(i18n.t("documents.review.history"), historyList));
        VBox.setVgrow(fieldTable, Priority.ALWAYS);
        right.setMinWidth(420);

        content = new SplitPane(left, right);
        content.setDividerPositions(0.47);
        content.setVisible(false);
        empty = Views.help(i18n.t("documents.review.none"));
        empty.setId("documents-review-none");
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        root = new StackPane(empty, content);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("area");
        root.setId("documents-review");
    }

    StackPane root() {
        return root;
    }

    private void fieldTable() {
        fieldTable.setId("documents-fields-table");
        fieldTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        fieldTable.getColumns().add(BatchesView.column(i18n.t("documents.review.field"), 190, l -> texts.field(l.key())));
        fieldTable.getColumns().add(BatchesView.column(i18n.t("documents.review.value"), 260,
                l -> l.field().map(f -> display(f)).orElse("—")));
        fieldTable.getColumns().add(BatchesView.column(i18n.t("documents.review.confidence"), 90,
                l -> l.field().map(f -> i18n.number(f.confidence() * 100, 0) + " %").orElse("")));
        fieldTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FieldLine item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("documents-unsure");
                if (!empty && item != null && item.unsure()) {
                    getStyleClass().add("documents-unsure");
                }
            }
        });
        fieldTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> fieldSelected(now));
    }

    /** Page widths shown, as a share of the pane's width: the whole width first, then closer. */
    private static final double[] ZOOMS = {1.0, 1.5, 2.0, 3.0};

    private void zoom(int steps) {
        zoomStep = Math.max(0, Math.min(ZOOMS.length - 1, zoomStep + steps));
        zoomOut.setDisable(zoomStep == 0);
        zoomIn.setDisable(zoomStep == ZOOMS.length - 1);
        fitPage();
    }

    /** The page fills the width it is given, times the zoom; the box follows. */
    private void fitPage() {
        double width = Math.max(200, Math.floor(pageScroll.getViewportBounds().getWidth()) - 2) * ZOOMS[zoomStep];
        if (Math.abs(page.getFitWidth() - width) >= 1) {
            page.setFitWidth(width);
            fieldSelected(fieldTable.getSelectionModel().getSelectedItem());
        }
    }

    /** Opens a finished document of a batch. */
    void open(long id) {
        documentId = id;
        images.clear();
        pages = List.of();
        box.setVisible(false);
        page.setImage(null);
        message.setText("");
        area.run(() -> area.documents().reviews().result(id).orElseThrow(() -> new fr.novaevo.workstation.core.error
                .WorkstationException("KBIS-VALIDATION-REFUSED", "document " + id + " is not read yet", id)), loaded -> {
                    if (id != documentId) {
                        return;
                    }
                    show(loaded);
                    loadPages(loaded);
                }, this::failed);
    }

    private void show(DocumentResult shown) {
        result = shown;
        content.setVisible(true);
        empty.setVisible(false);
        title.setText(shown.file().getFileName().toString());
        status.setText(i18n.t("documents.review.status", texts.status(shown.status().jsonName())));
        status.getStyleClass().setAll("label", shown.status() == DocumentStatus.OK ? "message-ok"
                : shown.status() == DocumentStatus.ERROR ? "message-error" : "message-warning");
        reasons.getChildren().clear();
        for (Issue issue : shown.issues()) {
            Label reason = new Label("• " + texts.reason(issue));
            reason.setWrapText(true);
            reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            reason.getStyleClass().add("documents-reason");
            reasons.getChildren().add(reason);
        }
        FieldKey selected = Optional.ofNullable(fieldTable.getSelectionModel().getSelectedItem()).map(FieldLine::key)
                .orElse(null);
        List<FieldLine> lines = new ArrayList<>();
        shown.extraction().ifPresent(x -> {
            for (FieldKey key : FieldKey.values()) {
                if (key != FieldKey.DIRIGEANTS) {
                    lines.add(FieldLine.of(key, x.field(key), shown.issues()));
                }
            }
        });
        fields.setAll(lines);
        lines.stream().filter(l -> l.key() == selected).findFirst().ifPresent(l -> fieldTable.getSelectionModel().select(l));
        officers.setText(shown.extraction().map(x -> i18n.t("documents.review.officers", x.officers().stream()
                .map(ReviewView::officer).reduce((a, b) -> a + " ; " + b).orElse("—"))).orElse(""));
        validate.setDisable(shown.extraction().isEmpty() || shown.status() == DocumentStatus.ERROR);
        loadHistory(shown);
    }

    private static String officer(Officer officer) {
        String who = switch (officer) {
            case Officer.Person p -> p.nom() + " " + p.prenoms();
            case Officer.Company c -> c.denomination();
        };
        return officer.role().map(role -> role + " : " + who).orElse(who);
    }

    private void loadHistory(DocumentResult shown) {
        area.run(() -> area.documents().reviews().reviewHistory(shown.file()), entries -> {
            history.setAll(entries.stream().map(this::historyLine).toList());
        }, this::failed);
    }

    private String historyLine(AuditEntry entry) {
        return i18n.t("documents.review.history.line", i18n.dateTime(entry.occurredAt()), entry.actor(),
                i18n.tOr("audit.action." + entry.action(), entry.action()), entry.details());
    }

    /** The pages' frames (kept from the reading, or read again for an older result), then the first page. */
    private void loadPages(DocumentResult shown) {
        if (shown.status() == DocumentStatus.ERROR) {
            pageLabel.setText("");
            pageMessage.setText(i18n.t("documents.review.no_page"));
            return;
        }
        long id = documentId;
        reading.setVisible(true);
        pageMessage.setText(i18n.t("documents.review.reading"));
        area.run(() -> area.documents().reviews().pages(shown.file(), DocumentBatches.UNWATCHED), frames -> {
            if (id != documentId) {
                return;
            }
            reading.setVisible(false);
            pages = frames;
            pageMessage.setText(frames.isEmpty() ? i18n.t("documents.review.no_page") : "");
            showPage(0);
        }, failure -> {
            reading.setVisible(false);
            failed(failure);
        });
    }

    private void showPage(int index) {
        if (pages.isEmpty() || index < 0 || index >= pages.size()) {
            previous.setDisable(true);
            next.setDisable(true);
            return;
        }
        pageIndex = index;
        pageLabel.setText(i18n.t("documents.review.page", index + 1, pages.size()));
        previous.setDisable(index == 0);
        next.setDisable(index == pages.size() - 1);
        Image known = images.get(index);
        if (known != null) {
            page.setImage(known);
            fieldSelected(fieldTable.getSelectionModel().getSelectedItem());
            return;
        }
        PageGeometry frame = pages.get(index);
        DocumentResult shown = result;
        long id = documentId;
        reading.setVisible(true);
        area.run(() -> FxImages.toFx(area.documents().reviews().pageImage(shown.file(), frame)), image -> {
            reading.setVisible(false);
            if (id != documentId) {
                return;
            }
            images.put(index, image);
            if (pageIndex == index) {
                page.setImage(image);
                fieldSelected(fieldTable.getSelectionModel().getSelectedItem());
            }
        }, failure -> {
            reading.setVisible(false);
            failed(failure);
        });
    }

    /** Draws the box where the field was read (turning to its page), and prepares its correction. */
    private void fieldSelected(FieldLine line) {
        box.setVisible(false);
        boolean typed = line != null && !NOT_TYPED.contains(line.key());
        correct.setDisable(!typed);
        correction.setDisable(!typed);
        if (line == null) {
            correctionLabel.setText("");
            return;
        }
        correctionLabel.setText(texts.field(line.key()));
        if (!correction.isFocused()) {
            // typed back as shown; French number spaces are not spaces to the parser
            correction.setText(line.field().map(f -> display(f).replace('\u202f', ' ').replace('\u00a0', ' '))
                    .orElse(""));
        }
        Optional<Location> where = line.field().flatMap(ExtractedField::location);
        if (where.isEmpty() || pages.isEmpty()) {
            return;
        }
        Location at = where.get();
        int index = at.page() - 1;
        if (index != pageIndex && index >= 0 && index < pages.size()) {
            showPage(index);
            return;
        }
        if (page.getImage() == null || index != pageIndex) {
            return;
        }
        double scale = page.getFitWidth() / pages.get(index).width();
        double margin = 3;
        box.setX(at.x0() * scale - margin);
        box.setY(at.y0() * scale - margin);
        box.setWidth((at.x1() - at.x0()) * scale + 2 * margin);
        box.setHeight((at.y1() - at.y0()) * scale + 2 * margin);
        box.setVisible(true);
        // bring the box into view, a third down and a little in from the left
        double extraHeight = page.getBoundsInParent().getHeight() - pageScroll.getViewportBounds().getHeight();
        double extraWidth = page.getBoundsInParent().getWidth() - pageScroll.getViewportBounds().getWidth();
        if (extraHeight > 0) {
            double top = box.getY() - pageScroll.getViewportBounds().getHeight() / 3;
            pageScroll.setVvalue(Math.max(0, Math.min(1, top / extraHeight)));
        }
        if (extraWidth > 0) {
            pageScroll.setHvalue(Math.max(0, Math.min(1, (box.getX() - 40) / extraWidth)));
        }
    }

    private void correctSelected() {
        FieldLine line = fieldTable.getSelectionModel().getSelectedItem();
        if (line == null || documentId < 0 || NOT_TYPED.contains(line.key())) {
            return;
        }
        long id = documentId;
        String typed = correction.getText();
        area.run(() -> area.documents().reviews().correct(id, line.key(), typed), corrected -> {
            if (id == documentId) {
                show(corrected);
                message.getStyleClass().setAll("label", "message-ok");
                message.setText(i18n.t("documents.review.corrected", texts.field(line.key())));
            }
        }, this::failed);
    }

    private void validateDocument() {
        if (documentId < 0) {
            return;
        }
        long id = documentId;
        area.run(() -> area.documents().reviews().validate(id), validated -> {
            if (id == documentId) {
                show(validated);
                message.getStyleClass().setAll("label", "message-ok");
                message.setText(i18n.t("documents.review.validated"));
            }
        }, this::failed);
    }

    private void failed(Throwable failure) {
        message.getStyleClass().setAll("label", "message-error");
        message.setText(i18n.error(failure));
    }

    /** Dates as dd/MM/yyyy and amounts in the user's format; the rest as read. */
    private String display(ExtractedField field) {
        try {
            return switch (field.key().kind()) {
                case DATE -> java.time.LocalDate.parse(field.value()).format(DATE);
                case DECIMAL -> i18n.number(new java.math.BigDecimal(field.value()).doubleValue(), 2);
                default -> field.value();
            };
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            return field.value();
        }
    }
}
