package fr.novaevo.workstation.app.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.core.audit.AuditCsvExport;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditQuery;

/** The audit export, the same from the window and from the command line; the export itself is journaled. */
public final class AuditCsv {

    private AuditCsv() {
    }

    public static int export(Workstation workstation, AuditQuery query, Path target, ZoneId zone) {
        List<AuditEntry> entries = workstation.audit().find(query);
        AuditCsvExport.write(entries, target, zone, AuditCommand.CSV_HEADERS);
        workstation.audit().record("audit.exported", target.getFileName().toString(), entries.size() + " entries");
        return entries.size();
    }
}
