package fr.novaevo.workstation.ocr;

import fr.novaevo.workstation.core.jobs.JobContext;

/** A job nobody watches and nobody cancels, for tests and benchmarks. */
public enum QuietJob implements JobContext {
    INSTANCE;

    @Override
    public void progress(long done, long total, String step) {
        // not watched
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
