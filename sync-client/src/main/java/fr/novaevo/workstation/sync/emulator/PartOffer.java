package fr.novaevo.workstation.sync.emulator;

import java.util.List;

/** A partner's parts offer in the emulator's catalogue. */
public record PartOffer(String offerId, String partnerId, String partnerName, String sku, String title,
                        long priceCents, String currency, String availability, int deliveryDays, int rateBps,
                        List<String> dtcs, List<String> makes) {
}
