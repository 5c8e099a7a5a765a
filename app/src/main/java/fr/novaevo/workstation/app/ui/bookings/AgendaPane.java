package fr.novaevo.workstation.app.ui.bookings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.store.LocalBooking;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The agenda: one day with a column per bay, or one week with a row per bay; a card per booking. */
final class AgendaPane {

    private final BookingsView owner;
    private final BookingsFormat format;
    private final VBox root;
    private final ToggleButton dayMode = new ToggleButton();
    private final ToggleButton weekMode = new ToggleButton();
    private final Label period = new Label();
    private final ScrollPane scroll = new ScrollPane();
    private final List<Button> cards = new ArrayList<>();
    private LocalDate date;

    AgendaPane(BookingsView owner) {
        this.owner = owner;
        this.format = owner.format();
        this.date = LocalDate.now(format.i18n().zone());
        ToggleGroup modes = new ToggleGroup();
        dayMode.setText(format.t("bookings.agenda.day"));
        dayMode.setId("bookings-agenda-day");
        dayMode.setToggleGroup(modes);
        weekMode.setText(format.t("bookings.agenda.week"));
        weekMode.setId("bookings-agenda-week");
        weekMode.setToggleGroup(modes);
        dayMode.setSelected(true);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one mode is always chosen
            } else {
                render();
            }
        });
        Button previous = navigation("bookings-agenda-previous", "bookings.agenda.previous", -1);
        Button today = new Button(format.t("bookings.agenda.today"));
        today.setId("bookings-agenda-today");
        today.setOnAction(e -> {
            date = LocalDate.now(format.i18n().zone());
            render();
        });
        Button next = navigation("bookings-agenda-next", "bookings.agenda.next", 1);
        period.setId("bookings-agenda-period");
        period.getStyleClass().add("bookings-agenda-period");
        for (javafx.scene.control.ButtonBase b : List.of(dayMode, weekMode, previous, today, next)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        period.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox modeButtons = new HBox(4, dayMode, weekMode);
        HBox moves = new HBox(6, previous, today, next);
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(14, 8, modeButtons, moves, period);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setRowValignment(javafx.geometry.VPos.CENTER);
        scroll.setFitToWidth(true);
        scroll.setId("bookings-agenda");
        scroll.getStyleClass().add("bookings-agenda");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = new VBox(10, toolbar, scroll);
        root.getStyleClass().add("bookings-pane");
        render();
    }

    private Button navigation(String id, String key, int direction) {
        Button button = new Button(format.t(key));
        button.setId(id);
        button.setOnAction(e -> {
            date = weekMode.isSelected() ? date.plusWeeks(direction) : date.plusDays(direction);
            render();
        });
        return button;
    }

    Node view() {
        return root;
    }

    void show(BookingsView.Snapshot snapshot) {
        render();
    }

    void selectionChanged() {
        for (Button card : cards) {
            card.getStyleClass().remove("bookings-card-selected");
            if (owner.selected() != null && card.getId().equals("booking-card-" + owner.selected())) {
                card.getStyleClass().add("bookings-card-selected");
            }
        }
    }

    /** The bays of every known booking, in name order; "Pont 1" when there is none yet. */
    static List<String> bays(List<LocalBooking> bookings) {
        TreeSet<String> bays = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        bookings.forEach(b -> {
            if (b.booking().bay() != null && !b.booking().bay().isBlank()) {
                bays.add(b.booking().bay());
            }
        });
        if (bays.isEmpty()) {
            bays.add("Pont 1");
        }
        return new ArrayList<>(bays);
    }

    private List<LocalBooking> on(LocalDate day, String bay) {
        return owner.snapshot().bookings().stream()
                .filter(b -> format.localDate(b.booking().slotStart()).equals(day))
                .filter(b -> bay.equalsIgnoreCase(b.booking().bay()))
                .sorted(Comparator.comparing(b -> b.booking().slotStart()))
                .toList();
    }

    private void render() {
        cards.clear();
        List<String> bays = bays(owner.snapshot().bookings());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("bookings-agenda-grid");
        grid.setHgap(8);
        grid.setVgap(8);
        if (weekMode.isSelected()) {
            LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            period.setText(format.t("bookings.agenda.weekOf", format.longDayInSentence(monday)));
            ColumnConstraints bayColumn = new ColumnConstraints();
            bayColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(bayColumn);
            LocalDate sunday = monday.plusDays(6);
            boolean sundayUsed = owner.snapshot().bookings().stream()
                    .anyMatch(b -> format.localDate(b.booking().slotStart()).equals(sunday));
            int days = sundayUsed ? 7 : 6;
            for (int d = 0; d < days; d++) {
                LocalDate day = monday.plusDays(d);
                Label header = header(format.day(day));
                if (day.equals(LocalDate.now(format.i18n().zone()))) {
                    header.getStyleClass().add("bookings-today");
                }
                grid.add(header, d + 1, 0);
                ColumnConstraints column = new ColumnConstraints();
                column.setHgrow(Priority.ALWAYS);
                column.setMinWidth(96);
                column.setPrefWidth(120);
                column.setFillWidth(true);
                grid.getColumnConstraints().add(column);
            }
            for (int r = 0; r < bays.size(); r++) {
                Label bayHeader = header(bays.get(r));
                GridPane.setValignment(bayHeader, javafx.geometry.VPos.TOP);
                grid.add(bayHeader, 0, r + 1);
                for (int d = 0; d < days; d++) {
                    VBox cell = new VBox(4);
                    cell.getStyleClass().add("bookings-week-cell");
                    cell.getStyleClass().add("bookings-cell");
                    for (LocalBooking b : on(monday.plusDays(d), bays.get(r))) {
                        cell.getChildren().add(card(b, true));
                    }
                    grid.add(cell, d + 1, r + 1);
                }
            }
        } else {
            period.setText(format.longDay(date));
            for (int c = 0; c < bays.size(); c++) {
                ColumnConstraints column = new ColumnConstraints();
                column.setHgrow(Priority.ALWAYS);
                column.setMinWidth(130);
                column.setPercentWidth(100.0 / bays.size());
                grid.getColumnConstraints().add(column);
                grid.add(header(bays.get(c)), c, 0);
                VBox cell = new VBox(6);
                cell.getStyleClass().add("bookings-cell");
                List<LocalBooking> day = on(date, bays.get(c));
                if (day.isEmpty()) {
                    Label free = new Label(format.t("bookings.agenda.free"));
                    free.getStyleClass().add("help-text");
                    cell.getChildren().add(free);
                }
                for (LocalBooking b : day) {
                    cell.getChildren().add(card(b, false));
                }
                grid.add(cell, c, 1);
            }
        }
        scroll.setContent(grid);
        selectionChanged();
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("bookings-agenda-header");
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /** A booking: time, customer, vehicle and service, its status colour and its sync state. */
    private Button card(LocalBooking local, boolean compact) {
        Booking b = local.booking();
        String state = local.syncState().name().toLowerCase(java.util.Locale.ROOT);
        VBox content;
        if (compact) {
            Label when = new Label(format.time(b.slotStart()));
            when.getStyleClass().add("bookings-card-time");
            when.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label mark = new Label(switch (local.syncState()) {
                case SYNCED -> "✓";
                case PENDING -> "↻";
                case CONFLICT -> "⚠";
            });
            mark.getStyleClass().addAll("bookings-mark", "bookings-mark-" + state);
            mark.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label who = new Label(format.customer(b));
            who.getStyleClass().add("bookings-card-line");
            content = new VBox(1, new HBox(6, when, mark), who);
        } else {
            Label when = new Label(format.slot(b));
            when.getStyleClass().add("bookings-card-time");
            Label who = new Label(format.customer(b));
            who.getStyleClass().add("bookings-card-customer");
            Label what = new Label(format.vehicle(b.vehicle()));
            Label service = new Label(format.service(b) + " · " + format.status(b.status()));
            what.getStyleClass().add("bookings-card-line");
            service.getStyleClass().add("bookings-card-line");
            Label sync = new Label(format.syncState(local.syncState()));
            sync.getStyleClass().addAll("bookings-badge", "bookings-badge-" + state);
            content = new VBox(2, when, who, what, service, sync);
        }
        javafx.scene.control.Tooltip.install(content, new javafx.scene.control.Tooltip(format.slot(b) + " — "
                + format.customer(b) + "\n" + format.vehicle(b.vehicle()) + "\n" + format.service(b) + " · "
                + format.status(b.status()) + "\n" + format.syncState(local.syncState())));
        Button card = new Button();
        card.setGraphic(content);
        card.setId("booking-card-" + b.id());
        card.setMaxWidth(Double.MAX_VALUE);
        card.setAlignment(Pos.TOP_LEFT);
        card.getStyleClass().addAll("bookings-card", "bookings-card-" + b.status().wire(), "bookings-card-sync-" + state);
        if (compact) {
            card.getStyleClass().add("bookings-card-compact");
        }
        card.setOnAction(e -> owner.select(b.id()));
        cards.add(card);
        return card;
    }
}
