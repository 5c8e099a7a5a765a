package fr.novaevo.workstation.sync.store;

import fr.novaevo.workstation.core.storage.SchemaModule;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The sync module's share of the database: schema {@code SYNC}, migrations in {@code db/migration/sync}. */
public final class SyncSchema {

    public static final SchemaModule MODULE = new SchemaModule("sync");

    private SyncSchema() {
    }

    /** Applies the module's migrations (the app does it through core's database; tests call this). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(MODULE.schema())
                .createSchemas(true)
                .locations(MODULE.migrationLocation())
                .load()
                .migrate();
    }
}
