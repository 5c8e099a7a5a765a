package fr.novaevo.workstation.app.ui.vehicle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.obd.service.MonitorTest;
import fr.novaevo.workstation.obd.service.Readiness;
import fr.novaevo.workstation.obd.session.ScanResult;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** Préparation: the readiness monitors of each ECU, and the mode 06 test results with limits and pass/fail. */
final class ReadinessView {

    record MonitorRow(String ecu, Readiness.Monitor monitor) {
    }

    private final Node root;

    ReadinessView(UiContext context, VehicleModel model, VehicleArea area) {
        I18n i18n = context.i18n();
        Label summary = new Label();
        summary.setId("vehicle-readiness-summary");
        summary.getStyleClass().add("vehicle-value");
        summary.setWrapText(true);

        ObservableList<MonitorRow> monitorRows = FXCollections.observableArrayList();
        TableView<MonitorRow> monitors = new TableView<>(monitorRows);
        monitors.setId("vehicle-readiness-table");
        monitors.setPlaceholder(new Label(i18n.t("vehicle.readiness.none")));
        monitors.getColumns().add(column(i18n.t("vehicle.codes.column.ecu"), 150,
                r -> r.ecu() + " " + OverviewView.ecuRole(i18n, r.ecu())));
        monitors.getColumns().add(column(i18n.t("vehicle.readiness.column.monitor"), 320,
                r -> monitorName(i18n, r.monitor().name())));
        TableColumn<MonitorRow, MonitorRow> state = new TableColumn<>(i18n.t("vehicle.readiness.column.state"));
        state.setPrefWidth(220);
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new BadgeCell<>(r -> {
            Readiness.Monitor m = r.monitor();
            if (!m.supported()) {
                return new String[] {i18n.t("vehicle.readiness.unsupported"), "vehicle-badge-neutral"};
            }
            return m.complete() ? new String[] {i18n.t("vehicle.readiness.complete"), "vehicle-badge-ok"}
                    : new String[] {i18n.t("vehicle.readiness.incomplete"), "vehicle-badge-warning"};
        }));
        monitors.getColumns().add(state);
        monitors.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        monitors.setPrefHeight(300);

        ObservableList<MonitorTest> testRows = FXCollections.observableArrayList();
        TableView<MonitorTest> tests = new TableView<>(testRows);
        tests.setId("vehicle-mode06-table");
        tests.setPlaceholder(new Label(i18n.t("vehicle.mode06.none")));
        tests.getColumns().add(column(i18n.t("vehicle.codes.column.ecu"), 100, MonitorTest::ecu));
        tests.getColumns().add(column(i18n.t("vehicle.mode06.column.monitor"), 350, t -> t.legacy()
                ? i18n.t("vehicle.mode06.legacy.component", legacyTestName(i18n, t.monitor()),
                        String.format("%02X", t.component().getAsInt()))
                : String.format("%02X — %s", t.mid(), midName(i18n, t.monitor()))));
        tests.getColumns().add(column(i18n.t("vehicle.mode06.column.test"), 70, t -> String.format("%02X", t.tid())));
        tests.getColumns().add(column(i18n.t("vehicle.mode06.column.value"), 90, t -> number(i18n, t.value())));
        tests.getColumns().add(column(i18n.t("vehicle.mode06.column.min"), 90, t -> number(i18n, t.min())));
        tests.getColumns().add(column(i18n.t("vehicle.mode06.column.max"), 90, t -> number(i18n, t.max())));
        tests.getColumns().add(column(i18n.t("vehicle.mode06.column.unit"), 70, MonitorTest::unit));
        TableColumn<MonitorTest, MonitorTest> result = new TableColumn<>(i18n.t("vehicle.mode06.column.result"));
        result.setPrefWidth(140);
        result.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        result.setCellFactory(c -> new BadgeCell<>(t -> t.passed()
                ? new String[] {i18n.t("vehicle.mode06.pass"), "vehicle-badge-ok"}
                : new String[] {i18n.t("vehicle.mode06.fail"), "vehicle-badge-critical"}));
        tests.getColumns().add(result);
        tests.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tests.setPrefHeight(300);
        Label legacyHelp = Views.help(i18n.t("vehicle.mode06.legacy.help"));
        legacyHelp.setId("vehicle-mode06-legacy-help");
        Label testsError = new Label();
        testsError.setId("vehicle-mode06-error");
        testsError.getStyleClass().add("vehicle-error");
        testsError.setWrapText(true);

        Button reread = new Button(i18n.t("vehicle.readiness.reread"));
        reread.setId("vehicle-readiness-refresh");
        reread.getStyleClass().add("vehicle-big-button");
        reread.setOnAction(e -> area.readVehicle(false));

