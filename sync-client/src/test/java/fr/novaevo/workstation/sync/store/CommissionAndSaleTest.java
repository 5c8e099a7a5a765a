package fr.novaevo.workstation.sync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.Change;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpResult;
import fr.novaevo.workstation.sync.model.Sale;
import fr.novaevo.workstation.sync.model.SaleLine;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommissionAndSaleTest extends StoreTestSupport {

    private static Change commission(UUID id, long rev, String period, String status, long sale, int bps) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id.toString()).put("rev", rev).put("garageId", "g-123").putNull("bookingId")
                .put("saleId", UUID.randomUUID().toString());
        c.putObject("partner").put("id", "p-pex").put("name", "Pièces Express");
        c.put("orderRef", "PX-1").put("saleAmountCents", sale).put("currency", "EUR").put("rateBps", bps)
                .put("commissionCents", Commission.commissionCents(sale, bps)).put("status", status).put("period", period)
                .putNull("validatedAt").putNull("paidAt").put("createdAt", "2026-11-01T10:00:00Z")
                .put("updatedAt", "2026-11-01T10:00:00Z");
        return new Change(EntityType.COMMISSION, id, rev, false, c);
    }

    @Test
    void commissionsArePulledAndTotalledExactlyPerMonth() {
        UUID a = UUID.randomUUID();
        ledger.applyPage(page("c1", false,
                commission(a, 1, "2026-11", "pending", 18990, 550),
                commission(UUID.randomUUID(), 1, "2026-11", "validated", 4590, 700),
                commission(UUID.randomUUID(), 1, "2026-11", "cancelled", 99_999, 500),
                commission(UUID.randomUUID(), 1, "2026-10", "paid", 1, 5000)));
        ledger.applyPage(page("c2", false, commission(a, 2, "2026-11", "validated", 18990, 550)));

        assertThat(commissions.inPeriod(YearMonth.of(2026, 11))).hasSize(3);
        assertThat(commissions.all()).filteredOn(c -> c.id().equals(a)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CommissionStatus.VALIDATED));
        assertThat(commissions.find(YearMonth.of(2026, 11), EnumSet.of(CommissionStatus.CANCELLED))).hasSize(1);
        assertThat(commissions.find(null, EnumSet.of(CommissionStatus.PAID, CommissionStatus.VALIDATED))).hasSize(3);
        List<CommissionRepository.MonthlyTotal> totals = commissions.monthlyTotals(
                EnumSet.of(CommissionStatus.PENDING, CommissionStatus.VALIDATED, CommissionStatus.PAID));
        assertThat(totals).containsExactly(
                new CommissionRepository.MonthlyTotal(YearMonth.of(2026, 10), "EUR", 1, 1, 1),
                new CommissionRepository.MonthlyTotal(YearMonth.of(2026, 11), "EUR", 2, 23_580, 1044 + 321));
    }

    @Test
    void aDeclaredSaleIsSentOnceAndMarkedByItsResult() {
        Sale sale = sales.declare(new Sale(null, null, "o-55821", "p-pex", "PX-2026-118822",
                List.of(new SaleLine("BOS-0258006537", "Sonde lambda amont", 1, 18990)), "EUR",
                Instant.parse("2026-11-21T16:39:02Z")));
        assertThat(sales.find(sale.id()).state()).isEqualTo("PENDING");

        PendingBatch batch = ledger.nextBatch(100).orElseThrow();
        assertThat(batch.request().ops()).singleElement().satisfies(op -> {
            assertThat(op.type()).isEqualTo(EntityType.SALE);
            assertThat(op.fields().at("/lines/0/unitPriceCents").asLong()).isEqualTo(18990);
        });
        ledger.applyResults(batch, answer(batch, op -> OpResult.applied(op.opId(), 1)));

        assertThat(sales.find(sale.id()).state()).isEqualTo("SYNCED");
        assertThat(ledger.nextBatch(100)).isEmpty();
    }

    @Test
    void aSaleForABookingCreatedInTheSameBatchComesAfterIt() {
        UUID booking = bookings.createWalkIn(SyncLedgerTest.draft("2026-11-24T09:00:00Z")).booking().id();
        sales.declare(new Sale(null, booking, "o-55821", "p-pex", "PX-1",
                List.of(new SaleLine("BOS-0258006537", "Sonde", 1, 18990)), "EUR", Instant.parse("2026-11-21T16:39:02Z")));

        PendingBatch batch = ledger.nextBatch(100).orElseThrow();

        assertThat(batch.request().ops()).extracting(op -> op.type()).containsExactly(EntityType.BOOKING, EntityType.SALE);
    }
}
