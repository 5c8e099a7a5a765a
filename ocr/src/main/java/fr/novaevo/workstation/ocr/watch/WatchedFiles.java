package fr.novaevo.workstation.ocr.watch;

import static fr.novaevo.workstation.ocr.store.Sql.setInstant;

import fr.novaevo.workstation.ocr.store.Sql;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The files the watch folder took ({@code OCR.WATCHED_FILE}), known by their content's SHA-256. */
final class WatchedFiles {

    /** A file taken: where it came from and where it was moved. */
    record Taken(long id, String sha256, Path original, Path stored) {
    }

    private final Sql sql;

    WatchedFiles(DataSource dataSource) {
        this.sql = new Sql(dataSource, "WATCH-STORE-FAILED");
    }

    boolean known(String sha256) {
        return sql.first("SELECT 1 FROM OCR.WATCHED_FILE WHERE SHA256 = ?", ps -> ps.setString(1, sha256),
                rs -> true).isPresent();
    }

    /**
     * Records a file about to be moved and submitted; empty when the same content was recorded meanwhile (the
     * unique key decides, so two scans can never both take it).
     */
    Optional<Long> record(String sha256, Path original, long size, Instant modified, Path stored, Instant now) {
        if (known(sha256)) {
            return Optional.empty();
        }
        try {
            return sql.first("SELECT ID FROM FINAL TABLE (INSERT INTO OCR.WATCHED_FILE (SHA256, ORIGINAL_PATH, SIZE_BYTES, "
                    + "MODIFIED_AT, STORED_PATH, TAKEN_AT) VALUES (?, ?, ?, ?, ?, ?))", ps -> {
                        ps.setString(1, sha256);
                        ps.setString(2, original.toString());
                        ps.setLong(3, size);
                        setInstant(ps, 4, modified);
                        ps.setString(5, stored.toString());
                        setInstant(ps, 6, now);
                    }, rs -> rs.getLong(1));
        } catch (fr.novaevo.workstation.core.error.WorkstationException e) {
            if (known(sha256)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void forget(long id) {
        sql.update("DELETE FROM OCR.WATCHED_FILE WHERE ID = ? AND BATCH_ID IS NULL", ps -> ps.setLong(1, id));
    }

    void submitted(List<Long> ids, long batchId) {
        for (long id : ids) {
            sql.update("UPDATE OCR.WATCHED_FILE SET BATCH_ID = ? WHERE ID = ?", ps -> {
                ps.setLong(1, batchId);
                ps.setLong(2, id);
            });
        }
    }

    /** Files recorded but not in a batch yet: the application stopped (or the batch could not be made) in between. */
    List<Taken> notSubmitted() {
        return sql.query("SELECT ID, SHA256, ORIGINAL_PATH, STORED_PATH FROM OCR.WATCHED_FILE WHERE BATCH_ID IS NULL "
                + "ORDER BY ID", ps -> { }, rs -> new Taken(rs.getLong(1), rs.getString(2), Path.of(rs.getString(3)),
                Path.of(rs.getString(4))));
    }
}
