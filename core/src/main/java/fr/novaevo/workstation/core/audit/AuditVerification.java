package fr.novaevo.workstation.core.audit;

import java.util.OptionalLong;

/**
 * The result of walking the journal's hash chain.
 *
 * @param entries      how many entries were checked
 * @param firstBroken  the sequence number of the first entry whose hash does not match, if any
 */
public record AuditVerification(long entries, OptionalLong firstBroken) {

    public boolean intact() {
        return firstBroken.isEmpty();
    }
}
