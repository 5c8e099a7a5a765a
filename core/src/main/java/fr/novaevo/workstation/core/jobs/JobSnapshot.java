package fr.novaevo.workstation.core.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * A job as seen at one moment, for the status bar and Supervision.
 *
 * @param kind       a stable code the UI translates, for example {@code backup.manual}
 * @param subject    what the job works on (a file name, a VIN...), may be empty
 * @param errorCode  for a failed job, the code of the error ({@code DB-NOT-WRITABLE}...)
 */
public record JobSnapshot(long id, String kind, String subject, JobState state, Progress progress,
                          Instant submittedAt, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                          Optional<String> errorCode, Optional<String> errorMessage) {
}
