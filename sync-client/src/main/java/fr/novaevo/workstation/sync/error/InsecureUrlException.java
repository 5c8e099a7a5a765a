package fr.novaevo.workstation.sync.error;

/** A platform URL that is not HTTPS and not a loopback address, or not a URL at all. */
public final class InsecureUrlException extends SyncException {

    public InsecureUrlException(String url) {
        super("SYNC-INSECURE-URL", "refused platform URL (plain http only for loopback): " + url, null, url);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
