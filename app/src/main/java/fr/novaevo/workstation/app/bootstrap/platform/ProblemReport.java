package fr.novaevo.workstation.app.bootstrap.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import fr.novaevo.workstation.app.bootstrap.LoggingSetup;
import fr.novaevo.workstation.app.bootstrap.Redactor;
import fr.novaevo.workstation.app.cli.VersionInfo;
import fr.novaevo.workstation.sync.client.CredentialStore;
import fr.novaevo.workstation.sync.client.FeedbackPackager;
import fr.novaevo.workstation.sync.model.FeedbackRequest;

/**
 * "Signaler un problème" as the contract's {@code feedback}: the user's category and description, the
 * version and system, and the logs of the last launches zipped, with the session's secrets removed first and
 * then every personal datum the logs' own redaction masks (e-mails, phones, VINs, plates).
 */
public final class ProblemReport {

    /** The contract's categories. */
    public enum Category {
        BUG, IDEA, OTHER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How many launches' logs go with a report: the current one and the two before. */
    static final int RECENT_LAUNCHES = 3;

    private ProblemReport() {
    }

    /**
     * @param logDirectory the data folder's {@code logs/}; null or {@code attachLogs} false: no attachment
     */
    public static FeedbackRequest build(Category category, String description, boolean attachLogs, Path logDirectory,
                                        CredentialStore credentials) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a problem report needs a description");
        }
        String attachment = null;
        if (attachLogs && logDirectory != null) {
            List<Path> logs = recentLogs(logDirectory);
            if (!logs.isEmpty()) {
                attachment = new FeedbackPackager(credentials, Redactor::redact).zipBase64(logs);
            }
        }
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        return new FeedbackRequest(category.wire(), description.strip(), VersionInfo.version(), os, attachment);
    }

    /** The log files of the last launches, newest first. */
    static List<Path> recentLogs(Path logDirectory) {
        try {
            return LoggingSetup.launches(logDirectory).stream().limit(RECENT_LAUNCHES).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the logs in " + logDirectory, e);
        }
    }
}
