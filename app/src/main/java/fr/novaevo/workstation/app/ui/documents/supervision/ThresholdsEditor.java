package fr.novaevo.workstation.app.ui.documents.supervision;

import java.util.EnumMap;
import java.util.Map;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.ocr.supervision.AlertBook;
import fr.novaevo.workstation.ocr.supervision.AlertKind;
import fr.novaevo.workstation.ocr.supervision.AlertThresholds;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The alert thresholds (the defaults until changed): every field is checked before anything is saved,
 * a wrong one is marked with the reason, and each change is written to the audit journal by the alert book.
 */
final class ThresholdsEditor {

    private final UiContext context;
    private final AlertBook book;
    private final Background background;
    private final SupervisionTexts texts;
    private final Map<AlertKind, TextField> fields = new EnumMap<>(AlertKind.class);
    private final Map<AlertKind, Label> problems = new EnumMap<>(AlertKind.class);
    private final Button save;
    private final Outcome message;
    private final VBox root;
    private AlertThresholds current = AlertThresholds.defaults();

    ThresholdsEditor(UiContext context, AlertBook book, Background background, SupervisionTexts texts) {
        this.context = context;
        this.book = book;
        this.background = background;
        this.texts = texts;
        I18n i18n = context.i18n();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int row = 0;
        for (AlertKind kind : AlertKind.values()) {
            TextField field = new TextField();
            field.setId("docsup-threshold-" + kind.code());
            field.setPrefColumnCount(6);
            Label problem = new Label();
            problem.getStyleClass().add("field-error");
            problem.setId("docsup-threshold-problem-" + kind.code());
            Label caption = new Label(texts.kind(kind));
            caption.setLabelFor(field);
            caption.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(caption, 0, row);
            grid.add(field, 1, row);
            Label unit = new Label(texts.unit(kind) + " · " + i18n.t("docsup.threshold.default", texts.number(kind.defaultLimit())));
            unit.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(unit, 2, row);
            grid.add(problem, 1, row + 1, 2, 1);
            problem.setManaged(false);
            fields.put(kind, field);
            problems.put(kind, problem);
            row += 2;
        }
        save = new Button(i18n.t("docsup.threshold.save"));
        save.setId("docsup-threshold-save");
        save.setOnAction(e -> save());
        message = new Outcome("docsup-threshold-message", i18n);
        root = Views.section(i18n.t("docsup.section.thresholds"), grid, message.after(save));
        root.setSpacing(6);
    }

    VBox root() {
        return root;
    }

    void load() {
        background.run(book::thresholds, this::show, message::failed);
    }

    private void show(AlertThresholds thresholds) {
        current = thresholds;
        fields.forEach((kind, field) -> field.setText(texts.number(thresholds.limit(kind))));
        problems.values().forEach(this::clear);
    }

    /** Checks every field; saves the changed ones only when all are right. */
    void save() {
        Map<AlertKind, Double> changed = new EnumMap<>(AlertKind.class);
        boolean valid = true;
        for (AlertKind kind : AlertKind.values()) {
            ThresholdInput.Checked checked = ThresholdInput.check(kind, fields.get(kind).getText(),
                    context.i18n().locale());
            Label problem = problems.get(kind);
            if (checked.problemKey().isPresent()) {
                valid = false;
                problem.setText(context.i18n().t(checked.problemKey().get()));
                problem.setManaged(true);
                if (!fields.get(kind).getStyleClass().contains("invalid")) {
                    fields.get(kind).getStyleClass().add("invalid");
                }
            } else {
                clear(problem);
                fields.get(kind).getStyleClass().remove("invalid");
                double value = checked.value().orElseThrow();
                if (value != current.limit(kind)) {
                    changed.put(kind, value);
                }
            }
        }
        if (!valid) {
            message.error(context.i18n().t("docsup.threshold.invalid"));
            return;
        }
        if (changed.isEmpty()) {
            message.ok(context.i18n().t("docsup.threshold.unchanged"));
            return;
        }
        save.setDisable(true);
        background.run(() -> {
            AlertThresholds last = current;
            for (Map.Entry<AlertKind, Double> change : changed.entrySet()) {
                last = book.setThreshold(change.getKey(), change.getValue());
            }
            return last;
        }, saved -> {
            save.setDisable(false);
            show(saved);
            message.ok(context.i18n().t("docsup.threshold.saved", changed.size()));
        }, failure -> {
            save.setDisable(false);
            message.failed(failure);
        });
    }

    private void clear(Label problem) {
        problem.setText("");
        problem.setManaged(false);
    }

    TextField field(AlertKind kind) {
        return fields.get(kind);
    }

    Label problem(AlertKind kind) {
        return problems.get(kind);
    }

    Label message() {
        return message.label();
    }
}
