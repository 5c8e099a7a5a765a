package fr.novaevo.workstation.app.bootstrap;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.jobs.Progress;
import fr.novaevo.workstation.ocr.batch.WorkerProcessor;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.PageGeometry;

/**
 * The documents being read in this process, each with its pages read, whichever batch reads them: the one
 * engine's processors report here, and each {@link BatchRun} shows those of its own files.
 */
final class LiveDocuments {

    private final Map<Path, Progress> reading = new ConcurrentHashMap<>();

    /** The documents among {@code files} being read now (total -1 until the first page is read). */
    Map<Path, Progress> among(Collection<Path> files) {
        return reading.entrySet().stream().filter(e -> files.contains(e.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** {@code processors}, reporting each document's pages here and handing its page frames to {@code pagesRead}. */
    WorkerProcessor.Factory watching(WorkerProcessor.Factory processors,
                                     BiConsumer<Path, List<PageGeometry>> pagesRead) {
        return () -> {
            WorkerProcessor processor = processors.open();
            return new WorkerProcessor() {
                @Override
                public DocumentResult process(Path file, JobContext documentJob) {
                    reading.put(file, Progress.NOT_STARTED);
                    try {
                        DocumentResult result = processor.process(file, new JobContext() {
                            @Override
                            public void progress(long pages, long of, String step) {
                                reading.put(file, Progress.of(pages, of, step));
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
                        reading.remove(file);
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
