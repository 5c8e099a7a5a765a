package fr.novaevo.workstation.sync.engine;

/**
 * What one sync cycle did (the command line prints these, with the contract's words).
 *
 * @param pushed     operations sent
 * @param applied    operations the platform applied
 * @param duplicates operations an earlier try had applied
 * @param conflicts  operations whose base had moved (merged, or kept for the user)
 * @param rejected   operations refused (now in the dead-letter list)
 * @param pulled     changes applied from the feed
 * @param resynced   whether the feed was pulled again from the beginning after {@code cursor_expired}
 */
public record CycleReport(int pushed, int applied, int duplicates, int conflicts, int rejected, int pulled,
                          boolean resynced) {
}
