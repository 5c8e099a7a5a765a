package fr.novaevo.workstation.sync.store;

/** What the agenda shows next to a booking. */
public enum BookingSyncState {
    /** The platform has exactly this. */
    SYNCED,
    /** Local changes not yet acknowledged by the platform. */
    PENDING,
    /** A field changed here and on the platform: the user must choose. */
    CONFLICT
}
