package fr.novaevo.workstation.obd.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A diagnostic report written to disk.
 *
 * @param id        stored id
 * @param sessionId the session it reports on, when it is still stored
 * @param vin       the vehicle
 * @param path      where the PDF was written
 * @param language  "fr" or "en"
 * @param createdAt when
 */
public record ReportEntry(long id, OptionalLong sessionId, String vin, Path path, String language,
        Instant createdAt) {
}
