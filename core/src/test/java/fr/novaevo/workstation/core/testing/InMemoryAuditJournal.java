package fr.novaevo.workstation.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import fr.novaevo.workstation.core.audit.AuditEntry;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.audit.AuditQuery;
import fr.novaevo.workstation.core.audit.AuditVerification;

/** For the tests of modules that record actions: keeps the entries in a list to assert on. */
public final class InMemoryAuditJournal implements AuditJournal {

    private final List<AuditEntry> entries = Collections.synchronizedList(new ArrayList<>());

    @Override
    public AuditEntry record(String action, String subject, String details) {
        AuditEntry entry = new AuditEntry(entries.size() + 1, Instant.now(), "test", action, subject, details, "", "");
        entries.add(entry);
        return entry;
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        List<AuditEntry> copy = new ArrayList<>(entries);
        Collections.reverse(copy);
        return copy.stream().filter(e -> query.actionPrefix().map(e.action()::startsWith).orElse(true)).toList();
    }

    @Override
    public AuditVerification verify() {
        return new AuditVerification(entries.size(), OptionalLong.empty());
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
