package fr.novaevo.workstation.ocr.batch;

import static fr.novaevo.workstation.ocr.store.Sql.instant;
import static fr.novaevo.workstation.ocr.store.Sql.setInstant;

import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.ocr.store.Sql;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * The batches' state in the database ({@code OCR.BATCH}, {@code OCR.BATCH_DOCUMENT}). Every change of a
 * document's state is a compare-and-set on its current state, so two workers never both take a document and a
 * document is never finished twice.
 */
public final class BatchStore {

    /** The {@code ocr} module's share of the database: schema {@code OCR}, migrations in {@code db/migration/ocr}. */
    public static final SchemaModule SCHEMA = new SchemaModule("ocr");

    private static final int MESSAGE_LENGTH = 1000;

    private final DataSource dataSource;
    private final Sql sql;

    public BatchStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.sql = new Sql(dataSource, "BATCH-STORE-FAILED");
    }

    /** Records a batch and its files in one transaction; files with a problem are finished at once as errors. */
    public long create(BatchRequest request, List<BatchInputs.InputFile> files, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO OCR.BATCH (NAME, PRIORITY, START_AT, STATE, TOTAL, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, request.name());
                    insert.setInt(2, request.priority());
                    setInstant(insert, 3, request.startAt().orElse(null));
                    insert.setString(4, BatchState.PENDING.name());
                    insert.setInt(5, files.size());
                    setInstant(insert, 6, now);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement doc = c.prepareStatement("INSERT INTO OCR.BATCH_DOCUMENT (BATCH_ID, SEQ, PATH, "
                        + "STATE, FINISHED_AT, RESULT_STATUS, RESULT_JSON, LAST_ERROR) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int seq = 0;
                    for (BatchInputs.InputFile file : files) {
                        doc.setLong(1, id);
                        doc.setInt(2, seq++);
                        doc.setString(3, file.file().toString());
                        if (file.problem().isPresent()) {
                            DocumentResult error = DocumentResult.error(file.file(), file.problem().get());
                            doc.setString(4, DocumentState.COMPLETED.name());
                            setInstant(doc, 5, now);
                            doc.setString(6, error.status().jsonName());
                            doc.setString(7, ResultCodec.encode(error));
                            doc.setString(8, clip(file.problem().get().message()));
                        } else {
                            doc.setString(4, DocumentState.PENDING.name());
                            setInstant(doc, 5, null);
                            doc.setNull(6, Types.VARCHAR);
                            doc.setNull(7, Types.CLOB);
                            doc.setNull(8, Types.VARCHAR);
                        }
                        doc.addBatch();
                        if (seq % 500 == 0) {
                            doc.executeBatch();
                        }
                    }
                    doc.executeBatch();
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot record the batch", e);
        }
    }

    public Optional<BatchInfo> batch(long id) {
        List<BatchInfo> found = batches("WHERE ID = ?", ps -> setLong(ps, 1, id));
        return found.stream().findFirst();
    }

    /** Every batch, the newest first. */
    public List<BatchInfo> batches() {
        return batches("ORDER BY ID DESC", ps -> { });
    }

    /**
     * The batch to run next: unfinished, its start time passed, the highest priority first, then the oldest.
     */
    public Optional<BatchInfo> nextDue(Instant now) {
        return batches("WHERE STATE IN ('PENDING', 'RUNNING') AND (START_AT IS NULL OR START_AT <= ?) "
                + "ORDER BY PRIORITY DESC, ID ASC LIMIT 1", ps -> setInstant(ps, 1, now)).stream().findFirst();
    }

    /**
     * Batches the application was running when it stopped (state {@code RUNNING} in the database while no
     * engine runs them), oldest first: they are resumed before any other batch starts.
     */
    public List<BatchInfo> interrupted(Set<Long> runningNow) {
        return batches("WHERE STATE = 'RUNNING' ORDER BY ID ASC", ps -> { }).stream()
                .filter(b -> !runningNow.contains(b.id())).toList();
    }

    /** Every batch whose turn has come, in the order they run: the highest priority first, then the oldest. */
    public List<BatchInfo> due(Instant now) {
        return batches("WHERE STATE IN ('PENDING', 'RUNNING') AND (START_AT IS NULL OR START_AT <= ?) "
                + "ORDER BY PRIORITY DESC, ID ASC", ps -> setInstant(ps, 1, now));
    }

    /** When the next batch waiting for its start time may start; empty when none waits for a time. */
    public Optional<Instant> nextStart(Instant now) {
        return batches("WHERE STATE = 'PENDING' AND START_AT > ? ORDER BY START_AT ASC LIMIT 1",
                ps -> setInstant(ps, 1, now)).stream().findFirst().flatMap(BatchInfo::startAt);
    }

    /**
     * After a crash: documents left running go back to pending, except those that already used up their
     * attempts (each crash of the application while reading them counted one), which fail.
     *
     * @return how many documents were taken back
     */
    public int recover(long batchId, int maxAttempts, Instant now) {
        int failed = 0;
        for (BatchDocument stuck : documents(batchId, DocumentState.RUNNING)) {
            if (stuck.attempts() >= maxAttempts) {
                DocumentResult error = DocumentResult.error(stuck.file(), new fr.novaevo.workstation.ocr.result.Issue(
                        fr.novaevo.workstation.ocr.document.ReasonCode.ENGINE_FAILED.code(),
                        "the application stopped " + stuck.attempts() + " times while reading this document"));
                if (finish(stuck.id(), DocumentState.FAILED, error, now)) {
                    failed++;
                }
            }
        }
        int back = update("UPDATE OCR.BATCH_DOCUMENT SET STATE = 'PENDING', NOT_BEFORE = NULL WHERE BATCH_ID = ? "
                + "AND STATE = 'RUNNING'", ps -> setLong(ps, 1, batchId));
        return back + failed;
    }

    public void markRunning(long batchId, Instant now) {
        update("UPDATE OCR.BATCH SET STATE = 'RUNNING', STARTED_AT = COALESCE(STARTED_AT, ?) WHERE ID = ? "
                + "AND STATE IN ('PENDING', 'RUNNING')", ps -> {
                    setInstant(ps, 1, now);
                    ps.setLong(2, batchId);
                });
    }

    /** Ends the batch, unless it already ended. */
    public boolean finishBatch(long batchId, BatchState end, Instant now) {
        return update("UPDATE OCR.BATCH SET STATE = ?, FINISHED_AT = ? WHERE ID = ? AND STATE IN ('PENDING', 'RUNNING')",
                ps -> {
                    ps.setString(1, end.name());
                    setInstant(ps, 2, now);
                    ps.setLong(3, batchId);
                }) == 1;
    }

    /** Takes the next pending document of the batch whose retry time (if any) has come; empty when none. */
    public Optional<BatchDocument> claim(long batchId, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement next = c.prepareStatement("SELECT ID, SEQ, PATH, ATTEMPTS FROM OCR.BATCH_DOCUMENT "
                     + "WHERE BATCH_ID = ? AND STATE = 'PENDING' AND (NOT_BEFORE IS NULL OR NOT_BEFORE <= ?) "
                     + "ORDER BY SEQ LIMIT 8");
             // Compare-and-set on the attempts read as well as the state: between this worker's read and its
             // update, another worker may have taken the document, failed, and put it back to pending (A-B-A);
             // the update must then miss, or the document would be read once more than allowed and before
             // its backoff time.
             PreparedStatement take = c.prepareStatement("UPDATE OCR.BATCH_DOCUMENT SET STATE = 'RUNNING', "
                     + "ATTEMPTS = ATTEMPTS + 1, STARTED_AT = ? WHERE ID = ? AND STATE = 'PENDING' AND ATTEMPTS = ? "
                     + "AND (NOT_BEFORE IS NULL OR NOT_BEFORE <= ?)")) {
            while (true) {
                next.setLong(1, batchId);
                setInstant(next, 2, now);
                List<BatchDocument> candidates = new ArrayList<>();
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new BatchDocument(rs.getLong(1), batchId, rs.getInt(2), Path.of(rs.getString(3)),
                                DocumentState.RUNNING, rs.getInt(4) + 1));
                    }
                }
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                for (BatchDocument candidate : candidates) {
                    setInstant(take, 1, now);
                    take.setLong(2, candidate.id());
                    take.setInt(3, candidate.attempts() - 1);
                    setInstant(take, 4, now);
                    if (take.executeUpdate() == 1) {
                        return Optional.of(candidate);
                    }
                }
                // every candidate was taken by another worker meanwhile: look again
            }
        } catch (SQLException e) {
            throw failure("cannot take the next document", e);
        }
    }

    /** When the earliest document waiting for a retry may be taken; empty when none waits. */
    public Optional<Instant> nextRetry(long batchId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(COALESCE(NOT_BEFORE, TIMESTAMP WITH TIME ZONE "
                     + "'1970-01-01 00:00:00Z')) FROM OCR.BATCH_DOCUMENT WHERE BATCH_ID = ? AND STATE = 'PENDING'")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
            }
        } catch (SQLException e) {
            throw failure("cannot read the batch's retries", e);
        }
    }

    /** Finishes a running document with its result; false when it was not running (already finished). */
    public boolean finish(long documentId, DocumentState end, DocumentResult result, Instant now) {
        if (!end.finished()) {
            throw new IllegalArgumentException("not an end state: " + end);
        }
        return update("UPDATE OCR.BATCH_DOCUMENT SET STATE = ?, FINISHED_AT = ?, RESULT_STATUS = ?, RESULT_JSON = ?, "
                + "LAST_ERROR = ?, PAGES = ? WHERE ID = ? AND STATE = 'RUNNING'", ps -> {
                    ps.setString(1, end.name());
                    setInstant(ps, 2, now);
                    ps.setString(3, result.status().jsonName());
                    ps.setString(4, ResultCodec.encode(result));
                    ps.setString(5, firstReason(result));
                    // pages read, for the supervision's pages per minute (the result's page frames are not stored)
                    ps.setInt(6, result.pages().size());
                    ps.setLong(7, documentId);
                }) == 1;
    }

    /** Puts a running document back in the queue, not to be taken before {@code notBefore}. */
    public boolean retryLater(long documentId, Instant notBefore, String why) {
        return update("UPDATE OCR.BATCH_DOCUMENT SET STATE = 'PENDING', NOT_BEFORE = ?, LAST_ERROR = ? "
                + "WHERE ID = ? AND STATE = 'RUNNING'", ps -> {
                    setInstant(ps, 1, notBefore);
                    ps.setString(2, clip(why));
                    ps.setLong(3, documentId);
                }) == 1;
    }

    /**
     * Cancels every document not taken yet (and, with {@code includeRunning}, those left running by a worker
     * that was given up): each gets an {@code error} result with {@code reason}, so exports still list it once.
     */
    public int cancelUnfinished(long batchId, fr.novaevo.workstation.ocr.result.Issue reason, boolean includeRunning,
                                Instant now) {
        int cancelled = 0;
        List<BatchDocument> open = new ArrayList<>(documents(batchId, DocumentState.PENDING));
        if (includeRunning) {
            open.addAll(documents(batchId, DocumentState.RUNNING));
        }
        for (BatchDocument doc : open) {
            DocumentResult result = DocumentResult.error(doc.file(), reason);
            cancelled += update("UPDATE OCR.BATCH_DOCUMENT SET STATE = 'CANCELLED', FINISHED_AT = ?, RESULT_STATUS = ?, "
                    + "RESULT_JSON = ?, LAST_ERROR = ? WHERE ID = ? AND STATE = ?", ps -> {
                        setInstant(ps, 1, now);
                        ps.setString(2, result.status().jsonName());
                        ps.setString(3, ResultCodec.encode(result));
                        ps.setString(4, clip(reason.code() + ": " + reason.message()));
                        ps.setLong(5, doc.id());
                        ps.setString(6, doc.state().name());
                    });
        }
        return cancelled;
    }

    public BatchCounts counts(long batchId) {
        int[] n = new int[DocumentState.values().length];
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT STATE, COUNT(*) FROM OCR.BATCH_DOCUMENT WHERE BATCH_ID = ? GROUP BY STATE")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n[DocumentState.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
                }
            }
        } catch (SQLException e) {
            throw failure("cannot count the batch's documents", e);
        }
        return new BatchCounts(n[DocumentState.PENDING.ordinal()], n[DocumentState.RUNNING.ordinal()],
                n[DocumentState.COMPLETED.ordinal()], n[DocumentState.FAILED.ordinal()],
                n[DocumentState.CANCELLED.ordinal()]);
    }

    /** The documents of a batch in one state, in batch order. */
    public List<BatchDocument> documents(long batchId, DocumentState state) {
        List<BatchDocument> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ID, SEQ, PATH, ATTEMPTS FROM OCR.BATCH_DOCUMENT "
                     + "WHERE BATCH_ID = ? AND STATE = ? ORDER BY SEQ")) {
            ps.setLong(1, batchId);
            ps.setString(2, state.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new BatchDocument(rs.getLong(1), batchId, rs.getInt(2), Path.of(rs.getString(3)), state,
                            rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the batch's documents", e);
        }
        return found;
    }

    /**
     * The results of the batch's finished documents, in batch order, one per document, read as they are
     * consumed (close the stream: it holds a connection).
     */
    public Stream<DocumentResult> results(long batchId) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            PreparedStatement ps = c.prepareStatement("SELECT RESULT_JSON FROM OCR.BATCH_DOCUMENT WHERE BATCH_ID = ? "
                    + "AND STATE IN ('COMPLETED', 'FAILED', 'CANCELLED') ORDER BY SEQ");
            ps.setLong(1, batchId);
            ps.setFetchSize(200);
            ResultSet rs = ps.executeQuery();
            Connection connection = c;
            Spliterator<DocumentResult> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                    Spliterator.ORDERED | Spliterator.NONNULL) {
                @Override
                public boolean tryAdvance(Consumer<? super DocumentResult> action) {
                    try {
                        if (!rs.next()) {
                            return false;
                        }
                        action.accept(ResultCodec.decode(rs.getString(1)));
                        return true;
                    } catch (SQLException e) {
                        throw failure("cannot read the batch's results", e);
                    }
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw failure("cannot close the results", e);
                }
            });
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw failure("cannot read the batch's results", e);
        }
    }

    /** The documents of a batch in batch order, with their state and result status (not the results). */
    public List<DocumentRow> rows(long batchId) {
        return rows("WHERE BATCH_ID = ? ORDER BY SEQ", ps -> setLong(ps, 1, batchId));
    }

    /** The finished documents whose result waits for a person's review, oldest batch first. */
    public List<DocumentRow> needingReview(int limit) {
        return rows("WHERE STATE = 'COMPLETED' AND RESULT_STATUS = 'needs_review' ORDER BY BATCH_ID, SEQ LIMIT ?",
                ps -> ps.setInt(1, limit));
    }

    /** The stored result of one finished document; empty while it is not finished. */
    public Optional<DocumentResult> result(long documentId) {
        return sql.first("SELECT RESULT_JSON FROM OCR.BATCH_DOCUMENT WHERE ID = ? AND RESULT_JSON IS NOT NULL",
                ps -> ps.setLong(1, documentId), rs -> ResultCodec.decode(rs.getString(1)));
    }

    /**
     * Replaces a completed document's result by its reviewed version (corrected, validated), so that the
     * batch's exports carry what the person checked; false when the document is not completed.
     */
    public boolean saveReviewed(long documentId, DocumentResult reviewed) {
        return update("UPDATE OCR.BATCH_DOCUMENT SET RESULT_STATUS = ?, RESULT_JSON = ?, LAST_ERROR = ? WHERE ID = ? "
                + "AND STATE = 'COMPLETED'", ps -> {
                    ps.setString(1, reviewed.status().jsonName());
                    ps.setString(2, ResultCodec.encode(reviewed));
                    ps.setString(3, firstReason(reviewed));
                    ps.setLong(4, documentId);
                }) == 1;
    }

    /** What a batch's document list shows as the reason: the result's first issue, none when it has none. */
    private static String firstReason(DocumentResult result) {
        return result.issues().isEmpty() ? null : clip(result.issues().getFirst().code() + ": "
                + result.issues().getFirst().message());
    }

    private List<DocumentRow> rows(String where, Sql.Setter setter) {
        return sql.query("SELECT ID, BATCH_ID, SEQ, PATH, STATE, RESULT_STATUS, LAST_ERROR FROM OCR.BATCH_DOCUMENT "
                + where, setter, rs -> new DocumentRow(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                Path.of(rs.getString(4)), DocumentState.valueOf(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                Optional.ofNullable(rs.getString(7))));
    }

    private List<BatchInfo> batches(String where, Sql.Setter setter) {
        return sql.query("SELECT ID, NAME, PRIORITY, START_AT, STATE, TOTAL, CREATED_AT, STARTED_AT, FINISHED_AT "
                + "FROM OCR.BATCH " + where, setter, rs -> new BatchInfo(rs.getLong(1), rs.getString(2), rs.getInt(3),
                instant(rs, 4), BatchState.valueOf(rs.getString(5)), rs.getInt(6), instant(rs, 7).orElseThrow(),
                instant(rs, 8), instant(rs, 9)));
    }

    private int update(String statement, Sql.Setter setter) {
        return sql.update(statement, setter);
    }

    private static void setLong(PreparedStatement ps, int index, long value) throws SQLException {
        ps.setLong(index, value);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MESSAGE_LENGTH ? text : text.substring(0, MESSAGE_LENGTH);
    }

    private WorkstationException failure(String what, SQLException e) {
        return sql.failure(what, e);
    }

}
