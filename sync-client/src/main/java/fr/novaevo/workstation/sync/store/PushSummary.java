package fr.novaevo.workstation.sync.store;

/** What one push batch did, operation by operation. */
public record PushSummary(int pushed, int applied, int duplicates, int conflicts, int rejected) {

    public static final PushSummary NONE = new PushSummary(0, 0, 0, 0, 0);

    public PushSummary plus(PushSummary other) {
        return new PushSummary(pushed + other.pushed, applied + other.applied, duplicates + other.duplicates,
                conflicts + other.conflicts, rejected + other.rejected);
    }
}
