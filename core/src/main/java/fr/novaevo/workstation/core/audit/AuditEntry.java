package fr.novaevo.workstation.core.audit;

import java.time.Instant;

/** One line of the audit journal. */
public record AuditEntry(long sequence, Instant occurredAt, String actor, String action, String subject,
                         String details, String previousHash, String hash) {
}
