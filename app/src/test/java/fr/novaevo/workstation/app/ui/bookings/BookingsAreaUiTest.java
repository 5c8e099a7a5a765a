package fr.novaevo.workstation.app.ui.bookings;

import fr.novaevo.workstation.app.ui.DemoPlatformAppTest;
import fr.novaevo.workstation.app.ui.Screenshots;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.store.BookingSyncState;
import fr.novaevo.workstation.sync.store.CommissionRepository.MonthlyTotal;
import fr.novaevo.workstation.sync.store.LocalBooking;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Rendez-vous & commissions" area of the real application, headless, in demo mode (no platform URL in
 * the settings): the area starts a platform emulator on 127.0.0.1 with its French sample data. Only the
 * test's own clicks sync (the scheduled interval is raised, the emulator's office activity is off), so that
 * "pending" can be seen before "synced".
 */
class BookingsAreaUiTest extends DemoPlatformAppTest {

    @SuppressWarnings("unchecked")
    private TableView<LocalBooking> list() {
        return (TableView<LocalBooking>) node("#bookings-list");
    }

    private void tab(String id) {
        TabPane tabs = node("#bookings-tabs");
        interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> t.getId().equals("tab-bookings-" + id)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the area and waits for the first cycle against the emulator. */
    private void openSynced() throws TimeoutException {
        clickOn("#nav-bookings");
        await(() -> text("#bookings-sync-state").startsWith("Synchronisé ") && !list().getItems().isEmpty());
    }

    private void select(LocalBooking booking) {
        interact(() -> list().getSelectionModel().select(booking));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LocalBooking row(java.util.UUID id) {
        return list().getItems().stream().filter(b -> b.booking().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theDemoAgendaShowsTheSampleBookingsAfterASync() throws Exception {
        assertThat(this.<ToggleButton>node("#nav-bookings").getText()).isEqualTo("Rendez-vous & commissions");

        openSynced();

        assertThat(text("#bookings-demo")).isEqualTo("Démonstration : plateforme simulée");
        assertThat(node("#bookings-demo").isVisible()).isTrue();
        assertThat(text("#bookings-sync-state")).matches("Synchronisé \\d\\d:\\d\\d");
        assertThat(text("#status-platform")).as("the status bar follows")
                .isEqualTo("Plateforme simulée : " + text("#bookings-sync-state"));
        assertThat(list().getItems()).allMatch(b -> b.syncState() == BookingSyncState.SYNCED);
        assertThat(list().getItems()).extracting(b -> b.booking().bay()).contains("Pont 1", "Pont 2");
        LocalDate today = LocalDate.now();
        LocalBooking todays = list().getItems().stream()
                .filter(b -> b.booking().slotStart().atZone(java.time.ZoneId.systemDefault()).toLocalDate().equals(today))
                .findFirst().orElse(null);
        if (todays == null) { // a Sunday: the sample agenda has no Sunday, show Monday
            clickOn("#bookings-agenda-next");
            todays = list().getItems().stream().filter(b -> b.booking().slotStart()
                    .atZone(java.time.ZoneId.systemDefault()).toLocalDate().equals(today.plusDays(1))).findFirst().orElseThrow();
        }
        assertThat(lookup("#booking-card-" + todays.booking().id()).tryQuery()).as("a card in the day agenda").isPresent();
        Screenshots.save(stage, "rendez-vous-agenda-jour");

        clickOn("#bookings-agenda-week");
        assertThat(text("#bookings-agenda-period")).startsWith("Semaine du ");
        assertThat(lookup("#booking-card-" + todays.booking().id()).tryQuery()).as("a card in the week agenda").isPresent();
        Screenshots.save(stage, "rendez-vous-agenda-semaine");

        tab("list");
        Screenshots.save(stage, "rendez-vous-liste");
    }

    @Test
    void anAllowedStatusChangeIsPendingThenSynced() throws Exception {
        openSynced();
        LocalBooking confirmed = list().getItems().stream()
                .filter(b -> b.booking().status() == BookingStatus.CONFIRMED).findFirst().orElseThrow();
        java.util.UUID id = confirmed.booking().id();
        tab("list");
        select(confirmed);
        await(() -> text("#bookings-detail-customer").equals(confirmed.booking().customer().name()));
        assertThat(text("#bookings-detail-status")).isEqualTo("Confirmé");
        assertThat(text("#bookings-detail-sync")).isEqualTo("Synchronisé");
        // Only the transitions the contract allows from "confirmed".
        assertThat(lookup("#bookings-status-checked_in").tryQuery()).isPresent();
        assertThat(lookup("#bookings-status-cancelled").tryQuery()).isPresent();
        assertThat(lookup("#bookings-status-no_show").tryQuery()).isPresent();
        assertThat(lookup("#bookings-status-completed").tryQuery()).isEmpty();
        assertThat(lookup("#bookings-status-in_progress").tryQuery()).isEmpty();
        Screenshots.save(stage, "rendez-vous-detail");

        clickOn("#bookings-status-checked_in");

        await(() -> row(id).syncState() == BookingSyncState.PENDING && text("#bookings-detail-sync").equals("En attente"));
        assertThat(text("#bookings-detail-status")).isEqualTo("Arrivé");
        await(() -> text("#bookings-sync-state").equals("1 en attente"));
        assertThat(lookup("#bookings-status-in_progress").tryQuery()).as("the next step is offered").isPresent();
        Screenshots.save(stage, "rendez-vous-detail-en-attente");

        clickOn("#bookings-sync");

        await(() -> row(id).syncState() == BookingSyncState.SYNCED && text("#bookings-detail-sync").equals("Synchronisé")
                && text("#bookings-sync-state").startsWith("Synchronisé "));
        assertThat(row(id).booking().status()).isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(row(id).booking().rev()).as("the platform's new revision").isGreaterThan(confirmed.booking().rev());
    }

    @Test
    void aWalkInIsCreatedThenSent() throws Exception {
        openSynced();
        clickOn("#bookings-new");
        interact(() -> {
            this.<TextField>node("#bookings-walkin-name").setText("Lucie Martin");
            this.<TextField>node("#bookings-walkin-plate").setText("GH-512-KL");
            this.<TextField>node("#bookings-walkin-make").setText("Renault");
            this.<TextField>node("#bookings-walkin-model").setText("Kangoo");
            this.<TextField>node("#bookings-walkin-time").setText("20:00");
            this.<TextField>node("#bookings-walkin-duration").setText("45");
            this.<ComboBox<String>>node("#bookings-walkin-bay").setValue("Pont 3");
        });
        Screenshots.save(stage, "rendez-vous-sans-rendez-vous");
        clickOn("#bookings-walkin-create");

        await(() -> list().getItems().stream().anyMatch(b -> "Lucie Martin".equals(b.booking().customer().name())
                && b.syncState() == BookingSyncState.PENDING));
        await(() -> text("#bookings-detail-customer").equals("Lucie Martin"));
        assertThat(text("#bookings-detail-status")).isEqualTo("Arrivé");
        assertThat(text("#bookings-detail-sync")).isEqualTo("En attente");

        clickOn("#bookings-sync");

        await(() -> list().getItems().stream().anyMatch(b -> "Lucie Martin".equals(b.booking().customer().name())
                && b.syncState() == BookingSyncState.SYNCED && b.booking().rev() != null));
        LocalBooking created = list().getItems().stream()
                .filter(b -> "Lucie Martin".equals(b.booking().customer().name())).findFirst().orElseThrow();
        assertThat(created.booking().source()).isEqualTo("workstation");
        assertThat(created.booking().bay()).isEqualTo("Pont 3");
        assertThat(created.booking().durationMinutes()).isEqualTo(45);
        assertThat(text("#bookings-sync-state")).startsWith("Synchronisé ");
    }

    @Test
    void aWalkInOnATakenSlotIsRefusedBeforeAnythingIsWritten() throws Exception {
        openSynced();
        LocalBooking taken = list().getItems().stream()
                .filter(b -> b.booking().status().occupiesBay()).findFirst().orElseThrow();
        java.time.ZonedDateTime start = taken.booking().slotStart().atZone(java.time.ZoneId.systemDefault());
        int before = list().getItems().size();
        clickOn("#bookings-new");
        interact(() -> {
            this.<TextField>node("#bookings-walkin-name").setText("Paul Durand");
            this.<javafx.scene.control.DatePicker>node("#bookings-walkin-date").setValue(start.toLocalDate());
            this.<TextField>node("#bookings-walkin-time").setText(start.toLocalTime().toString());
            this.<ComboBox<String>>node("#bookings-walkin-bay").setValue(taken.booking().bay());
        });
        clickOn("#bookings-walkin-create");
        await(() -> text("#bookings-walkin-error").startsWith("Créneau déjà occupé"));
        assertThat(list().getItems()).hasSize(before);
    }

    @Test
    void theCommissionsShowMonthlyTotalsExactToTheCent() throws Exception {
        openSynced();
        tab("commissions");
        @SuppressWarnings("unchecked")
        TableView<MonthlyTotal> totals = (TableView<MonthlyTotal>) node("#bookings-commissions-totals");
        @SuppressWarnings("unchecked")
        TableView<Commission> commissions = (TableView<Commission>) node("#bookings-commissions-table");
        await(() -> !totals.getItems().isEmpty() && !commissions.getItems().isEmpty());
        Screenshots.save(stage, "rendez-vous-commissions");

        YearMonth month = totals.getItems().getFirst().period();
        ComboBox<YearMonth> period = node("#bookings-commissions-period");
        interact(() -> period.setValue(month));
        await(() -> totals.getItems().size() == 1 && commissions.getItems().stream().allMatch(c -> c.period().equals(month)));
        long expected = commissions.getItems().stream().mapToLong(Commission::commissionCents).sum();
        MonthlyTotal total = totals.getItems().getFirst();
        assertThat(total.commissionCents()).isEqualTo(expected);
        assertThat(total.count()).isEqualTo(commissions.getItems().size());
        // What the table shows: the French amount, exact to the cent.
        NumberFormat euros = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        assertThat(totals.getColumns().get(3).getCellData(0))
                .isEqualTo(euros.format(BigDecimal.valueOf(expected, 2)));
        assertThat(lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && euros.format(BigDecimal.valueOf(expected, 2)).equals(l.getText())).tryQuery())
                .as("the total drawn in the table").isPresent();

        interact(() -> this.<javafx.scene.control.CheckBox>node("#bookings-commissions-status-cancelled").setSelected(false));
        await(() -> commissions.getItems().stream().noneMatch(c -> c.status() == fr.novaevo.workstation.sync.model.CommissionStatus.CANCELLED));
        assertThat(this.<Button>node("#bookings-sync").isDisabled()).isFalse();
        Screenshots.save(stage, "rendez-vous-commissions-mois");

        // The export writes what the filters show: this month, without the cancelled ones.
        java.nio.file.Path file = dir.resolve("commissions.xlsx");
        CommissionsPane pane = (CommissionsPane) lookup(n -> n.getProperties().containsKey(CommissionsPane.class))
                .query().getProperties().get(CommissionsPane.class);
        int written = pane.export(file).get(30, java.util.concurrent.TimeUnit.SECONDS);
        await(() -> text("#bookings-message").endsWith(" dans " + file));
        assertThat(written).isEqualTo(commissions.getItems().size());
        try (var in = java.nio.file.Files.newInputStream(file);
             var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            var sheet = workbook.getSheet("Commissions");
            assertThat(sheet.getLastRowNum()).isEqualTo(written);
            long cents = 0;
            for (int r = 1; r <= written; r++) {
                assertThat(sheet.getRow(r).getCell(7).getStringCellValue()).isNotEqualTo("Annulée");
                cents += Math.round(sheet.getRow(r).getCell(6).getNumericCellValue() * 100);
            }
            assertThat(cents).isEqualTo(commissions.getItems().stream().mapToLong(Commission::commissionCents).sum());
        }
    }

    @Test
    void aConflictShowsBothValuesAndIsSettledByTheUsersChoice() throws Exception {
        openSynced();
        LocalBooking confirmed = list().getItems().stream()
                .filter(b -> b.booking().status() == BookingStatus.CONFIRMED).findFirst().orElseThrow();
        java.util.UUID id = confirmed.booking().id();
        tab("list");
        select(confirmed);
        clickOn("#bookings-status-checked_in");
        await(() -> row(id).syncState() == BookingSyncState.PENDING);
        // Meanwhile the office cancels the same booking on the platform.
        demoPlatform().state().platformUpdateBooking(id, java.util.Map.of("status", "cancelled"));

        clickOn("#bookings-sync");

        await(() -> row(id).syncState() == BookingSyncState.CONFLICT && text("#bookings-sync-state").equals("1 conflit"));
        assertThat(text("#bookings-conflict-mine-value")).isEqualTo("Ma valeur : Arrivé");
        assertThat(text("#bookings-conflict-theirs-value")).isEqualTo("Plateforme : Annulé");
        assertThat(text("#bookings-detail-sync")).isEqualTo("En conflit");
        tab("conflicts");
        @SuppressWarnings("unchecked")
        TableView<fr.novaevo.workstation.sync.store.BookingConflict> conflicts =
                (TableView<fr.novaevo.workstation.sync.store.BookingConflict>) node("#bookings-conflicts-table");
        await(() -> conflicts.getItems().size() == 1);
        assertThat(conflicts.getColumns().get(3).getCellData(0)).isEqualTo("Arrivé");
        assertThat(conflicts.getColumns().get(4).getCellData(0)).isEqualTo("Annulé");
        Screenshots.save(stage, "rendez-vous-conflit");

        clickOn("#bookings-conflict-take");

        await(() -> row(id).booking().status() == BookingStatus.CANCELLED && row(id).syncState() != BookingSyncState.CONFLICT);
        assertThat(conflicts.getItems()).isEmpty();
        assertThat(app.workstation().orElseThrow().audit().find(fr.novaevo.workstation.core.audit.AuditQuery.all()))
                .anyMatch(e -> e.action().equals("sync.conflict.resolved") && e.subject().equals(id.toString()));
        clickOn("#bookings-sync");
        await(() -> row(id).syncState() == BookingSyncState.SYNCED && text("#bookings-sync-state").startsWith("Synchronisé "));
        assertThat(text("#bookings-detail-status")).isEqualTo("Annulé");
    }

    @Test
    void aMoveRejectedByThePlatformGoesToTheDeadLettersAndCanBeDiscarded() throws Exception {
        openSynced();
        LocalBooking booking = list().getItems().stream()
                .filter(b -> b.booking().status() == BookingStatus.CONFIRMED).findFirst().orElseThrow();
        java.util.UUID id = booking.booking().id();
        LocalDate day = LocalDate.now().plusDays(20);
        tab("list");
        select(booking);
        interact(() -> {
            this.<javafx.scene.control.DatePicker>node("#bookings-reschedule-date").setValue(day);
            this.<TextField>node("#bookings-reschedule-time").setText("19:00");
            this.<ComboBox<String>>node("#bookings-reschedule-bay").setValue("Pont 3");
            this.<Button>node("#bookings-reschedule-apply").fire();
        });
        await(() -> row(id).syncState() == BookingSyncState.PENDING);
        // Meanwhile a customer books that very slot online.
        com.fasterxml.jackson.databind.node.ObjectNode other = demoPlatform().state().booking(id).orElseThrow().deepCopy();
        other.remove("id");
        other.put("status", "confirmed");
        other.put("bay", "Pont 3");
        other.put("slotStart", day.atTime(19, 0).atZone(java.time.ZoneId.systemDefault()).toInstant().toString());
        other.putObject("customer").put("name", "Réservation en ligne");
        demoPlatform().state().platformCreateBooking(other);

        clickOn("#bookings-sync");

        tab("deadletters");
        @SuppressWarnings("unchecked")
        TableView<fr.novaevo.workstation.sync.store.DeadLetter> letters =
                (TableView<fr.novaevo.workstation.sync.store.DeadLetter>) node("#bookings-deadletters-table");
        await(() -> letters.getItems().size() == 1);
        assertThat(letters.getColumns().get(1).getCellData(0)).isEqualTo("Modification de rendez-vous");
        assertThat((String) letters.getColumns().get(3).getCellData(0)).contains("slot_taken");
        await(() -> row(id).syncState() == BookingSyncState.SYNCED);
        assertThat(row(id).booking().bay()).as("the local copy goes back to the platform's").isEqualTo(booking.booking().bay());
        Screenshots.save(stage, "rendez-vous-rejets");

        interact(() -> letters.getSelectionModel().select(0));
        clickOn("#bookings-deadletters-discard");
        clickOn("Oui");
        await(() -> letters.getItems().isEmpty());
        assertThat(app.workstation().orElseThrow().audit().find(fr.novaevo.workstation.core.audit.AuditQuery.all()))
                .anyMatch(e -> e.action().equals("sync.deadletter.discarded"));
    }

    @Test
    void theDemoPlatformListensOnLoopbackOnlyAndStopsWithTheWindow() throws Exception {
        openSynced();
        java.net.URI uri = demoPlatform().baseUri();
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        try (java.net.Socket open = new java.net.Socket()) {
            open.connect(new java.net.InetSocketAddress("127.0.0.1", uri.getPort()), 5_000);
            assertThat(open.isConnected()).isTrue();
        }

        closeApplication();

        try (java.net.Socket closed = new java.net.Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> closed.connect(new java.net.InetSocketAddress("127.0.0.1", uri.getPort()), 5_000))
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void theSyncStateSpeaksTheIssuesWordsAndAmountsAreExactToTheCent() {
        BookingsFormat french = new BookingsFormat(new fr.novaevo.workstation.app.ui.I18n("fr", java.time.ZoneId.of("Europe/Paris")));
        java.time.Instant at = java.time.Instant.parse("2026-11-21T08:05:00Z");
        assertThat(french.syncStatus(status(SyncStatus.Kind.SYNCED, at, 0, 0), 0))
                .isEqualTo("Synchronisé 09:05");
        assertThat(french.syncStatus(status(SyncStatus.Kind.PENDING, at, 3, 0), 0))
                .isEqualTo("3 en attente");
        assertThat(french.syncStatus(status(SyncStatus.Kind.OFFLINE, at, 1, 0), 42))
                .isEqualTo("Hors ligne (nouvel essai dans 42 s)");
        assertThat(french.syncStatus(status(SyncStatus.Kind.CONFLICTS, at, 0, 2), 0))
                .isEqualTo("2 conflits");
        assertThat(french.syncStatus(status(SyncStatus.Kind.SIGN_IN_REQUIRED, at, 0, 0), 0))
                .isEqualTo("Connexion requise");
        assertThat(french.syncStatus(status(SyncStatus.Kind.UPDATE_REQUIRED, at, 0, 0), 0))
                .isEqualTo("Mise à jour requise");
        NumberFormat euros = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        // 2^53 + 1 cents: a double would lose the last cent.
        assertThat(french.money(9_007_199_254_740_993L, "EUR")).isEqualTo(euros.format(new BigDecimal("90071992547409.93")))
                .contains("409,93");
        assertThat(french.money(7947, "EUR")).isEqualTo(euros.format(new BigDecimal("79.47"))).startsWith("79,47");
        assertThat(french.rate(550)).isEqualTo("5,50 %");
    }

    private static SyncStatus status(SyncStatus.Kind kind,
                                                                       java.time.Instant at, int pending, int conflicts) {
        return new SyncStatus(kind, at, pending, conflicts, 0,
                kind == SyncStatus.Kind.OFFLINE ? java.time.Duration.ofSeconds(42) : null, null);
    }
}
