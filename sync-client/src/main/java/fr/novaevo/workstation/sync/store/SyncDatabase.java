package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.Ids;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The sync tables with their transactions. Writes are serialized by one lock (one writer at a time, as the
 * guide asks), so that "read the row, merge, write it back" is never interleaved.
 */
public final class SyncDatabase {

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final Ids ids;
    private final ReentrantLock writeLock = new ReentrantLock();

    public SyncDatabase(DataSource dataSource, ObjectMapper json, InstantSource clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    ObjectMapper json() {
        return json;
    }

    InstantSource clock() {
        return clock;
    }

    Ids ids() {
        return ids;
    }

    /** One transaction under the write lock; rolled back on any failure. */
    <T> T write(SqlWork<T> work) {
        try {
            // Writes are short; a writer stuck this long means something is wrong, not slow.
            if (!writeLock.tryLock(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new SyncStoreException("the sync database stayed busy for 30 s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncStoreException("interrupted while waiting for the sync database", e);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SyncStoreException("sync database write failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new SyncStoreException("sync database read failed", e);
        }
    }

    ObjectNode parseObject(String text) {
        if (text == null) {
            return null;
        }
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new SyncStoreException("corrupt JSON in the sync database", e);
        }
    }

    JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SyncStoreException("corrupt JSON in the sync database", e);
        }
    }

    String write(JsonNode node) {
        return node == null ? null : node.toString();
    }
}
