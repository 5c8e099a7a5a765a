package fr.novaevo.workstation.ocr.result;

import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one input file: its status, its type, the Kbis fields when it is one, the reasons for an
 * error or a review, the frame of each page's word boxes (for the review screen), and the platform's
 * verification when it was asked. A bad file gives a result with status {@link DocumentStatus#ERROR}, never an
 * exception.
 */
public record DocumentResult(Path file, DocumentStatus status, DocumentType documentType,
                             Optional<KbisExtraction> extraction, List<Issue> issues, List<PageGeometry> pages,
                             Optional<PlatformVerification> verification) {

    public DocumentResult(Path file, DocumentStatus status, DocumentType documentType,
                          Optional<KbisExtraction> extraction, List<Issue> issues) {
        this(file, status, documentType, extraction, issues, List.of(), Optional.empty());
    }

    public DocumentResult(Path file, DocumentStatus status, DocumentType documentType,
                          Optional<KbisExtraction> extraction, List<Issue> issues, List<PageGeometry> pages) {
        this(file, status, documentType, extraction, issues, pages, Optional.empty());
    }

    public DocumentResult {
        pages = List.copyOf(pages);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(extraction, "extraction");
        Objects.requireNonNull(verification, "verification");
        issues = List.copyOf(issues);
        if (status != DocumentStatus.OK && issues.isEmpty()) {
            throw new IllegalArgumentException(status + " needs at least one reason");
        }
    }

    /** The same result with another status, extraction and reasons (a correction, a validation). */
    public DocumentResult with(DocumentStatus newStatus, Optional<KbisExtraction> newExtraction, List<Issue> newIssues) {
        return new DocumentResult(file, newStatus, documentType, newExtraction, newIssues, pages, verification);
    }

    /** The same result with the platform's verification (its trust level); status and reasons unchanged. */
    public DocumentResult withVerification(PlatformVerification platform) {
        return new DocumentResult(file, status, documentType, extraction, issues, pages, Optional.of(platform));
    }

    /** The platform's trust level, 0 to 3, when it was asked and answered. */
    public Optional<Integer> trustLevel() {
        return verification.map(PlatformVerification::trustLevel);
    }

    public static DocumentResult error(Path file, Issue issue) {
        return new DocumentResult(file, DocumentStatus.ERROR, DocumentType.UNKNOWN, Optional.empty(), List.of(issue));
    }
}
