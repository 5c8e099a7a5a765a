package fr.novaevo.workstation.ocr.result;

/** The outcome of one document, as exported ({@code "ok|needs_review|error"}). */
public enum DocumentStatus {
    OK("ok"),
    NEEDS_REVIEW("needs_review"),
    ERROR("error");

    private final String jsonName;

    DocumentStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