        Label empty = Views.help(i18n.t("vehicle.notconnected"));
        empty.getStyleClass().add("vehicle-empty");
        VBox content = new VBox(14,
                Views.section(i18n.t("vehicle.readiness.section"), summary, monitors,
                        Views.help(i18n.t("vehicle.readiness.help"))),
                Views.section(i18n.t("vehicle.mode06.section"), tests, testsError,
                        Views.help(i18n.t("vehicle.mode06.help")), legacyHelp),
                reread);
        Runnable refresh = () -> {
            ScanResult scan = model.scan.get();
            boolean has = scan != null;
            content.setVisible(has);
            content.setManaged(has);
            empty.setVisible(!has);
            empty.setManaged(!has);
            reread.setDisable(!model.connected() || !model.busy.get().isEmpty());
            if (!has) {
                monitorRows.clear();
                testRows.clear();
                return;
            }
            List<MonitorRow> all = new ArrayList<>();
            List<String> incomplete = new ArrayList<>();
            for (Readiness r : scan.readiness()) {
                for (Readiness.Monitor m : r.monitors()) {
                    all.add(new MonitorRow(r.ecu(), m));
                }
                r.incomplete().forEach(m -> incomplete.add(monitorName(i18n, m.name())));
            }
            monitorRows.setAll(all);
            if (scan.readiness().isEmpty()) {
                summary.setText(i18n.t("vehicle.readiness.none"));
            } else if (incomplete.isEmpty()) {
                summary.setText(i18n.t("vehicle.readiness.ready"));
            } else {
                summary.setText(i18n.t("vehicle.readiness.notready", incomplete.size(),
                        incomplete.stream().distinct().collect(Collectors.joining(", "))));
            }
            VehicleTexts.style(summary, incomplete.isEmpty() ? "vehicle-ok" : "vehicle-warning", "vehicle-ok",
                    "vehicle-warning");
            testRows.setAll(model.monitorTests.get());
            boolean legacy = testRows.stream().anyMatch(MonitorTest::legacy);
            legacyHelp.setVisible(legacy);
            legacyHelp.setManaged(legacy);
            Throwable failure = model.monitorFailure.get();
            testsError.setText(failure == null ? "" : VehicleTexts.error(i18n, failure));
            testsError.setVisible(failure != null);
            testsError.setManaged(failure != null);
        };
        area.listen(model.scan, refresh);
        area.listen(model.monitorTests, refresh);
        area.listen(model.state, refresh);
        area.listen(model.busy, refresh);
        refresh.run();
        VBox page = new VBox(Views.title(i18n.t("vehicle.readiness.title")), empty, content);
        page.getStyleClass().add("area");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("vehicle-readiness-view");
        root = scroll;
    }

    /** A limit the legacy layout does not give (it has a minimum or a maximum) is a dash. */
    private static String number(I18n i18n, double v) {
        if (Double.isInfinite(v)) {
            return "—";
        }
        return v == Math.rint(v) ? i18n.number(v, 0) : i18n.number(v, 3);
    }

    /** A readiness monitor's name in the user's language (the module gives the standard's English name). */
    static String monitorName(I18n i18n, String english) {
        String key = "vehicle.monitor." + english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return i18n.tOr(key, english);
    }

    private static final Pattern BANK_SENSOR = Pattern.compile("(Oxygen sensor heater|Oxygen sensor) bank (\\d+) sensor (\\d+)");
    private static final Pattern NUMBERED = Pattern.compile("(Catalyst bank|Heated catalyst bank|EGR bank|VVT bank"
            + "|Secondary air|Fuel system bank|Boost pressure control bank|Misfire cylinder|NOx adsorber bank"
            + "|NOx catalyst bank|PM filter bank) (\\d+)");

    /** A mode 06 monitor's name in the user's language where the pattern is known, else as the module names it. */
    static String midName(I18n i18n, String english) {
        Matcher m = BANK_SENSOR.matcher(english);
        if (m.matches()) {
            String key = "vehicle.mid." + m.group(1).toLowerCase(Locale.ROOT).replace(' ', '-');
            return i18n.has(key) ? i18n.t(key, m.group(2), m.group(3)) : english;
        }
        m = NUMBERED.matcher(english);
        if (m.matches()) {
            String key = "vehicle.mid." + m.group(1).toLowerCase(Locale.ROOT).replace(' ', '-');
            return i18n.has(key) ? i18n.t(key, m.group(2)) : english;
        }
        if (english.equals("Misfire general")) {
            return i18n.t("vehicle.mid.misfire-general");
        }
        return english;
    }

    private static final Pattern NUMBERED_TEST = Pattern.compile("(Manufacturer|Reserved) test ([0-9A-F]{2})");

    /**
     * A K-line / J1850 test's name in the user's language: the oxygen sensor tests of SAE J1979 by name, the
     * others by number ("Test constructeur 81").
     */
    static String legacyTestName(I18n i18n, String english) {
        Matcher m = NUMBERED_TEST.matcher(english);
        if (m.matches()) {
            return i18n.t("vehicle.tid." + m.group(1).toLowerCase(Locale.ROOT), m.group(2));
        }
        return i18n.tOr("vehicle.tid." + english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), english);
    }

    private static <T> TableColumn<T, String> column(String title, double width, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    /** A coloured badge: {text, style class}. */
    static final class BadgeCell<T> extends TableCell<T, T> {
        private final java.util.function.Function<T, String[]> badge;
        private final Label label = new Label();

        BadgeCell(java.util.function.Function<T, String[]> badge) {
            this.badge = badge;
            label.getStyleClass().add("vehicle-badge");
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            String[] b = badge.apply(item);
            label.setText(b[0]);
            label.getStyleClass().removeIf(s -> s.startsWith("vehicle-badge-"));
            label.getStyleClass().add(b[1]);
            setGraphic(label);
        }
    }

    Node view() {
        return root;
    }

    void dispose() {
        // listeners are removed by the area with the view
    }
}
