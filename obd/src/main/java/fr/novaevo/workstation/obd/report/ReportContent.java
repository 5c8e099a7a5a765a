package fr.novaevo.workstation.obd.report;

import fr.novaevo.workstation.core.settings.GarageIdentity;
import fr.novaevo.workstation.obd.history.DiagnosticSession;
import fr.novaevo.workstation.obd.vin.VinReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a diagnostic report prints.
 *
 * @param garage      the garage's identity and logo (header)
 * @param session     the diagnosis: vehicle, codes before and after clearing, readiness, key values, notes
 * @param vehicle     what the VIN decodes to, when there is a VIN
 * @param technician  who made the diagnosis, "" when unknown
 * @param locale      French or English (anything not French is English)
 * @param zone        the time zone dates are printed in
 * @param generatedAt when the report is written
 */
public record ReportContent(GarageIdentity garage, DiagnosticSession session, Optional<VinReport> vehicle,
        String technician, Locale locale, ZoneId zone, Instant generatedAt) {

    public ReportContent {
        Objects.requireNonNull(garage, "garage");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(vehicle, "vehicle");
        technician = technician == null ? "" : technician;
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    public boolean french() {
        return "fr".equals(locale.getLanguage());
    }

    /** "fr" or "en". */
    public String language() {
        return french() ? "fr" : "en";
    }
}
