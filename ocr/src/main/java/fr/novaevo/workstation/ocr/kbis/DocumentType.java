package fr.novaevo.workstation.ocr.kbis;

/** What a document is, as exported ({@code "kbis|other|unknown"}). */
public enum DocumentType {
    KBIS("kbis"),
    OTHER("other"),
    UNKNOWN("unknown");

    private final String jsonName;

    DocumentType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
