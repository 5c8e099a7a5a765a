package fr.novaevo.workstation.ocr.batch;

import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The process {@link BatchCrashTest} kills: {@code DATA_DIR INPUT_FOLDER} records a batch of the folder and
 * runs it with two workers, each document read for real and then held a little (as OCR would take), printing
 * {@code DONE n} each time a document is finished. It never ends by itself before the batch does.
 */
public final class BatchCrashChild {

    static final Duration HOLD = Duration.ofMillis(150);

    private BatchCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path inputs = Path.of(args[1]);
        Database database = BatchTestSupport.open(dataDir, Clock.systemUTC());
        WorkerProcessor.Factory real = KbisWorkerProcessors.factory(DocumentLimits.DEFAULT, Clock.systemUTC());
        WorkerProcessor.Factory slow = () -> {
            WorkerProcessor processor = real.open();
            return new WorkerProcessor() {
                @Override
                public DocumentResult process(Path file, JobContext job) {
                    DocumentResult result = processor.process(file, job);
                    try {
                        Thread.sleep(HOLD);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return result;
                }

                @Override
                public void close() {
                    processor.close();
                }
            };
        };
        BatchEngine engine = new BatchEngine(database.dataSource(), slow, BatchSettings.defaults().withWorkers(2),
                Clock.systemUTC());
        long id = engine.submit(BatchRequest.now("crash test", List.of(inputs), 0));
        announce("BATCH " + id);
        engine.run(id, new JobContext() {
            @Override
            public void progress(long done, long total, String step) {
                if (step.isEmpty()) {
                    announce("DONE " + done);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        announce("FINISHED");
        database.close();
    }

    @SuppressWarnings("SystemOut") // the parent test reads these lines; a test fixture, not library code
    private static synchronized void announce(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
