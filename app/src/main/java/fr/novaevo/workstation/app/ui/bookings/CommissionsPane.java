package fr.novaevo.workstation.app.ui.bookings;

import java.io.File;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import fr.novaevo.workstation.app.bootstrap.platform.CommissionsWorkbook;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import fr.novaevo.workstation.sync.store.CommissionRepository.MonthlyTotal;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Commissions on partner sales, by period and status, and the monthly totals (sums in cents, computed by the
 * repository without floating point, shown exact to the cent).
 */
final class CommissionsPane {

    /** The period filter: one month, or every month (null). */
    private static final YearMonth ALL = YearMonth.of(1, 1);

    private final BookingsView owner;
    private final BookingsFormat format;
    private final ComboBox<YearMonth> period = new ComboBox<>();
    private final List<CheckBox> statuses = new ArrayList<>();
    private final ObservableList<Commission> rows = FXCollections.observableArrayList();
    private final ObservableList<MonthlyTotal> totals = FXCollections.observableArrayList();
    private final TableView<Commission> table = new TableView<>(rows);
    private final TableView<MonthlyTotal> totalsTable = new TableView<>(totals);
    private final VBox root;
    private boolean loading;

    /** What one read brings back. */
    private record Loaded(List<YearMonth> periods, List<Commission> commissions, List<MonthlyTotal> totals) {
    }

