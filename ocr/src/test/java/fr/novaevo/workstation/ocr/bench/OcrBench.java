package fr.novaevo.workstation.ocr.bench;

import fr.novaevo.workstation.ocr.QuietJob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.core.storage.DataLayout;
import fr.novaevo.workstation.core.storage.Database;
import fr.novaevo.workstation.core.storage.SchemaModule;
import fr.novaevo.workstation.ocr.batch.BatchEngine;
import fr.novaevo.workstation.ocr.batch.BatchExports;
import fr.novaevo.workstation.ocr.batch.BatchReport;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.BatchSettings;
import fr.novaevo.workstation.ocr.batch.BatchStore;
import fr.novaevo.workstation.ocr.batch.KbisWorkerProcessors;
import fr.novaevo.workstation.ocr.batch.WorkerProcessor;
import fr.novaevo.workstation.ocr.document.Deadline;
import fr.novaevo.workstation.ocr.document.DocumentLimits;
import fr.novaevo.workstation.ocr.document.DocumentReader;
import fr.novaevo.workstation.ocr.engine.Binarization;
import fr.novaevo.workstation.ocr.engine.PageImages;
import fr.novaevo.workstation.ocr.engine.TesseractOcrEngine;
import fr.novaevo.workstation.ocr.export.ExcelExporter;
import fr.novaevo.workstation.ocr.kbis.DocumentType;
import fr.novaevo.workstation.ocr.kbis.ExtractedField;
import fr.novaevo.workstation.ocr.kbis.FieldKey;
import fr.novaevo.workstation.ocr.kbis.KbisExtraction;
import fr.novaevo.workstation.ocr.kbis.Officer;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import fr.novaevo.workstation.ocr.result.Issue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The documents' throughput figures of {@code docs/benchmarks.md}, one per mode, with fixed inputs (the shared
 * corpus, or generated rows); run by {@code bench/ocr-*.sh}, each figure printed as a {@code bench: } line.
 *
 * <ul>
 *   <li>{@code born-digital CORPUS N}: N born-digital extracts read by one processor, then as a batch with the
 *       default workers (database included)</li>
 *   <li>{@code scanned CORPUS}: the scan-300 extracts' pages rendered once to 300 dpi grey PNG files, then read
 *       by the {@code tesseract} command (one process over the list, OMP_THREAD_LIMIT=1) and by our engine with one
 *       worker, back to back, with Otsu and with Sauvola thresholding; by our whole page reading with one worker;
 *       and by our engine with two workers</li>
 *   <li>{@code batch CORPUS N}: a batch of N born-digital extracts, then its Excel and JSON Lines exports; run with
 *       {@code -Xmx512m}</li>
 *   <li>{@code excel N}: an Excel export of N generated results; run with a small heap</li>
 * </ul>
 */
