package fr.novaevo.workstation.core.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import fr.novaevo.workstation.core.audit.JdbcAuditJournal;

/**
 * A second process for the storage tests. {@code write DIR}: writes notes and audit entries as fast as it can
 * until it is killed. {@code hold DIR}: keeps the database open until killed.
 */
public final class DatabaseWriterProcess {

    private DatabaseWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        DataLayout layout = DataLayout.at(Path.of(args[1]));
        Database database = Database.open(layout, DatabaseTest.MODULES, Clock.systemUTC());
        JdbcAuditJournal journal = new JdbcAuditJournal(database.dataSource(), Clock.systemUTC(), () -> "writer");
        announce("READY");
        if (args[0].equals("hold")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO SAMPLE.NOTE (TEXT) VALUES (?)")) {
            for (long i = 0; ; i++) {
                insert.setString(1, "note " + i + " " + "x".repeat((int) (i % 500)));
                insert.executeUpdate();
                if (i % 10 == 0) {
                    journal.record("test.note.written", "note " + i, "batch");
                }
                if (i % 100 == 0) {
                    announce("COMMITTED " + (i + 1)); // autocommit: the insert above is committed
                }
            }
        }
    }

    @SuppressWarnings("SystemOut") // the parent test reads this line; a test fixture, not library code
    private static void announce(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static List<SchemaModule> modules() {
        return DatabaseTest.MODULES;
    }
}
