package fr.novaevo.workstation.sync.error;

/** The platform no longer accepts this client's schema version: sync stops until the application is updated. */
public final class UpdateRequiredException extends SyncException {

    public UpdateRequiredException(Throwable cause) {
        super("SYNC-UPDATE-REQUIRED", "the platform refuses this client's schema version", cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
