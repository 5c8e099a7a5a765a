package fr.novaevo.workstation.ocr.supervision;

import static fr.novaevo.workstation.ocr.store.Sql.instant;
import static fr.novaevo.workstation.ocr.store.Sql.setInstant;

import fr.novaevo.workstation.ocr.batch.BatchState;
import fr.novaevo.workstation.ocr.store.Sql;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The supervision's reads of the batch tables and its samples ({@code OCR.SUPERVISION_SAMPLE}). */
final class SupervisionStore {

    /** Below this many finished documents, a failure rate says nothing (one error in two is not a trend). */
    static final int FAILURE_RATE_MINIMUM = 5;

    private final Sql sql;

    SupervisionStore(DataSource dataSource) {
        this.sql = new Sql(dataSource, "SUPERVISION-STORE-FAILED");
    }

    /** Batches not finished, and those finished since {@code finishedSince}, with their documents counted. */
    List<BatchProgress> batches(Set<Long> live, Instant finishedSince, Instant now) {
        return sql.query("SELECT B.ID, B.NAME, B.PRIORITY, B.STATE, B.TOTAL, B.CREATED_AT, B.START_AT, B.STARTED_AT, "
                + "B.FINISHED_AT, "
                + "COUNT(CASE WHEN D.STATE IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN 1 END), "
                + "COUNT(CASE WHEN D.STATE = 'RUNNING' THEN 1 END), "
                + "COUNT(CASE WHEN D.RESULT_STATUS = 'error' AND D.STATE <> 'CANCELLED' THEN 1 END), "
                + "COUNT(CASE WHEN D.STATE IN ('COMPLETED', 'FAILED') AND D.STARTED_AT IS NOT NULL THEN 1 END), "
                + "COALESCE(SUM(CASE WHEN D.STATE IN ('COMPLETED', 'FAILED') THEN D.PAGES END), 0), "
                + "COUNT(CASE WHEN D.STATE IN ('COMPLETED', 'FAILED') THEN 1 END) "
                + "FROM OCR.BATCH B LEFT JOIN OCR.BATCH_DOCUMENT D ON D.BATCH_ID = B.ID "
                + "WHERE B.STATE IN ('PENDING', 'RUNNING') OR B.FINISHED_AT >= ? "
                + "GROUP BY B.ID, B.NAME, B.PRIORITY, B.STATE, B.TOTAL, B.CREATED_AT, B.START_AT, B.STARTED_AT, B.FINISHED_AT "
                + "ORDER BY B.PRIORITY DESC, B.ID ASC", ps -> setInstant(ps, 1, finishedSince), rs -> progress(rs, live, now));
    }

