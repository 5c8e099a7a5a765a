package fr.novaevo.workstation.app.ui.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSession;
import fr.novaevo.workstation.app.ui.DemoPlatformAppTest;
import fr.novaevo.workstation.app.ui.MainWindow;
import fr.novaevo.workstation.app.ui.Screenshots;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import fr.novaevo.workstation.sync.model.PartsOffer;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Parts offers from a diagnosis, in the real application against the demo platform: the virtual vehicle's
 * P0420 finds parts for its make, the partner's page opens, and the declared sale comes back from the
 * platform as a pending commission.
 */
class PartsOffersUiTest extends DemoPlatformAppTest {

    @SuppressWarnings("unchecked")
    private TableView<PartsOffer> offers() {
        return (TableView<PartsOffer>) node("#parts-offers-table");
    }

    private void selectCode(String code) {
        TableView<?> codes = node("#vehicle-codes-table");
        int row = -1;
        for (int i = 0; i < codes.getItems().size(); i++) {
            if (code.equals(codes.getColumns().get(1).getCellData(i))) {
                row = i;
            }
        }
        int found = row;
        assertThat(found).as(code + " among the vehicle's codes").isNotNegative();
        interact(() -> codes.getSelectionModel().select(found));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String euros(long cents) {
        return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.FRANCE)
                .format(java.math.BigDecimal.valueOf(cents, 2));
    }

    @Test
    void offersForAFaultCodeOpenThePartnerAndADeclaredSaleComesBackAsAPendingCommission() throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        MainWindow window = app.mainWindow().orElseThrow();
        interact(() -> window.browser(opened::add));
        connectTheDemoVehicle();
        TabPane tabs = node("#vehicle-tabs");
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getId().equals("tab-vehicle-codes")).findFirst().orElseThrow()));
        interact(() -> this.<TableView<?>>node("#vehicle-codes-table").getSelectionModel().clearSelection());
        assertThat(this.<Button>node("#vehicle-codes-offers").isDisabled()).as("no code chosen").isTrue();
        selectCode("P0420");
        Screenshots.save(stage, "vehicule-codes");

        clickOn("#vehicle-codes-offers");

        await(() -> lookup("#parts-offers-status").tryQuery().isPresent()
                && !text("#parts-offers-status").equals("Recherche des offres auprès de la plateforme…"));
        assertThat(text("#parts-offers-status")).isEqualTo("3 offres, en stock d'abord puis par prix");
        // For a Renault (VF1): in stock first, then by price; the on-order catalyst last.
        assertThat(offers().getItems()).extracting(PartsOffer::offerId).containsExactly("o-80121", "o-80118", "o-80117");
        Screenshots.save(node("#parts-offers").getScene(), "vehicule-offres-pieces");

        clickOn("#parts-offers-open");
        assertThat(opened).containsExactly("https://partners.novaevo.fr/r/o-80121?g=g-123");

        clickOn("#parts-offers-declare");
        interact(() -> {
            this.<TextField>node("#parts-offers-quantity").setText("0");
        });
        assertThat(this.<Button>node("#parts-offers-confirm").isDisabled()).as("no sale of nothing").isTrue();
        interact(() -> {
            this.<TextField>node("#parts-offers-quantity").setText("2");
            this.<TextField>node("#parts-offers-order").setText("PX-2026-200001");
        });
        assertThat(text("#parts-offers-estimate"))
                .isEqualTo("Vente : " + euros(19_980) + " — commission estimée : " + euros(1_099));
        Screenshots.save(node("#parts-offers").getScene(), "vehicule-offres-vente");
        clickOn("#parts-offers-confirm");
        await(() -> text("#parts-offers-message").startsWith("Vente de " + euros(19_980) + " chez Pièces Express déclarée"));

        // The next cycle (asked at once) sends the sale; the platform's pending commission comes back.
        PlatformSession session = window.platform().current().orElseThrow();
        await(() -> session.module().commissions().all().stream().anyMatch(c -> "PX-2026-200001".equals(c.orderRef())));
        Commission commission = session.module().commissions().all().stream()
                .filter(c -> "PX-2026-200001".equals(c.orderRef())).findFirst().orElseThrow();
        assertThat(commission.status()).isEqualTo(CommissionStatus.PENDING);
        assertThat(commission.saleAmountCents()).isEqualTo(19_980);
        assertThat(commission.commissionCents()).isEqualTo(1_099);
        assertThat(commission.partner().name()).isEqualTo("Pièces Express");
        assertThat(session.module().sales().all()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo("SYNCED"));
        assertThat(workstation().audit().find(fr.novaevo.workstation.core.audit.AuditQuery.all()))
                .anyMatch(e -> e.action().equals("sync.sale.declared"));
    }
}
