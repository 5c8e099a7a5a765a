package fr.novaevo.workstation.sync.model;

import java.util.Objects;

/** An amount as the contract carries it: an integer number of cents and an ISO 4217 currency. */
public record Money(long cents, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 currency: " + currency);
        }
    }

    public static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(cents, other.cents), currency);
    }
}
