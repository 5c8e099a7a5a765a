package fr.novaevo.workstation.sync.model;

import java.util.List;

/** One page of {@code GET sync/changes}. */
public record ChangesPage(List<Change> changes, String nextCursor, boolean hasMore) {

    public ChangesPage {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