    private static BatchProgress progress(ResultSet rs, Set<Long> live, Instant now) throws SQLException {
        long id = rs.getLong(1);
        BatchState state = BatchState.valueOf(rs.getString(4));
        int total = rs.getInt(5);
        Optional<Instant> startedAt = instant(rs, 8);
        Optional<Instant> finishedAt = instant(rs, 9);
        int finished = rs.getInt(10);
        int errors = rs.getInt(12);
        int processed = rs.getInt(13);
        long pages = rs.getLong(14);
        int judged = rs.getInt(15);
        boolean isLive = live.contains(id);
        Duration duration = startedAt.map(s -> Duration.between(s, finishedAt.orElse(now))).orElse(Duration.ZERO);
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }
        double minutes = duration.toMillis() / 60_000.0;
        double docsPerMinute = minutes > 0 ? processed / minutes : 0;
        double pagesPerMinute = minutes > 0 ? pages / minutes : 0;
        double failureRate = judged >= FAILURE_RATE_MINIMUM ? (double) errors / judged : 0;
        Optional<Duration> eta = Optional.empty();
        if (isLive && docsPerMinute > 0) {
            eta = Optional.of(Duration.ofMillis(Math.round((total - finished) / docsPerMinute * 60_000)));
        }
        return new BatchProgress(id, rs.getString(2), rs.getInt(3), state, isLive, total, finished, rs.getInt(11),
                errors, processed, pages, instant(rs, 6).orElseThrow(), instant(rs, 7), startedAt, finishedAt,
                duration, docsPerMinute, pagesPerMinute, failureRate, eta);
    }

    /** A document being read, for the "document too long" alert. */
    record RunningDocument(long id, long batchId, Path file, Instant startedAt) {
    }

    List<RunningDocument> runningDocuments(Set<Long> batches) {
        if (batches.isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT ID, BATCH_ID, PATH, STARTED_AT FROM OCR.BATCH_DOCUMENT WHERE STATE = 'RUNNING' "
                        + "AND STARTED_AT IS NOT NULL ORDER BY STARTED_AT", ps -> { },
                rs -> new RunningDocument(rs.getLong(1), rs.getLong(2), Path.of(rs.getString(3)),
                        instant(rs, 4).orElseThrow()))
                .stream().filter(d -> batches.contains(d.batchId())).toList();
    }

    /** Documents and pages read in {@code (from, to]}: {documents, of which errors, pages}. */
    long[] finishedBetween(Instant from, Instant to) {
        return sql.first("SELECT COUNT(*), COUNT(CASE WHEN RESULT_STATUS = 'error' THEN 1 END), "
                + "COALESCE(SUM(PAGES), 0) FROM OCR.BATCH_DOCUMENT WHERE FINISHED_AT > ? AND FINISHED_AT <= ? "
                + "AND STARTED_AT IS NOT NULL AND STATE IN ('COMPLETED', 'FAILED')", ps -> {
                    setInstant(ps, 1, from);
                    setInstant(ps, 2, to);
                }, rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).orElseThrow();
    }

    void insert(SupervisionSample s) {
        sql.update("INSERT INTO OCR.SUPERVISION_SAMPLE (SAMPLED_AT, ACTIVE_BATCHES, QUEUED_BATCHES, RUNNING_DOCUMENTS, "
                + "DOCUMENTS_FINISHED, DOCUMENTS_FAILED, PAGES_FINISHED, HEAP_USED_MB, CPU_PERCENT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    setInstant(ps, 1, s.sampledAt());
                    ps.setInt(2, s.activeBatches());
                    ps.setInt(3, s.queuedBatches());
                    ps.setInt(4, s.runningDocuments());
                    ps.setInt(5, s.documentsFinished());
                    ps.setInt(6, s.documentsFailed());
                    ps.setInt(7, s.pagesFinished());
                    ps.setLong(8, s.heapUsedMb());
                    if (s.cpuPercent().isPresent()) {
                        ps.setDouble(9, s.cpuPercent().getAsDouble());
                    } else {
                        ps.setNull(9, Types.DOUBLE);
                    }
                });
    }

    Optional<Instant> lastSample() {
        return sql.first("SELECT MAX(SAMPLED_AT) FROM OCR.SUPERVISION_SAMPLE", ps -> { }, rs -> instant(rs, 1))
                .flatMap(o -> o);
    }

    /** Samples in {@code [from, to)}, oldest first. */
    List<SupervisionSample> samples(Instant from, Instant to) {
        return sql.query("SELECT SAMPLED_AT, ACTIVE_BATCHES, QUEUED_BATCHES, RUNNING_DOCUMENTS, DOCUMENTS_FINISHED, "
                + "DOCUMENTS_FAILED, PAGES_FINISHED, HEAP_USED_MB, CPU_PERCENT FROM OCR.SUPERVISION_SAMPLE "
                + "WHERE SAMPLED_AT >= ? AND SAMPLED_AT < ? ORDER BY SAMPLED_AT", ps -> {
                    setInstant(ps, 1, from);
                    setInstant(ps, 2, to);
                }, rs -> new SupervisionSample(instant(rs, 1).orElseThrow(), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getLong(8), Sql.optionalDouble(rs, 9)));
    }

    int pruneSamples(Instant before) {
        return sql.update("DELETE FROM OCR.SUPERVISION_SAMPLE WHERE SAMPLED_AT < ?", ps -> setInstant(ps, 1, before));
    }
}
