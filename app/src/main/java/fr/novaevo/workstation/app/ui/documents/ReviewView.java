package fr.novaevo.workstation.app.ui.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisChecks;
import fr.novaevo.workstation.ocr.kbis.Officer;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

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
    private final Label trust = new Label();
    private final Label officers = new Label();
    private final TextField correction = new TextField();
    private final Label correctionLabel = new Label();
    private final Button correct = new Button();
    private final Button validate = new Button();
    private final Label message = new Label();
    private final PageViewer pageViewer;
    private final StackPane root;
    private final SplitPane content;
    private final Label empty;
    private long documentId = -1;
    private DocumentResult result;

    ReviewView(UiContext context, DocumentsArea area) {
        this.area = area;
        this.i18n = context.i18n();
        this.texts = new DocumentsTexts(i18n);

        pageViewer = new PageViewer(area, i18n);
        VBox left = pageViewer.root();

        title.setId("documents-review-title");
        title.getStyleClass().add("section-title");
        status.setId("documents-review-status");
        reasons.setId("documents-review-reasons");
        trust.setId("documents-review-trust");
        trust.setWrapText(true);
        trust.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        VBox right = new VBox(8, title, status, reasons, trust, fieldTable, officers, correctionBar,
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

    /** Opens a finished document of a batch. */
    void open(long id) {
        documentId = id;
        pageViewer.clear();
        message.setText("");
        area.run(() -> area.documents().reviews().result(id).orElseThrow(() -> new fr.novaevo.workstation.core.error
                .WorkstationException("KBIS-VALIDATION-REFUSED", "document " + id + " is not read yet", id)), loaded -> {
                    if (id != documentId) {
                        return;
                    }
                    show(loaded);
                    pageViewer.load(loaded.file(), loaded.status() != DocumentStatus.ERROR);
                }, this::failed);
    }

    /** The platform's answer, when a platform is configured and answered: its status, trust level and checks. */
    private void showTrust(DocumentResult shown) {
        trust.setVisible(shown.verification().isPresent());
        trust.setManaged(shown.verification().isPresent());
        shown.verification().ifPresent(v -> {
            String checks = v.checks().stream()
                    .map(c -> (c.ok() ? "✓ " : "✗ ") + texts.platformCheck(c.name()))
                    .reduce((a, b) -> a + ", " + b).orElse("—");
            trust.setText(i18n.t("documents.review.trust", texts.platformStatus(v.status()), v.trustLevel(), checks));
            trust.getStyleClass().setAll("label", v.trustLevel() >= 2 ? "message-ok"
                    : v.trustLevel() == 1 ? "message-warning" : "message-error");
        });
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
        showTrust(shown);
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

    /** Shows where the field was read, and prepares its correction. */
    private void fieldSelected(FieldLine line) {
        boolean typed = line != null && !NOT_TYPED.contains(line.key());
        correct.setDisable(!typed);
        correction.setDisable(!typed);
        if (line == null) {
            correctionLabel.setText("");
            pageViewer.highlight(Optional.empty());
            return;
        }
        correctionLabel.setText(texts.field(line.key()));
        if (!correction.isFocused()) {
            // typed back as shown; French number spaces are not spaces to the parser
            correction.setText(line.field().map(f -> display(f).replace('\u202f', ' ').replace('\u00a0', ' '))
                    .orElse(""));
        }
        pageViewer.highlight(line.field().flatMap(ExtractedField::location));
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
