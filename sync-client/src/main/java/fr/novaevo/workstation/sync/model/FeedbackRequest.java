package fr.novaevo.workstation.sync.model;

/**
 * {@code POST feedback} ("Signaler un problème"). {@code attachmentZipBase64} is optional: a ZIP of at most
 * 5,000,000 bytes once decoded.
 */
public record FeedbackRequest(String category, String message, String appVersion, String os,
                              String attachmentZipBase64) {

    public static final int MAX_ATTACHMENT_BYTES = 5_000_000;

    @Override
    public String toString() {
        return "FeedbackRequest[category=" + category + ", appVersion=" + appVersion + ", os=" + os
                + ", attachment=" + (attachmentZipBase64 == null ? "none" : attachmentZipBase64.length() + " chars") + "]";
    }
}
