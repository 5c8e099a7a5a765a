package fr.novaevo.workstation.app.ui.documents.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.ocr.supervision.BatchProgress;
import fr.novaevo.workstation.ocr.supervision.SupervisionSnapshot;
import fr.novaevo.workstation.ocr.supervision.Supervisor;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Documents area's "Supervision" tab: batches active, queued and finished with their duration, throughput
 * and time left; the process's memory and CPU; the alerts to acknowledge; the thresholds; the history. It reads
 * the supervisor's last measure (no database access) each time the area refreshes it.
 */
public final class SupervisionView {

    /** A batch as listed, with the group it belongs to. */
    record Line(String group, BatchProgress batch) {
    }

    private final UiContext context;
    private final Supervisor supervisor;
    private final Background background;
    private final SupervisionTexts texts;
    private final Label figures = new Label();
    private final TableView<Line> batches = new TableView<>();
    private final AlertsPane alerts;
    private final ThresholdsEditor thresholds;
    private final HistoryPane history;
    private final ScrollPane root;
    private SupervisionSnapshot shown;
    private boolean loaded;

    public SupervisionView(UiContext context, Executor worker) {
        this.context = context;
        this.supervisor = context.workstation().supervision();
        this.background = new Background(worker);
        I18n i18n = context.i18n();
        this.texts = new SupervisionTexts(i18n);
        this.alerts = new AlertsPane(context, supervisor.alerts(), background, texts);
        this.thresholds = new ThresholdsEditor(context, supervisor.alerts(), background, texts);
        this.history = new HistoryPane(context, supervisor, background);

        figures.setId("docsup-figures");
        figures.getStyleClass().add("docsup-figures");
        Button measure = new Button(i18n.t("docsup.measure"));
        measure.setId("docsup-measure");
        measure.setOnAction(e -> measureNow());
        measure.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(12, figures, measure);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        batches.setId("docsup-batches");
        batches.setPlaceholder(new Label(i18n.t("docsup.batches.none")));
        batches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        batches.setPrefHeight(150);
        batches.getColumns().addAll(List.of(
                column(i18n.t("docsup.column.batch"), 190, l -> l.batch().name()),
                column(i18n.t("docsup.column.group"), 90, Line::group),
                column(i18n.t("docsup.column.documents"), 90, l -> l.batch().finished() + " / " + l.batch().total()),
                column(i18n.t("docsup.column.duration"), 90, l -> texts.duration(l.batch().duration())),
                column(i18n.t("docsup.column.docsPerMinute"), 115, l -> texts.perMinute(l.batch().documentsPerMinute())),
                column(i18n.t("docsup.column.pagesPerMinute"), 90, l -> texts.perMinute(l.batch().pagesPerMinute())),
                column(i18n.t("docsup.column.eta"), 110, l -> texts.eta(l.batch().eta())),
                column(i18n.t("docsup.column.errors"), 80, l -> l.batch().errors() + " ("
                        + i18n.number(l.batch().failureRate() * 100, 0) + " %)")));

        VBox content = new VBox(14,
                Views.section(i18n.t("docsup.section.batches"), head, batches),
                alerts.root(),
                Views.section(i18n.t("docsup.section.history"), history.root()),
                thresholds.root());
        content.setPadding(new Insets(12));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("docsup-view");
        root.getProperties().put(SupervisionView.class, this); // the view behind the node, for tests
    }

    public Node root() {
        return root;
    }

    /** Shows the supervisor's last measure; the thresholds and the history are read the first time. */
    public void refresh() {
        if (!loaded) {
            loaded = true;
            thresholds.load();
            history.load();
        }
        show(supervisor.latest());
    }

    private void measureNow() {
        background.run(supervisor::refresh, this::show, failure -> figures.setText(context.i18n().error(failure)));
        history.load();
    }

    private void show(SupervisionSnapshot snapshot) {
        if (snapshot.equals(shown)) {
            return;
        }
        shown = snapshot;
        I18n i18n = context.i18n();
        figures.setText(i18n.t("docsup.figures", i18n.number(snapshot.heapUsedMb(), 0),
                texts.percent(snapshot.cpuPercent()), i18n.dateTime(snapshot.takenAt()),
                snapshot.active().size(), snapshot.queued().size()));
        List<Line> lines = new ArrayList<>();
        snapshot.active().forEach(b -> lines.add(new Line(i18n.t("docsup.group.active"), b)));
        snapshot.queued().forEach(b -> lines.add(new Line(i18n.t("docsup.group.queued"), b)));
        snapshot.finished().forEach(b -> lines.add(new Line(i18n.t("docsup.group.finished"), b)));
        batches.getItems().setAll(lines);
        alerts.show(snapshot.alerts());
    }

    TableView<Line> batches() {
        return batches;
    }

    AlertsPane alerts() {
        return alerts;
    }

    ThresholdsEditor thresholds() {
        return thresholds;
    }

    HistoryPane history() {
        return history;
    }

    static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
