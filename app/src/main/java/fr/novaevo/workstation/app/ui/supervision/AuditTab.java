package fr.novaevo.workstation.app.ui.supervision;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import fr.novaevo.workstation.app.cli.AuditCsv;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.audit.AuditVerification;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The audit journal: filter, check the hash chain, export as CSV. */
final class AuditTab {

    /** Action families offered in the filter; the journal accepts any dotted code. */
    static final List<String> FAMILIES = List.of("", "settings.", "data.", "audit.", "obd.", "ecu.", "ocr.", "docs.", "sync.");

    private final UiContext context;
    private final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<String> family = new ComboBox<>(FXCollections.observableList(FAMILIES));
    private final TextField text = new TextField();
    private final Label count = new Label();
    private final Label verification = new Label();
    private final VBox root;

    AuditTab(UiContext context) {
        this.context = context;
        I18n i18n = context.i18n();
        TableView<AuditEntry> table = new TableView<>(rows);
        table.setId("audit-table");
        table.getColumns().add(column(i18n.t("audit.column.date"), 160, e -> i18n.dateTime(e.occurredAt())));
        table.getColumns().add(column(i18n.t("audit.column.actor"), 160, AuditEntry::actor));
        table.getColumns().add(column(i18n.t("audit.column.action"), 230,
                e -> i18n.tOr("audit.action." + e.action(), e.action())));
        table.getColumns().add(column(i18n.t("audit.column.subject"), 260, AuditEntry::subject));
        table.getColumns().add(column(i18n.t("audit.column.details"), 320, AuditEntry::details));

        from.setId("audit-from");
        to.setId("audit-to");
        family.setId("audit-family");
        family.setValue("");
        family.setConverter(new StringConverter<>() {
            @Override
            public String toString(String prefix) {
                return prefix == null || prefix.isEmpty() ? i18n.t("audit.filter.action.all") : prefix + "*";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        text.setId("audit-text");
        text.setPromptText(i18n.t("audit.filter.text"));
        from.valueProperty().addListener((o, a, b) -> refresh());
        to.valueProperty().addListener((o, a, b) -> refresh());
        family.valueProperty().addListener((o, a, b) -> refresh());
        text.textProperty().addListener((o, a, b) -> refresh());

        Button verify = new Button(i18n.t("audit.verify"));
        verify.setId("audit-verify");
        verify.setOnAction(e -> verify());
        verification.setId("audit-verification");
        Button export = new Button(i18n.t("audit.export"));
        export.setId("audit-export");
        export.setOnAction(e -> chooseExport());

        HBox filters = new HBox(10, new Label(i18n.t("audit.filter.from")), from, new Label(i18n.t("audit.filter.to")), to,
                new Label(i18n.t("audit.filter.action")), family, text, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(10, verify, export, verification);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, filters, table, actions);
        root.setPadding(new Insets(12));
        refresh();
    }

    Node view() {
        return root;
    }

    AuditQuery query() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(context.i18n().zone()).toInstant();
        LocalDate last = to.getValue();
        Instant end = last == null ? null : last.plusDays(1).atStartOfDay(context.i18n().zone()).toInstant();
        return AuditQuery.all().between(start, end).withActionPrefix(family.getValue()).withText(text.getText())
                .withLimit(5_000);
    }

    void refresh() {
        AuditQuery query = query();
        CompletableFuture.supplyAsync(() -> context.workstation().audit().find(query))
                .whenCompleteAsync((entries, failure) -> {
                    if (failure != null) {
                        Views.showError(context.window(), context.i18n(), failure.getCause());
                        return;
                    }
                    rows.setAll(entries);
                    count.setText(context.i18n().t("audit.count", entries.size()));
                }, FxExecutor.INSTANCE);
    }

    private void verify() {
        I18n i18n = context.i18n();
        CompletableFuture.supplyAsync(() -> context.workstation().audit().verify())
                .whenCompleteAsync((AuditVerification result, Throwable failure) -> {
                    verification.getStyleClass().removeAll("message-ok", "message-error");
                    if (failure != null) {
                        Views.showError(context.window(), i18n, failure.getCause());
                    } else if (result.intact()) {
                        verification.setText(i18n.t("audit.verify.ok", result.entries()));
                        verification.getStyleClass().add("message-ok");
                    } else {
                        verification.setText(i18n.t("audit.verify.broken", result.firstBroken().getAsLong()));
                        verification.getStyleClass().add("message-error");
                    }
                }, FxExecutor.INSTANCE);
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("tracabilite.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(context.window());
        if (file != null) {
            export(file.toPath());
        }
    }

    /** Writes the entries matching the current filters; runs as a background job. */
    CompletableFuture<Integer> export(Path target) {
        I18n i18n = context.i18n();
        AuditQuery query = query().withLimit(Integer.MAX_VALUE);
        return context.workstation().jobs().submit("audit.export", target.getFileName().toString(), job -> {
            job.progress(0, 1, "export");
            int written = AuditCsv.export(context.workstation(), query, target, i18n.zone());
            job.progress(1, 1, "export");
            return written;
        }).result().whenCompleteAsync((written, failure) -> {
            if (failure != null) {
                Views.showError(context.window(), i18n, failure.getCause() == null ? failure : failure.getCause());
            } else {
                verification.setText(i18n.t("audit.export.done", written, target));
                refresh();
            }
        }, FxExecutor.INSTANCE);
    }

    private static TableColumn<AuditEntry, String> column(String title, double width,
                                                          java.util.function.Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
