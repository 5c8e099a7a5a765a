package fr.novaevo.workstation.sync.model;

import java.util.List;

/** The answer of {@code GET parts/offers}: in stock first, then by price. */
public record PartsOffers(List<PartsOffer> offers) {

    public PartsOffers {
        offers = offers == null ? List.of() : List.copyOf(offers);
    }
}
