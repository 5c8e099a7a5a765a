package fr.novaevo.workstation.sync.model;

/** A partner's offer for a part ({@code GET parts/offers}); online only, never stored. */
public record PartsOffer(String offerId, String partnerId, String partnerName, String sku, String title,
                         long priceCents, String currency, String availability, int deliveryDays, int rateBps,
                         String trackingUrl) {

    public Money price() {
        return new Money(priceCents, currency);
    }
}
