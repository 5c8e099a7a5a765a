package fr.novaevo.workstation.app.cli.docs;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import fr.novaevo.workstation.app.bootstrap.DocumentBatches;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.CommandBase;
import fr.novaevo.workstation.app.cli.VersionInfo;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.ocr.batch.BatchInputs;
import fr.novaevo.workstation.ocr.batch.BatchReport;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.batch.BatchSettings;
import fr.novaevo.workstation.ocr.batch.BatchState;
import fr.novaevo.workstation.ocr.result.DocumentResult;
import fr.novaevo.workstation.ocr.result.DocumentStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code workstation docs batch <files or folders>... --out results.xlsx [--jsonl results.jsonl]
 * [--workers N] [--priority P]}: reads every file as one batch (recorded in the database like the window's
 * batches), shows its progress on stderr, and writes the Excel workbook and the JSON Lines file.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class, sortOptions = false,
        description = {"Read PDFs and images (files, or folders and everything under them) offline and write the "
            + "results: an Excel workbook (--out) and optionally JSON Lines (--jsonl), one entry per file.",
            "A file that cannot be read gets status error with a reason code; the others go on."})
public final class DocsBatchCommand extends CommandBase implements Callable<Integer> {

    static final int MAX_WORKERS = 64;


    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "PDF, PNG, JPEG or TIFF files, or folders.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "results.xlsx", description = "Excel workbook to write.")
    Path out;

    @Option(names = "--jsonl", paramLabel = "results.jsonl", description = "JSON Lines file to write as well.")
    Path jsonl;

    @Option(names = "--workers", paramLabel = "N",
            description = "Documents read in parallel (default: one per core, 1 to " + MAX_WORKERS + ").")
    Integer workers;

    @Option(names = "--priority", paramLabel = "P", defaultValue = "0",
            description = "Batch priority, -10 (last) to +10 (first); default ${DEFAULT-VALUE}.")
    int priority;


    DocsBatchCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (workers != null && (workers < 1 || workers > MAX_WORKERS)) {
            throw usage("--workers must be 1 to " + MAX_WORKERS + ", not " + workers);
        }
        if (priority < BatchRequest.MIN_PRIORITY || priority > BatchRequest.MAX_PRIORITY) {
            throw usage("--priority must be -10 to +10, not " + priority);
        }
        Path workbook = context.resolve(out);
        Path lines = jsonl == null ? null : context.resolve(jsonl);
        if (lines != null && lines.equals(workbook)) {
            throw usage("--out and --jsonl name the same file");
        }
        List<Path> resolved = inputs.stream().map(context::resolve).toList();
        List<BatchInputs.InputFile> files = BatchInputs.expand(resolved);
        if (files.isEmpty()) {
            throw usage("no file found in " + inputs);
        }
        // Checked before reading anything: a typo in an output folder should not cost a whole batch.
        checkWritable(workbook);
        if (lines != null) {
            checkWritable(lines);
        }
        PrintWriter err = spec.commandLine().getErr();
        files.stream().filter(f -> f.problem().isPresent()).forEach(f -> err.println(
                "workstation: " + f.file() + ": [" + f.problem().get().code() + "] " + f.problem().get().message()));

        Workstation workstation = context.workstation(options());
        DocumentBatches documents = workstation.documents();
        BatchSettings settings = workers == null ? documents.settings() : documents.settings().withWorkers(workers);
        ProgressLine progress = new ProgressLine(err, onTerminal());
        BatchReport report;
        try {
            report = documents.submitAndRun(BatchRequest.now("workstation docs batch", resolved, priority), progress,
                    settings);
        } finally {
            progress.finish();
        }
        long id = report.info().id();
        if (report.info().state() != BatchState.COMPLETED) {
            throw new WorkstationException("BATCH-NOT-COMPLETED", "batch " + id + " ended " + report.info().state()
                    + " with " + report.counts().pending() + " documents not read", id);
        }
        try {
            documents.export(id, Optional.of(workbook), Optional.ofNullable(lines), DocumentBatches.UNWATCHED);
        } catch (fr.novaevo.workstation.core.jobs.CancelledException e) {
            throw new WorkstationException("EXPORT-WRITE-FAILED", "the export was cancelled", e);
        }
        Map<DocumentStatus, Integer> byStatus = new EnumMap<>(DocumentStatus.class);
        try (Stream<DocumentResult> results = documents.store().results(id)) {
            results.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%d documents: %d ok, %d needs_review, %d error%n", report.counts().total(),
                byStatus.getOrDefault(DocumentStatus.OK, 0), byStatus.getOrDefault(DocumentStatus.NEEDS_REVIEW, 0),
                byStatus.getOrDefault(DocumentStatus.ERROR, 0));
        console.println("Excel: " + workbook);
        if (lines != null) {
            console.println("JSON Lines: " + lines);
        }
        console.flush();
        return 0;
    }

    private static void checkWritable(Path target) {
        Path parent = target.getParent();
        if (Files.isDirectory(target)) {
            throw new WorkstationException("EXPORT-WRITE-FAILED", "cannot write " + target + ": it is a folder",
                    target.toString());
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new WorkstationException("EXPORT-WRITE-FAILED", "cannot write " + target + ": the folder "
                    + parent + " does not exist or cannot be written", target.toString());
        }
    }

    /** A single updating line when a person watches a terminal; plain periodic lines in a log or a pipe. */
    private static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}
