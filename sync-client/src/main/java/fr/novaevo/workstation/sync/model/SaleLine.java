package fr.novaevo.workstation.sync.model;

/** One line of a sale: {@code quantity × unitPriceCents}. */
public record SaleLine(String sku, String description, int quantity, long unitPriceCents) {

    public long amountCents() {
        return Math.multiplyExact(quantity, unitPriceCents);
    }
}
