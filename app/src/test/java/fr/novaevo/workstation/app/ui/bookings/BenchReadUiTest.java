package fr.novaevo.workstation.app.ui.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.app.ui.DemoPlatformAppTest;
import fr.novaevo.workstation.app.ui.Screenshots;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.store.BookingSyncState;
import fr.novaevo.workstation.sync.store.LocalBooking;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Lire au banc" in the real application: the built-in virtual vehicle connected in the Véhicule area fills a
 * booking's VIN and mileage, which reach the (emulated) platform with the next sync under the contract's
 * field names.
 */
class BenchReadUiTest extends DemoPlatformAppTest {

    @SuppressWarnings("unchecked")
    private TableView<LocalBooking> list() {
        return (TableView<LocalBooking>) node("#bookings-list");
    }

    private void openBookingsList() throws TimeoutException {
        clickOn("#nav-bookings");
        await(() -> text("#bookings-sync-state").startsWith("Synchronisé ") && !list().getItems().isEmpty());
        javafx.scene.control.TabPane tabs = node("#bookings-tabs");
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals("tab-bookings-list")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LocalBooking confirmed() {
        return list().getItems().stream().filter(b -> b.booking().status() == BookingStatus.CONFIRMED)
                .findFirst().orElseThrow();
    }

    @Test
    void withoutAVehicleAtTheBenchTheButtonWaitsAndSaysWhy() throws Exception {
        openBookingsList();
        LocalBooking booking = confirmed();
        interact(() -> list().getSelectionModel().select(booking));
        await(() -> lookup("#bookings-bench-read").tryQuery().isPresent());

        assertThat(this.<Button>node("#bookings-bench-read").isDisabled()).isTrue();
        assertThat(text("#bookings-bench-hint")).isEqualTo("Aucun véhicule connecté : branchez-le dans l'onglet Véhicule.");
    }

    @Test
    void theVehicleAtTheBenchFillsTheBookingAndReachesThePlatform() throws Exception {
        connectTheDemoVehicle();
        openBookingsList();
        LocalBooking booking = confirmed();
        UUID id = booking.booking().id();
        interact(() -> list().getSelectionModel().select(booking));
        await(() -> lookup("#bookings-bench-read").tryQuery().isPresent()
                && !this.<Button>node("#bookings-bench-read").isDisabled());
        assertThat(text("#bookings-bench-hint")).isEqualTo("Véhicule connecté : " + DEMO_VIN);
        OptionalLong odometer = benchOdometer();

        clickOn("#bookings-bench-read");
        long expectedKm;
        if (odometer.isPresent()) {
            expectedKm = odometer.getAsLong(); // the virtual vehicle answers PID A6
        } else {
            // The car does not give its odometer: the user reads it on the dashboard.
            await(() -> lookup("#bookings-bench-mileage").tryQuery().isPresent());
            Screenshots.save(stage, "rendez-vous-banc-kilometrage");
            interact(() -> this.<TextField>node("#bookings-bench-mileage").setText("12"));
            interact(() -> this.<TextField>node("#bookings-bench-mileage").setText("abc"));
            assertThat(this.<Button>node("#bookings-bench-mileage-ok").isDisabled()).as("not a mileage").isTrue();
            interact(() -> this.<TextField>node("#bookings-bench-mileage").setText("48 900 km"));
            clickOn("#bookings-bench-mileage-ok");
            expectedKm = 48_900;
        }

        // The sample booking names another car: replacing it is the user's choice.
        String booked = booking.booking().vehicle().vin();
        await(() -> lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().contains("(VIN " + DEMO_VIN + ") n'est pas celui du rendez-vous (VIN " + booked + ")"))
                .tryQuery().isPresent());
        clickOn("Oui");

        long km = expectedKm;
        await(() -> text("#bookings-message").startsWith("Véhicule lu au banc : VIN " + DEMO_VIN)
                && text("#bookings-detail-sync").equals("En attente"));
        assertThat(list().getItems().stream().filter(b -> b.booking().id().equals(id)).findFirst().orElseThrow()
                .booking().vehicle().mileageKm()).isEqualTo(km);
        assertThat(text("#bookings-detail-vin")).isEqualTo(DEMO_VIN);
        await(() -> text("#status-platform").equals("Plateforme simulée : 1 en attente"));
        Screenshots.save(stage, "rendez-vous-banc-lu");

        clickOn("#bookings-sync");
        await(() -> list().getItems().stream().anyMatch(b -> b.booking().id().equals(id)
                && b.syncState() == BookingSyncState.SYNCED));
        ObjectNode onPlatform = demoPlatform().state().booking(id).orElseThrow();
        assertThat(onPlatform.at("/vehicle/vin").asText()).isEqualTo(DEMO_VIN);
        assertThat(onPlatform.at("/vehicle/mileageKm").asLong()).isEqualTo(km);
    }

    /** What the connected vehicle says of PID A6, read the way the button reads it. */
    private OptionalLong benchOdometer() throws Exception {
        BookingsArea area = (BookingsArea) node("#bookings-view").getProperties().get(BookingsArea.class);
        return area.benchVehicle().connected().orElseThrow().readOdometerKm().get(30, TimeUnit.SECONDS);
    }
}
