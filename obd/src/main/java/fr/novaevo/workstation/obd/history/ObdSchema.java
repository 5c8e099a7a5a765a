package fr.novaevo.workstation.obd.history;

import fr.novaevo.workstation.core.storage.SchemaModule;

/** The obd module's share of the database: sessions, reports and recordings ({@code db/migration/obd}). */
public final class ObdSchema {

    public static final SchemaModule SCHEMA = new SchemaModule("obd");

    private ObdSchema() {
    }
}
