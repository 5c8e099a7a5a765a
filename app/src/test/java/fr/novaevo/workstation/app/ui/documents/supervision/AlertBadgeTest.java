package fr.novaevo.workstation.app.ui.documents.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import fr.novaevo.workstation.ocr.supervision.Alert;
import fr.novaevo.workstation.ocr.supervision.AlertKind;
import org.junit.jupiter.api.Test;

class AlertBadgeTest {

    private static final Instant RAISED = Instant.parse("2026-11-21T09:00:00Z");

    private static Alert alert(long id, boolean over, boolean acknowledged) {
        return new Alert(id, AlertKind.CPU, "", "", 91, 80, RAISED,
                over ? Optional.of(RAISED.plusSeconds(60)) : Optional.empty(),
                acknowledged ? Optional.of(RAISED.plusSeconds(30)) : Optional.empty(),
                acknowledged ? Optional.of("Julie (atelier)") : Optional.empty());
    }

    @Test
    void countsTheAlertsNobodyAcknowledgedYetWhetherStillOnOrOver() {
        assertThat(AlertBadge.unacknowledged(List.of())).isZero();
        assertThat(AlertBadge.unacknowledged(List.of(alert(1, false, false), alert(2, true, false),
                alert(3, false, true)))).isEqualTo(2);
    }
}
