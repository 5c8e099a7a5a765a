package fr.novaevo.workstation.ocr.batch;

/** How many documents of a batch are in each state. */
public record BatchCounts(int pending, int running, int completed, int failed, int cancelled) {

    public int finished() {
        return completed + failed + cancelled;
    }

    public int total() {
        return pending + running + finished();
    }
}
