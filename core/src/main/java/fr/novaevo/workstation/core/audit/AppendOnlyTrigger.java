package fr.novaevo.workstation.core.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** Installed on the audit table by the core migration: an entry, once written, cannot be changed or removed. */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the audit journal is append-only", "42000", 90_999);
    }
}
