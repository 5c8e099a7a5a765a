package fr.novaevo.workstation.ocr.document;

/**
 * Why one document could not be read. The code is stable and quotable; the UI translates it through
 * {@code error.<code>}.
 */
public enum ReasonCode {
    EMPTY_FILE("OCR-EMPTY-FILE"),
    NOT_READABLE("OCR-NOT-READABLE"),
    UNSUPPORTED_TYPE("OCR-UNSUPPORTED-TYPE"),
    ENCRYPTED("OCR-ENCRYPTED"),
    DAMAGED("OCR-DAMAGED"),
    FILE_TOO_LARGE("OCR-FILE-TOO-LARGE"),
    TOO_MANY_PAGES("OCR-TOO-MANY-PAGES"),
    IMAGE_TOO_LARGE("OCR-IMAGE-TOO-LARGE"),
    TIMEOUT("OCR-TIMEOUT"),
    CANCELLED("OCR-CANCELLED"),
    NO_TEXT("OCR-NO-TEXT"),
    NOT_A_KBIS("OCR-NOT-A-KBIS"),
    ENGINE_UNAVAILABLE("OCR-ENGINE-UNAVAILABLE"),
    ENGINE_FAILED("OCR-ENGINE-FAILED"),
    INTERNAL("OCR-INTERNAL");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
