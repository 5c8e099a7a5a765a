package fr.novaevo.workstation.app.ui.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import fr.novaevo.workstation.app.ui.I18n;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import fr.novaevo.workstation.sync.engine.SyncStatus.Kind;
import org.junit.jupiter.api.Test;

/** The status bar's words, exactly as the issue lists them, and their English. */
class SyncStatusTextTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final I18n fr = new I18n("fr", PARIS);
    private final I18n en = new I18n("en", PARIS);

    private static SyncStatus status(Kind kind, int pending, int conflicts, Duration retryIn) {
        return new SyncStatus(kind, Instant.parse("2026-11-21T08:37:00Z"), pending, conflicts, 0, retryIn, null);
    }

    @Test
    void theIssuesWordsInFrench() {
        assertThat(SyncStatusText.of(fr, status(Kind.SYNCED, 0, 0, null), 0)).isEqualTo("Synchronisé 09:37");
        assertThat(SyncStatusText.of(fr, status(Kind.PENDING, 3, 0, null), 0)).isEqualTo("3 en attente");
        assertThat(SyncStatusText.of(fr, status(Kind.OFFLINE, 1, 0, Duration.ofSeconds(12)), 12))
                .isEqualTo("Hors ligne (nouvel essai dans 12 s)");
        assertThat(SyncStatusText.of(fr, status(Kind.CONFLICTS, 0, 2, null), 0)).isEqualTo("2 conflits");
        assertThat(SyncStatusText.of(fr, status(Kind.CONFLICTS, 0, 1, null), 0)).isEqualTo("1 conflit");
        assertThat(SyncStatusText.of(fr, status(Kind.SIGN_IN_REQUIRED, 0, 0, null), 0)).isEqualTo("Connexion requise");
        assertThat(SyncStatusText.of(fr, status(Kind.UPDATE_REQUIRED, 0, 0, null), 0)).isEqualTo("Mise à jour requise");
        assertThat(SyncStatusText.of(fr, new SyncStatus(Kind.SYNCED, null, 0, 0, 0, null, null), 0))
                .isEqualTo("Jamais synchronisé");
    }

    @Test
    void andInEnglish() {
        assertThat(SyncStatusText.of(en, status(Kind.SYNCED, 0, 0, null), 0)).isEqualTo("Synchronised 09:37");
        assertThat(SyncStatusText.of(en, status(Kind.OFFLINE, 1, 0, Duration.ofSeconds(5)), 5))
                .isEqualTo("Offline (retry in 5 s)");
        assertThat(SyncStatusText.of(en, status(Kind.SIGN_IN_REQUIRED, 0, 0, null), 0)).isEqualTo("Sign-in required");
    }

    @Test
    void theOfflineCountdownMovesWithTimeAndStopsAtZero() {
        SyncStatus offline = status(Kind.OFFLINE, 1, 0, Duration.ofSeconds(30));
        assertThat(SyncStatusText.retryIn(offline, Duration.ofSeconds(12))).isEqualTo(18);
        assertThat(SyncStatusText.retryIn(offline, Duration.ofSeconds(45))).isZero();
        assertThat(SyncStatusText.retryIn(status(Kind.SYNCED, 0, 0, null), Duration.ZERO)).isZero();
    }
}
