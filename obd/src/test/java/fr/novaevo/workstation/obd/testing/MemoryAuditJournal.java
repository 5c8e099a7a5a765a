package fr.novaevo.workstation.obd.testing;

import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.audit.AuditVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The audit journal of the tests: a list in memory, newest last. */
public final class MemoryAuditJournal implements AuditJournal {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry record(String action, String subject, String details) {
        AuditEntry e = new AuditEntry(entries.size() + 1, Instant.now(), "test", action, subject, details, "", "");
        entries.add(e);
        return e;
    }

    @Override
    public synchronized List<AuditEntry> find(AuditQuery query) {
        return entries.reversed().stream()
                .filter(e -> query.actionPrefix().map(p -> e.action().startsWith(p)).orElse(true))
                .limit(query.limit()).toList();
    }

    @Override
    public synchronized AuditVerification verify() {
        return new AuditVerification(entries.size(), OptionalLong.empty());
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
