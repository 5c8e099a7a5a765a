package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

/** A commission on a partner sale, computed by the platform only; the workstation reads it, never writes it. */
public record Commission(
        UUID id,
        long rev,
        String garageId,
        UUID bookingId,
        UUID saleId,
        Partner partner,
        String orderRef,
        long saleAmountCents,
        String currency,
        int rateBps,
        long commissionCents,
        CommissionStatus status,
        YearMonth period,
        Instant validatedAt,
        Instant paidAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Commissions are counted in the month of the sale in France. */
    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    @JsonIgnore
    public Money saleAmount() {
        return new Money(saleAmountCents, currency);
    }

    @JsonIgnore
    public Money commission() {
        return new Money(commissionCents, currency);
    }

    /** {@code saleAmountCents × rateBps / 10000}, rounded half up to a whole cent, exactly (no floating point). */
    public static long commissionCents(long saleAmountCents, int rateBps) {
        return BigDecimal.valueOf(saleAmountCents).multiply(BigDecimal.valueOf(rateBps))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** The month (Europe/Paris) a sale declared at this instant counts in. */
    public static YearMonth periodOf(Instant declaredAt) {
        return YearMonth.from(declaredAt.atZone(FRANCE));
    }
}
