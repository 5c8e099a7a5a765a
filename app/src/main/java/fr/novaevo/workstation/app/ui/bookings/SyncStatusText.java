package fr.novaevo.workstation.app.ui.bookings;

import java.time.format.DateTimeFormatter;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.sync.engine.SyncStatus;

/**
 * The sync state in the words, for the Rendez-vous area and the status bar alike: "Synchronisé
 * hh:mm", "N en attente", "Hors ligne (nouvel essai dans N s)", "N conflits", "Connexion requise", "Mise à
 * jour requise".
 */
public final class SyncStatusText {

    private SyncStatusText() {
    }

    /** @param retryInSeconds when offline: seconds left before the next try (counted down by the caller) */
    public static String of(I18n i18n, SyncStatus status, long retryInSeconds) {
        return switch (status.kind()) {
            case SYNCED -> status.lastSyncedAt() == null ? i18n.t("bookings.state.never")
                    : i18n.t("bookings.state.synced", DateTimeFormatter.ofPattern("HH:mm", i18n.locale())
                            .format(status.lastSyncedAt().atZone(i18n.zone())));
            case PENDING -> i18n.t("bookings.state.pending", status.pending());
            case CONFLICTS -> i18n.t("bookings.state.conflicts", status.conflicts());
            case OFFLINE -> i18n.t("bookings.state.offline", Math.max(0, retryInSeconds));
            case SIGN_IN_REQUIRED -> i18n.t("bookings.state.signin");
            case UPDATE_REQUIRED -> i18n.t("bookings.state.update");
        };
    }

    /** Seconds left before the retry, {@code elapsed} after the status was published. */
    public static long retryIn(SyncStatus status, java.time.Duration elapsed) {
        return status.retryIn() == null ? 0 : Math.max(0, status.retryIn().minus(elapsed).toSeconds());
    }
}
