package fr.novaevo.workstation.core.audit;

import java.util.List;

/**
 * The append-only journal of user-significant actions ("traçabilité intégrale"): who, when, what.
 *
 * <p>Capabilities record fault codes cleared, ECUs flashed, documents validated or corrected, exports
 * written, sync conflicts resolved... Entries are chained by hash so that any later edit of the table is
 * detected by {@link #verify()}; the table itself refuses UPDATE and DELETE.
 */
public interface AuditJournal {

    /**
     * Appends one entry; the actor and the time are filled in by the journal.
     *
     * @param action  a stable dotted code, for example {@code obd.codes.cleared} (translated by the UI)
     * @param subject what it was done to, for example a VIN, a file name, a booking id; may be empty
     * @param details what happened, in plain words or JSON; never a secret
     * @return the entry as stored
     */
    AuditEntry record(String action, String subject, String details);

    /** Entries matching the query, newest first. */
    List<AuditEntry> find(AuditQuery query);

    /** Walks the hash chain from the first entry; tells whether the journal is intact and where it breaks. */
    AuditVerification verify();
}
