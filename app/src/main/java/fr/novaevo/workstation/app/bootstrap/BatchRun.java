package fr.novaevo.workstation.app.bootstrap;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.jobs.Progress;
import fr.novaevo.workstation.ocr.batch.WorkerProcessor;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.PageGeometry;

/** A batch being read: its progress, its remaining time, and the progress of each document being read. */
public final class BatchRun implements JobContext {
    private final long batchId;
    private final JobContext job;
    private final long started = System.nanoTime();
    private final Map<Path, Progress> documents = new ConcurrentHashMap<>();
    private volatile long doneAtStart = -1;
    private volatile long done;
    private volatile long total = -1;

    BatchRun(long batchId, JobContext job) {
        this.batchId = batchId;
        this.job = job;
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
        return Map.copyOf(documents);
    }

    WorkerProcessor.Factory watching(WorkerProcessor.Factory processors,
                                     BiConsumer<Path, List<PageGeometry>> pagesRead) {
        return () -> {
            WorkerProcessor processor = processors.open();
            return new WorkerProcessor() {
                @Override
                public DocumentResult process(Path file, JobContext documentJob) {
                    documents.put(file, Progress.NOT_STARTED);
                    try {
                        DocumentResult result = processor.process(file, new JobContext() {
                            @Override
                            public void progress(long pages, long of, String step) {
                                documents.put(file, Progress.of(pages, of, step));
                                documentJob.progress(pages, of, step);
                            }

                            @Override
                            public boolean isCancelled() {
                                return documentJob.isCancelled();
                            }
                        });
                        if (!result.pages().isEmpty()) {
                            pagesRead.accept(file, result.pages());
                        }
                        return result;
                    } finally {
                        documents.remove(file);
                    }
                }

                @Override
                public void close() {
                    processor.close();
                }
            };
        };
    }
}
