package fr.novaevo.workstation.sync.error;

import fr.novaevo.workstation.core.error.WorkstationException;

/**
 * An expected sync failure with a stable code ({@code SYNC-...}). {@link #isTransient()} tells the engine
 * whether trying again later can help (network, 408, 429, 5xx) or whether the user must act.
 */
public abstract sealed class SyncException extends WorkstationException
        permits PlatformProblemException, SyncTransportException, SyncProtocolException, SignInRequiredException,
        UpdateRequiredException, InsecureUrlException {

    protected SyncException(String code, String message, Throwable cause, Object... arguments) {
        super(code, message, cause, arguments);
    }

    public abstract boolean isTransient();
}
