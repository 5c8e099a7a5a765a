package fr.novaevo.workstation.sync.model;

import java.util.List;

/** The {@code 200} answer to a push: one result per operation, in order. */
public record PushResponse(List<OpResult> results) {

    public PushResponse {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
