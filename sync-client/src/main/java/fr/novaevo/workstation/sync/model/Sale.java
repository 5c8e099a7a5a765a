package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A parts purchase made through a partner offer, declared by the workstation; immutable once created. */
public record Sale(
        UUID id,
        UUID bookingId,
        String offerId,
        String partnerId,
        String orderRef,
        List<SaleLine> lines,
        String currency,
        Instant declaredAt) {

    public Sale {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @JsonIgnore
    public Money amount() {
        long cents = 0;
        for (SaleLine line : lines) {
            cents = Math.addExact(cents, line.amountCents());
        }
        return new Money(cents, currency);
    }
}
