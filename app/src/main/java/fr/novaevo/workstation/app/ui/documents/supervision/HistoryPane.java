package fr.novaevo.workstation.app.ui.documents.supervision;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.ocr.supervision.HistoryExport;
import fr.novaevo.workstation.ocr.supervision.HistoryPoint;
import fr.novaevo.workstation.ocr.supervision.HistoryRange;
import fr.novaevo.workstation.ocr.supervision.Supervisor;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The history over 24 h, 7 days or 30 days as two charts (throughput; memory and CPU), time counted back from
 * now, and its export as CSV or Excel (French headers, written to a temporary file then renamed).
 */
final class HistoryPane {

    private final UiContext context;
    private final Supervisor supervisor;
    private final Background background;
    private final ToggleGroup ranges = new ToggleGroup();
    private final LineChart<Number, Number> throughput;
    private final LineChart<Number, Number> resources;
    private final Outcome message;
    private final VBox root;
    private HistoryRange range = HistoryRange.LAST_24_HOURS;
    private List<HistoryPoint> points = List.of();

    HistoryPane(UiContext context, Supervisor supervisor, Background background) {
        this.context = context;
        this.supervisor = supervisor;
        this.background = background;
        I18n i18n = context.i18n();
        HBox choices = new HBox(6);
        for (HistoryRange r : HistoryRange.values()) {
            ToggleButton button = new ToggleButton(i18n.t("docsup.history.range." + r.name()));
            button.setId("docsup-history-" + r.name());
            button.setToggleGroup(ranges);
            button.setUserData(r);
            button.setSelected(r == range);
            choices.getChildren().add(button);
        }
        ranges.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                before.setSelected(true); // one range is always chosen
            } else if (now.getUserData() != range) {
                range = (HistoryRange) now.getUserData();
                load();
            }
        });
        Button csv = new Button(i18n.t("docsup.history.exportCsv"));
        csv.setId("docsup-history-csv");
        csv.setOnAction(e -> chooseExport(false));
        Button excel = new Button(i18n.t("docsup.history.exportExcel"));
        excel.setId("docsup-history-excel");
        excel.setOnAction(e -> chooseExport(true));
        message = new Outcome("docsup-history-message", i18n);
        HBox bar = message.after(choices, csv, excel);

        throughput = chart("docsup-chart-throughput", i18n.t("docsup.history.chart.throughput"));
        resources = chart("docsup-chart-resources", i18n.t("docsup.history.chart.resources"));
        HBox charts = new HBox(10, throughput, resources);
        HBox.setHgrow(throughput, Priority.ALWAYS);
        HBox.setHgrow(resources, Priority.ALWAYS);
        root = new VBox(8, bar, charts);
    }

    private LineChart<Number, Number> chart(String id, String title) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false); // the whole range, from its start to now, however few the measures
        NumberAxis y = new NumberAxis();
        javafx.util.StringConverter<Number> local = new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return context.i18n().number(v, v == Math.rint(v) ? 0 : 1); // "2,5", not "2.5", in French
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are only shown");
            }
        };
        x.setTickLabelFormatter(local);
        y.setTickLabelFormatter(local);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(260);
        chart.setMinWidth(300);
        return chart;
    }

    VBox root() {
        return root;
    }

    /** Reads the chosen range's history and draws it. */
    void load() {
        HistoryRange asked = range;
        background.run(() -> supervisor.history(asked), loaded -> {
            if (asked == range) {
                draw(loaded);
            }
        }, message::failed);
    }

    private void draw(List<HistoryPoint> loaded) {
        points = loaded;
        I18n i18n = context.i18n();
        boolean days = range != HistoryRange.LAST_24_HOURS;
        String unit = i18n.t(days ? "docsup.history.axis.days" : "docsup.history.axis.hours");
        for (LineChart<Number, Number> chart : List.of(throughput, resources)) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setLabel(unit);
            x.setLowerBound(-range.span().toMinutes() / (days ? 1440.0 : 60.0));
            x.setUpperBound(0);
            x.setTickUnit(switch (range) {
                case LAST_24_HOURS -> 2;
                case LAST_7_DAYS -> 1;
                case LAST_30_DAYS -> 5;
            });
        }
        XYChart.Series<Number, Number> documents = series(i18n.t("docsup.history.series.documents"));
        XYChart.Series<Number, Number> pages = series(i18n.t("docsup.history.series.pages"));
        XYChart.Series<Number, Number> memory = series(i18n.t("docsup.history.series.memory"));
        XYChart.Series<Number, Number> cpu = series(i18n.t("docsup.history.series.cpu"));
        Instant now = Instant.now(context.workstation().clock());
        for (HistoryPoint p : loaded) {
            if (p.samples() == 0) {
                continue; // the application was not running: no point rather than a false zero
            }
            double ago = -Duration.between(p.from(), now).toMinutes() / (days ? 1440.0 : 60.0);
            documents.getData().add(new XYChart.Data<>(ago, p.documentsPerMinute()));
            pages.getData().add(new XYChart.Data<>(ago, p.pagesPerMinute()));
            memory.getData().add(new XYChart.Data<>(ago, p.heapUsedMbMax()));
            p.cpuPercentAverage().ifPresent(v -> cpu.getData().add(new XYChart.Data<>(ago, v)));
        }
        // a few measures are dots, a long history a line
        boolean few = documents.getData().size() <= 30;
        throughput.setCreateSymbols(few);
        resources.setCreateSymbols(few);
        throughput.getData().setAll(List.of(documents, pages));
        resources.getData().setAll(List.of(memory, cpu));
        message.plain(loaded.stream().allMatch(p -> p.samples() == 0) ? i18n.t("docsup.history.empty") : "");
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }

    private void chooseExport(boolean excel) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.i18n().t(excel ? "docsup.history.exportExcel" : "docsup.history.exportCsv"));
        chooser.setInitialFileName("supervision-" + range.name().toLowerCase(java.util.Locale.ROOT)
                + (excel ? ".xlsx" : ".csv"));
        File target = chooser.showSaveDialog(context.window());
        if (target != null) {
            export(target.toPath(), excel);
        }
    }

    /** Writes the chosen range's history (read again, so it is complete up to now), then says where. */
    void export(Path target, boolean excel) {
        HistoryRange asked = range;
        HistoryExport export = new HistoryExport(context.i18n().zone());
        background.run(() -> {
            List<HistoryPoint> fresh = supervisor.history(asked);
            if (excel) {
                export.writeExcel(fresh, target);
            } else {
                export.writeCsv(fresh, target);
            }
            context.workstation().audit().record("ocr.supervision.history_exported", target.getFileName().toString(),
                    asked.name());
            return target;
        }, written -> message.ok(context.i18n().t("docsup.history.written", written.toString())), message::failed);
    }

    void select(HistoryRange wanted) {
        ranges.getToggles().stream().filter(t -> t.getUserData() == wanted).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    List<HistoryPoint> points() {
        return points;
    }

    LineChart<Number, Number> throughput() {
        return throughput;
    }

    Label message() {
        return message.label();
    }
}
