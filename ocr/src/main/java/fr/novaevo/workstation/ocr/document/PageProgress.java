package fr.novaevo.workstation.ocr.document;

/** Told after each page of a document has been read, for a per-document progress bar. */
@FunctionalInterface
public interface PageProgress {

    PageProgress NONE = (done, total) -> { };

    void pageRead(int done, int total);
}