public final class OcrBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JobContext QUIET = QuietJob.INSTANCE;

    private OcrBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ocr-bench");
        try (HeapWatch heap = new HeapWatch()) {
            switch (args[0]) {
                case "born-digital" -> bornDigital(Path.of(args[1]), Integer.parseInt(args[2]), work);
                case "scanned" -> scanned(Path.of(args[1]), work);
                case "batch" -> batch(Path.of(args[1]), Integer.parseInt(args[2]), work);
                case "excel" -> excel(Integer.parseInt(args[1]), work);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
            print("heap_peak_mb", heap.peakMb());
            print("heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void bornDigital(Path corpus, int count, Path work) throws Exception {
        List<Path> inputs = copies(corpus, "born-digital", count, work.resolve("in"));
        // the batch's own processor: Tesseract is loaded only for a page without text, so never here
        try (WorkerProcessor processor = KbisWorkerProcessors.factory(DocumentLimits.DEFAULT, Clock.systemUTC()).open()) {
            for (int i = 0; i < Math.min(30, inputs.size()); i++) {
                processor.process(inputs.get(i), QUIET); // warm-up
            }
            long start = System.nanoTime();
            int kbis = 0;
            for (Path p : inputs) {
                kbis += processor.process(p, QUIET).documentType() == DocumentType.KBIS ? 1 : 0;
            }
            double seconds = seconds(start);
            print("born_digital_documents", inputs.size());
            print("born_digital_kbis", kbis);
            print("born_digital_docs_per_s_one_processor", inputs.size() / seconds);
        }
        BatchRun run = runBatch(inputs, work, BatchSettings.defaults().withDocumentTimeout(DocumentLimits.DEFAULT.timeout(),
                Duration.ofSeconds(30)));
        print("born_digital_batch_workers", run.workers);
        print("born_digital_docs_per_s_batch", inputs.size() / run.seconds);
    }

    private static void scanned(Path corpus, Path work) throws Exception {
        List<Path> pages = new ArrayList<>();
        Path images = Files.createDirectories(work.resolve("pages"));
        for (Path pdf : corpusFiles(corpus, "scan-300")) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    BufferedImage image = renderer.renderImageWithDPI(i, 300, ImageType.GRAY);
                    Path png = images.resolve(pdf.getFileName().toString().replace(".pdf", "") + "-p" + (i + 1) + ".png");
                    ImageIO.write(image, "png", png.toFile());
                    pages.add(png);
                }
            }
        }
        print("scanned_pages", pages.size());

        // Like for like, each pair measured back to back: Otsu over the page (the command's default) and Sauvola
        // (what the application uses for a first reading), the command with the same thresholding variable.
        Path list = Files.write(work.resolve("pages.txt"), pages.stream().map(Path::toString).toList());
        double cliOtsu = commandPagesPerSecond(list, pages.size(), "0", work);
        double engineOtsu = enginePagesPerSecond(pages, 1, Binarization.GLOBAL);
        print("scanned_pages_per_s_tesseract_command_otsu", cliOtsu);
        print("scanned_pages_per_s_engine_1_worker_otsu", engineOtsu);
        print("scanned_engine_vs_command_otsu", engineOtsu / cliOtsu);
        double cliSauvola = commandPagesPerSecond(list, pages.size(), "2", work);
        double engineOne = enginePagesPerSecond(pages, 1, Binarization.ADAPTIVE);
        print("scanned_pages_per_s_tesseract_command_sauvola", cliSauvola);
        print("scanned_pages_per_s_engine_1_worker_sauvola", engineOne);
        print("scanned_engine_vs_command_sauvola", engineOne / cliSauvola);

        try (TesseractOcrEngine engine = TesseractOcrEngine.withDefaults()) {
            DocumentReader reader = new DocumentReader(engine, DocumentLimits.DEFAULT);
            reader.read(pages.getFirst(), Deadline.after(Duration.ofMinutes(2))); // warm-up
            long start = System.nanoTime();
            for (Path page : pages) {
                reader.read(page, Binarization.ADAPTIVE, Deadline.after(Duration.ofMinutes(2)));
            }
            double readingOne = pages.size() / seconds(start);
            print("scanned_pages_per_s_reading_1_worker", readingOne);
            print("scanned_reading_vs_command_sauvola", readingOne / cliSauvola);
        }

        double engineTwo = enginePagesPerSecond(pages, 2, Binarization.ADAPTIVE);
        print("scanned_pages_per_s_engine_2_workers", engineTwo);
        print("scanned_2_workers_vs_1", engineTwo / engineOne);
    }

    /** The tesseract command over the list of pages, in one process (its model loaded once, as an engine's is). */
    private static double commandPagesPerSecond(Path list, int pages, String thresholding, Path work) throws Exception {
        Path log = work.resolve("cli-" + thresholding + ".log");
        ProcessBuilder cli = new ProcessBuilder("tesseract", list.toString(), work.resolve("cli-" + thresholding).toString(),
                "-l", "fra+eng", "--dpi", "300", "-c", "thresholding_method=" + thresholding,
                "-c", "preserve_interword_spaces=1", "tsv").redirectErrorStream(true).redirectOutput(log.toFile());
        cli.environment().put("OMP_THREAD_LIMIT", "1");
        long start = System.nanoTime();
        int exit = cli.start().waitFor();
        double seconds = seconds(start);
        if (exit != 0) {
            throw new IllegalStateException("tesseract exited with " + exit + ": " + Files.readString(log));
        }
        return pages / seconds;
    }

    /** Each worker, with its own engine, reads every page once; pages per second over all workers. */
    private static double enginePagesPerSecond(List<Path> pages, int workers, Binarization binarization)
            throws Exception {
        List<BufferedImage> grey = new ArrayList<>();
        for (Path p : pages) {
            grey.add(PageImages.toGray(ImageIO.read(p.toFile())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<TesseractOcrEngine> engines = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                TesseractOcrEngine engine = TesseractOcrEngine.withDefaults();
                engine.recognize(grey.getFirst(), 300, binarization, Deadline.after(Duration.ofMinutes(2)));
                engines.add(engine);
            }
            AtomicLong words = new AtomicLong();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (TesseractOcrEngine engine : engines) {
                running.add(pool.submit(() -> {
                    for (BufferedImage image : grey) {
                        words.addAndGet(engine.recognize(image, 300, binarization,
                                Deadline.after(Duration.ofMinutes(2))).size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = seconds(start);
            engines.forEach(TesseractOcrEngine::close);
            return workers * pages.size() / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void batch(Path corpus, int count, Path work) throws Exception {
        List<Path> inputs = copies(corpus, "born-digital", count, work.resolve("in"));
        BatchRun run = runBatch(inputs, work, BatchSettings.defaults());
        print("batch_documents", run.report.counts().total());
        print("batch_completed", run.report.counts().completed());
        print("batch_seconds", run.seconds);
        print("batch_docs_per_s", inputs.size() / run.seconds);
        long start = System.nanoTime();
        BatchExports exports = new BatchExports(run.store);
        long lines = exports.writeJsonLines(run.id, work.resolve("batch.jsonl"));
        exports.writeExcel(run.id, work.resolve("batch.xlsx"), QUIET);
        print("batch_exported_jsonl_lines", lines);
        print("batch_export_seconds", seconds(start));
        run.database.close();
    }

    private static void excel(int rows, Path work) throws Exception {
        Iterator<DocumentResult> generated = new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return n < rows;
            }

            @Override
            public DocumentResult next() {
                return generated(n++);
            }
        };
        Path target = work.resolve("export.xlsx");
        long start = System.nanoTime();
        new ExcelExporter().export(generated, rows, target, QUIET);
        print("excel_rows", rows);
        print("excel_seconds", seconds(start));
        print("excel_file_mb", Files.size(target) / (1024.0 * 1024.0));
    }

    private static DocumentResult generated(int n) {
        Map<FieldKey, ExtractedField> f = new EnumMap<>(FieldKey.class);
        f.put(FieldKey.SIREN, field(FieldKey.SIREN, String.format("%09d", 100_000_000 + n)));
        f.put(FieldKey.DENOMINATION, field(FieldKey.DENOMINATION, "GARAGE NUMÉRO " + n));
        f.put(FieldKey.FORME_JURIDIQUE, field(FieldKey.FORME_JURIDIQUE, "Société par actions simplifiée"));
        f.put(FieldKey.CAPITAL_SOCIAL, field(FieldKey.CAPITAL_SOCIAL, (1000 + n) + ".00"));
        f.put(FieldKey.ADRESSE_SIEGE, field(FieldKey.ADRESSE_SIEGE, n + " rue de la République 44000 Nantes"));
        f.put(FieldKey.DATE_IMMATRICULATION, field(FieldKey.DATE_IMMATRICULATION, "2015-03-12"));
        f.put(FieldKey.DATE_EXTRAIT, field(FieldKey.DATE_EXTRAIT, "2026-11-07"));
        f.put(FieldKey.RCS_VILLE, field(FieldKey.RCS_VILLE, "Nantes"));
        List<Officer> officers = List.of(new Officer.Person(Optional.of("Président"), "DURAND", "Marie",
                Optional.of(LocalDate.of(1970, 1, 1 + n % 28)), Optional.of("Nantes (44)"), 0.95));
        List<Issue> issues = n % 10 == 0 ? List.of(new Issue("KBIS-OUTDATED", "the extract was issued on 2026-01-01, "
                + "more than 3 months ago")) : List.of();
        return new DocumentResult(Path.of("/lots/" + n + ".pdf"), issues.isEmpty() ? DocumentStatus.OK
                : DocumentStatus.NEEDS_REVIEW, DocumentType.KBIS, Optional.of(new KbisExtraction(f, officers)), issues);
    }

    private static ExtractedField field(FieldKey key, String value) {
        return new ExtractedField(key, value, 0.97, Optional.empty());
    }

    private record BatchRun(Database database, BatchStore store, long id, BatchReport report, double seconds,
                            int workers) {
    }

    private static BatchRun runBatch(List<Path> inputs, Path work, BatchSettings settings) {
        Database database = Database.open(DataLayout.at(work.resolve("data-" + System.nanoTime())),
                List.of(new SchemaModule("core"), BatchStore.SCHEMA), Clock.systemUTC());
        BatchEngine engine = new BatchEngine(database.dataSource(),
                KbisWorkerProcessors.factory(DocumentLimits.DEFAULT, Clock.systemUTC()), settings, Clock.systemUTC());
        long id = engine.submit(BatchRequest.now("bench", inputs, 0));
        long start = System.nanoTime();
        BatchReport report = engine.run(id, QUIET);
        return new BatchRun(database, engine.store(), id, report, seconds(start), settings.workers());
    }

    /** {@code count} files of one rendering kind of the corpus, linked (or copied) under distinct names. */
    private static List<Path> copies(Path corpus, String rendering, int count, Path folder) throws IOException {
        List<Path> sources = corpusFiles(corpus, rendering);
        Files.createDirectories(folder);
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path source = sources.get(i % sources.size());
            Path target = folder.resolve(String.format("doc-%05d.pdf", i));
            try {
                Files.createLink(target, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target);
            }
            made.add(target);
        }
        return made;
    }

    private static List<Path> corpusFiles(Path corpus, String rendering) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> metas = Files.list(corpus)) {
            for (Path meta : metas.filter(p -> p.getFileName().toString().endsWith(".meta.json")).sorted().toList()) {
                JsonNode m = JSON.readTree(meta.toFile());
                if (m.path("rendering").asText().equals(rendering) && m.path("file").asText().endsWith(".pdf")) {
                    found.add(corpus.resolve(m.path("file").asText()));
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no " + rendering + " PDF in " + corpus);
        }
        return found;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @SuppressWarnings("SystemOut") // a command-line benchmark: its output is the figure
    private static void print(String key, Number value) {
        System.out.println("bench: " + key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value));
    }

    /** The highest heap in use, sampled every 20 ms (closer to the truth than the pools' separate peaks). */
    private static final class HeapWatch implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapWatch() {
            thread = Thread.ofPlatform().daemon(true).start(() -> {
                while (running) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long peakMb() {
            return peak.get() / (1024 * 1024);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
