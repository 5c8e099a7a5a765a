package fr.novaevo.workstation.sync.testing;

import fr.novaevo.workstation.sync.store.SyncSchema;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** A real H2 file database with the sync migrations applied. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static DataSource migrated(Path dir, String name) {
        // A pool, as the app's database has: H2 would otherwise open the file again for every connection.
        JdbcConnectionPool ds = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath(), "sa", "");
        SyncSchema.migrate(ds);
        return ds;
    }
}
