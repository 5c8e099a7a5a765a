package fr.novaevo.workstation.ocr.supervision;

import fr.novaevo.workstation.ocr.QuietJob;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.core.testing.MutableClock;
import fr.novaevo.workstation.ocr.batch.BatchEngine;
import fr.novaevo.workstation.ocr.batch.BatchReport;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.BatchSettings;
import fr.novaevo.workstation.ocr.batch.BatchStore;
import fr.novaevo.workstation.ocr.batch.WorkerProcessor;
import fr.novaevo.workstation.ocr.document.TextSource;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import fr.novaevo.workstation.ocr.result.PageGeometry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real batch engine on a real H2 file whose one worker reads a document only when the test lets it
 * ({@link #release}), so that the test moves the clock between documents. Files named {@code bad-*} end in
 * error; every document has two pages.
 */
final class GatedBatch implements AutoCloseable {

    static final List<SchemaModule> MODULES = List.of(new SchemaModule("core"), BatchStore.SCHEMA);

    final Database database;
    final BatchEngine engine;
    private final Semaphore permits = new Semaphore(0);
    private final List<CompletableFuture<BatchReport>> runs = new ArrayList<>();

    GatedBatch(Path dataDir, MutableClock clock) {
        this.database = Database.open(DataLayout.at(dataDir), MODULES, clock);
        WorkerProcessor.Factory gated = () -> new WorkerProcessor() {
            @Override
            public DocumentResult process(Path file, JobContext job) {
                try {
                    if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released " + file);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
                List<PageGeometry> pages = List.of(new PageGeometry(1, 595, 842, TextSource.TEXT_LAYER, 0, 0),
                        new PageGeometry(2, 595, 842, TextSource.TEXT_LAYER, 0, 0));
                boolean bad = file.getFileName().toString().startsWith("bad-");
                return new DocumentResult(file, bad ? DocumentStatus.ERROR : DocumentStatus.OK, DocumentType.KBIS,
                        Optional.empty(), bad ? List.of(new Issue("OCR-DAMAGED", "damaged")) : List.of(), pages);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
        this.engine = new BatchEngine(database.dataSource(), gated, BatchSettings.defaults().withWorkers(1), clock);
    }

    /** Records a batch of empty files with these names and starts running it on a thread of its own. */
    long start(Path folder, String name, String... files) throws IOException {
        List<Path> inputs = new ArrayList<>();
        Files.createDirectories(folder);
        for (String f : files) {
            inputs.add(Files.writeString(folder.resolve(f), f));
        }
        long id = engine.submit(BatchRequest.now(name, inputs, 0));
        runs.add(CompletableFuture.supplyAsync(() -> engine.run(id, QuietJob.INSTANCE)));
        await(() -> engine.runningBatches().contains(id) && engine.store().counts(id).running() == 1);
        return id;
    }

    /** Lets one document be read and waits until it is stored (and the next one taken, if any). */
    void release(long batchId) {
        int before = engine.store().counts(batchId).finished();
        permits.release();
        await(() -> {
            var counts = engine.store().counts(batchId);
            return counts.finished() == before + 1 && (counts.pending() == 0 || counts.running() == 1);
        });
    }

    void awaitEnd(long batchId) {
        await(() -> !engine.runningBatches().contains(batchId));
    }

    static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() {
        permits.release(1000);
        runs.forEach(CompletableFuture::join);
        database.close();
    }
}
