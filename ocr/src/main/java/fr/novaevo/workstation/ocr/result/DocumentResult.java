package fr.novaevo.workstation.ocr.result;

import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one input file: its status, its type, the Kbis fields when it is one, the reasons for an
 * error or a review, and the frame of each page's word boxes (for the review screen). A bad file gives a result with status {@link DocumentStatus#ERROR}, never an exception.
 */
public record DocumentResult(Path file, DocumentStatus status, DocumentType documentType,
                             Optional<KbisExtraction> extraction, List<Issue> issues, List<PageGeometry> pages) {

    public DocumentResult(Path file, DocumentStatus status, DocumentType documentType,
                          Optional<KbisExtraction> extraction, List<Issue> issues) {
        this(file, status, documentType, extraction, issues, List.of());
    }

    public DocumentResult {
        pages = List.copyOf(pages);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(extraction, "extraction");
        issues = List.copyOf(issues);
        if (status != DocumentStatus.OK && issues.isEmpty()) {
            throw new IllegalArgumentException(status + " needs at least one reason");
        }
    }

    /** The same result with another status, extraction and reasons (a correction, a validation). */
    public DocumentResult with(DocumentStatus newStatus, Optional<KbisExtraction> newExtraction, List<Issue> newIssues) {
        return new DocumentResult(file, newStatus, documentType, newExtraction, newIssues, pages);
    }

    public static DocumentResult error(Path file, Issue issue) {
        return new DocumentResult(file, DocumentStatus.ERROR, DocumentType.UNKNOWN, Optional.empty(), List.of(issue));
    }
}
