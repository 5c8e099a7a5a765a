package fr.novaevo.workstation.app.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.jobs.Progress;

/** A batch being read: its progress, its remaining time, and the progress of each document being read. */
public final class BatchRun implements JobContext {
    private final long batchId;
    private final JobContext job;
    private final Set<Path> files;
    private final LiveDocuments live;
    private final long started = System.nanoTime();
    private volatile long doneAtStart = -1;
    private volatile long done;
    private volatile long total = -1;

    BatchRun(long batchId, JobContext job, Set<Path> files, LiveDocuments live) {
        this.batchId = batchId;
        this.job = job;
        this.files = Set.copyOf(files);
        this.live = live;
    }

    public long batchId() {
        return batchId;
    }

    @Override
    public synchronized void progress(long doneNow, long totalNow, String step) {
        if (doneAtStart < 0) {
            doneAtStart = doneNow;
        }
        done = Math.max(done, doneNow);
        total = totalNow;
        job.progress(doneNow, totalNow, step);
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }

    /** Documents finished and in all, with the time left as this run's pace gives it. */
    public Progress progress() {
        return new Progress(done, total, "", BatchEta.remaining(System.nanoTime() - started,
                Math.max(0, doneAtStart), done, total));
    }

    /** The documents being read now, each with its pages read (total -1 until the first page is read). */
    public Map<Path, Progress> documents() {
        return live.among(files);
    }
}
