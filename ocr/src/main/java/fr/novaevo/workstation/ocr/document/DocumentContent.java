package fr.novaevo.workstation.ocr.document;

import java.util.List;

/** Everything read from one file: its detected format and the words of each page. */
public record DocumentContent(MediaType mediaType, List<PageContent> pages) {

    public DocumentContent {
        pages = List.copyOf(pages);
    }

    public boolean usedOcr() {
        return pages.stream().anyMatch(p -> p.source() == TextSource.OCR);
    }

    public int wordCount() {
        return pages.stream().mapToInt(p -> p.words().size()).sum();
    }
}
