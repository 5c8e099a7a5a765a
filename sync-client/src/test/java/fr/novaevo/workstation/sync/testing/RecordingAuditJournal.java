package fr.novaevo.workstation.sync.testing;

import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.audit.AuditVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Keeps journal entries in memory to assert on. */
public final class RecordingAuditJournal implements AuditJournal {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry record(String action, String subject, String details) {
        AuditEntry entry = new AuditEntry(entries.size() + 1, Instant.EPOCH, "test", action, subject, details, "", "");
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> find(AuditQuery query) {
        return entries.reversed().stream().filter(e -> query.actionPrefix().map(e.action()::startsWith).orElse(true)).toList();
    }

    @Override
    public synchronized AuditVerification verify() {
        return new AuditVerification(entries.size(), OptionalLong.empty());
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
