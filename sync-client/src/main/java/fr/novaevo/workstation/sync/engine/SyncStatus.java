package fr.novaevo.workstation.sync.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * What the status bar shows, as data: the app turns it into "Synchronisé hh:mm", "N en attente",
 * "Hors ligne (nouvel essai dans N s)", "N conflits", "Connexion requise" or "Mise à jour requise".
 *
 * @param kind         the most important thing to say now
 * @param lastSyncedAt end of the last complete cycle, null if never
 * @param pending      unsent operations
 * @param conflicts    bookings waiting for the user's choice
 * @param deadLetters  operations in the dead-letter list
 * @param retryIn      when offline: time until the next try
 * @param errorCode    the last failure's stable code, null when the last cycle succeeded
 */
public record SyncStatus(Kind kind, Instant lastSyncedAt, int pending, int conflicts, int deadLetters,
                         Duration retryIn, String errorCode) {

    public enum Kind {
        /** Nothing to send, nothing to decide. */
        SYNCED,
        /** Local changes wait to be sent. */
        PENDING,
        /** The user must choose in some conflicts. */
        CONFLICTS,
        /** The platform cannot be reached; a retry is scheduled. */
        OFFLINE,
        /** The API key is missing or refused. */
        SIGN_IN_REQUIRED,
        /** The platform refuses this version: sync stopped. */
        UPDATE_REQUIRED
    }
}