    CommissionsPane(BookingsView owner) {
        this.owner = owner;
        this.format = owner.format();
        period.setId("bookings-commissions-period");
        period.getItems().add(ALL);
        period.setValue(ALL);
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(YearMonth value) {
                return value == null ? "" : value.equals(ALL) ? format.t("bookings.commissions.allPeriods") : format.month(value);
            }

            @Override
            public YearMonth fromString(String text) {
                return null;
            }
        });
        period.valueProperty().addListener((obs, old, now) -> {
            if (!loading && now != null) {
                reload();
            }
        });
        HBox filters = new HBox(12, new Label(format.t("bookings.commissions.period")), period,
                new Label(format.t("bookings.commissions.statuses")));
        Button export = new Button(format.t("bookings.commissions.export"));
        export.setId("bookings-commissions-export");
        export.setOnAction(e -> chooseExport());
        filters.setAlignment(Pos.CENTER_LEFT);
        for (CommissionStatus status : CommissionStatus.values()) {
            CheckBox box = new CheckBox(format.commissionStatus(status));
            box.setId("bookings-commissions-status-" + status.wire());
            box.setUserData(status);
            box.setSelected(true);
            box.selectedProperty().addListener((obs, old, now) -> reload());
            statuses.add(box);
            filters.getChildren().add(box);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        filters.getChildren().addAll(spacer, export);

        table.setId("bookings-commissions-table");
        table.setPlaceholder(new Label(format.t("bookings.commissions.empty")));
        table.getColumns().add(column(format.t("bookings.commissions.column.period"), 130, c -> format.month(c.period())));
        table.getColumns().add(column(format.t("bookings.commissions.column.partner"), 160, c -> c.partner() == null ? "" : c.partner().name()));
        table.getColumns().add(column(format.t("bookings.commissions.column.order"), 130, Commission::orderRef));
        table.getColumns().add(amount(format.t("bookings.commissions.column.sale"), 120, c -> format.money(c.saleAmountCents(), c.currency())));
        table.getColumns().add(amount(format.t("bookings.commissions.column.rate"), 80, c -> format.rate(c.rateBps())));
        table.getColumns().add(amount(format.t("bookings.commissions.column.commission"), 120, c -> format.money(c.commissionCents(), c.currency())));
        table.getColumns().add(column(format.t("bookings.commissions.column.status"), 100, c -> format.commissionStatus(c.status())));
        table.getColumns().add(column(format.t("bookings.commissions.column.validated"), 110, c -> c.validatedAt() == null ? "" : format.date(c.validatedAt())));
        table.getColumns().add(column(format.t("bookings.commissions.column.paid"), 110, c -> c.paidAt() == null ? "" : format.date(c.paidAt())));

        totalsTable.setId("bookings-commissions-totals");
        totalsTable.setPlaceholder(new Label(format.t("bookings.commissions.empty")));
        totalsTable.getColumns().add(column(format.t("bookings.commissions.column.period"), 160, t -> format.month(t.period())));
        totalsTable.getColumns().add(amount(format.t("bookings.commissions.column.count"), 90, t -> String.valueOf(t.count())));
        totalsTable.getColumns().add(amount(format.t("bookings.commissions.column.salesTotal"), 160, t -> format.money(t.saleAmountCents(), t.currency())));
        totalsTable.getColumns().add(amount(format.t("bookings.commissions.column.commissionTotal"), 180, t -> format.money(t.commissionCents(), t.currency())));
        totalsTable.setPrefHeight(200);
        Label totalsTitle = new Label(format.t("bookings.commissions.totals"));
        totalsTitle.getStyleClass().add("section-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, filters, table, totalsTitle, totalsTable);
        root.getStyleClass().add("bookings-pane");
        root.getProperties().put(CommissionsPane.class, this); // tests export without the system's file dialog
    }

    Node view() {
        return root;
    }

    private Set<CommissionStatus> chosenStatuses() {
        Set<CommissionStatus> chosen = EnumSet.noneOf(CommissionStatus.class);
        statuses.stream().filter(CheckBox::isSelected).forEach(b -> chosen.add((CommissionStatus) b.getUserData()));
        return chosen;
    }

    private YearMonth chosenMonth() {
        return period.getValue() == null || period.getValue().equals(ALL) ? null : period.getValue();
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        YearMonth month = chosenMonth();
        chooser.setInitialFileName("commissions" + (month == null ? "" : "-" + month) + ".xlsx");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        File file = chooser.showSaveDialog(owner.context().window());
        if (file != null) {
            export(file.toPath());
        }
    }

    /** Writes the commissions the filters show (period and statuses) to an Excel workbook, off this thread. */
    CompletableFuture<Integer> export(Path target) {
        Set<CommissionStatus> chosen = chosenStatuses();
        YearMonth month = chosenMonth();
        ZoneId zone = format.i18n().zone();
        return owner.context().platform().run(s -> {
            List<Commission> shown = s.module().commissions().find(month, chosen).stream()
                    .sorted(Comparator.comparing(Commission::period).thenComparing(Commission::createdAt,
                            Comparator.nullsLast(Comparator.naturalOrder()))).toList();
            new CommissionsWorkbook(zone).write(shown, target);
            return shown.size();
        }).whenCompleteAsync((count, failure) -> {
            if (failure != null) {
                owner.message(format.error(BookingsArea.unwrap(failure)), "message-error");
            } else {
                owner.message(format.t("bookings.commissions.exported", count, target.toString()), "message-ok");
            }
        }, FxExecutor.INSTANCE);
    }

    void reload() {
        Set<CommissionStatus> chosen = chosenStatuses();
        YearMonth month = chosenMonth();
        owner.read(m -> {
            List<YearMonth> periods = new ArrayList<>(new TreeSet<>(m.commissions().all().stream()
                    .map(Commission::period).toList()).descendingSet());
            List<MonthlyTotal> sums = m.commissions().monthlyTotals(chosen).stream()
                    .filter(t -> month == null || t.period().equals(month))
                    .sorted((a, b) -> b.period().compareTo(a.period())).toList();
            return new Loaded(periods, m.commissions().find(month, chosen).stream()
                    .sorted((a, b) -> b.period().compareTo(a.period())).toList(), sums);
        }, loaded -> {
            loading = true;
            try {
                YearMonth keep = period.getValue();
                List<YearMonth> items = new ArrayList<>();
                items.add(ALL);
                items.addAll(loaded.periods());
                if (!items.equals(period.getItems())) {
                    period.getItems().setAll(items);
                    period.setValue(items.contains(keep) ? keep : ALL);
                }
            } finally {
                loading = false;
            }
            rows.setAll(loaded.commissions());
            totals.setAll(loaded.totals());
        });
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static <T> TableColumn<T, String> amount(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = column(title, width, value);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }
}
