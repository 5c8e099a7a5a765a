package fr.novaevo.workstation.sync.error;

/** No valid credentials: the API key is missing or refused. The user must enter it again. */
public final class SignInRequiredException extends SyncException {

    public SignInRequiredException(String message, Throwable cause) {
        super("SYNC-SIGN-IN-REQUIRED", message, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
