package fr.novaevo.workstation.core.storage;

import java.util.Locale;
import java.util.Objects;

/**
 * A module's share of the database: its own schema and its own Flyway migrations.
 *
 * <p>Each module keeps its migrations in {@code src/main/resources/db/migration/<name>} and refers to its
 * tables schema-qualified ({@code OBD.SESSION}). Versions are per module: each schema has its own
 * Flyway history table, so modules never coordinate version numbers.
 *
 * @param name              lower-case module name, for example {@code obd}; the schema is its upper-case form
 * @param migrationLocation Flyway location of the module's migrations
 */
public record SchemaModule(String name, String migrationLocation) {

    public SchemaModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(migrationLocation, "migrationLocation");
        if (!name.matches("[a-z][a-z0-9_]{1,30}")) {
            throw new IllegalArgumentException("module name must be lower-case letters, digits or _: " + name);
        }
    }

    /** The usual case: migrations in {@code classpath:db/migration/<name>}. */
    public SchemaModule(String name) {
        this(name, "classpath:db/migration/" + name);
    }

    public String schema() {
        return name.toUpperCase(Locale.ROOT);
    }
}
