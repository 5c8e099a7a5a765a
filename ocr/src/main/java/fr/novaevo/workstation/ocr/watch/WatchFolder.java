package fr.novaevo.workstation.ocr.watch;

import fr.novaevo.workstation.ocr.batch.BatchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files dropped in a folder become batches by themselves. The folder is watched with the file system's events
 * and listed again every {@code rescanEvery} (a network drive sends no events); a file is taken once its size
 * and modification time have not changed for {@code stableFor} and it opens for reading. A file taken is moved
 * to {@code traités/<date>/} under the folder and the batch reads it there; the same content (SHA-256) is never
 * submitted twice, even across restarts: a second copy goes to {@code traités/doublons/} and is reported.
 *
 * <p>Files whose name marks them as partial (hidden, {@code ~$…}, {@code .part}, {@code .crdownload}, {@code .tmp})
 * and sub-folders are left alone.
 */
public final class WatchFolder implements AutoCloseable {

    /** The sub-folder that receives the files taken. */
    public static final String PROCESSED = "traités";
    public static final String DUPLICATES = "doublons";

    private static final Logger LOG = LoggerFactory.getLogger(WatchFolder.class);
    private static final int PROBLEMS_KEPT = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** Records a batch; {@code BatchEngine::submit}. */
    @FunctionalInterface
    public interface Submitter {
        long submit(BatchRequest request);
    }

    private record Seen(long size, Instant modified, Instant since) {
    }

    private final WatchFolderSettings settings;
    private final WatchedFiles store;
    private final Submitter submitter;
    private final Clock clock;
    private final ZoneId zone;
    private final List<LongConsumer> onSubmitted = new CopyOnWriteArrayList<>();
    private final Map<Path, Seen> seen = new HashMap<>();
    /** Files that could not be taken, as they were then: tried again only once they change. */
    private final Map<Path, Seen> refused = new HashMap<>();
    private final Deque<WatchProblem> problems = new ArrayDeque<>();
    private final List<Long> batches = new ArrayList<>();
    private long taken;
    private Instant lastScan;
    private boolean folderMissingReported;
    private volatile Thread thread;
    private volatile WatchService watcher;

    public WatchFolder(WatchFolderSettings settings, DataSource dataSource, Submitter submitter, Clock clock, ZoneId zone) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new WatchedFiles(dataSource);
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Told the id of each batch made (for example to wake the batch scheduler). */
    public void onSubmitted(LongConsumer listener) {
        onSubmitted.add(Objects.requireNonNull(listener, "listener"));
    }

    public synchronized WatchFolderStatus status() {
        return new WatchFolderStatus(settings.folder(), thread != null, Optional.ofNullable(lastScan), seen.size(), taken,
                batches, List.copyOf(problems));
    }

    /**
     * Finishes what a stop left half done (files recorded and moved but not in a batch yet), then looks at the
     * folder once and takes what is ready. The service's thread calls it; tests call it with a clock of theirs.
     */
    public synchronized void scanOnce() {
        Instant now = clock.instant();
        lastScan = now;
        resubmitLeftOver();
        Path folder = settings.folder();
        if (!Files.isDirectory(folder)) {
            if (!folderMissingReported) {
                problem(WatchProblem.FOLDER_MISSING, folder.toString(), "the watch folder does not exist");
                folderMissingReported = true;
            }
            return;
        }
        folderMissingReported = false;
        List<Path> present;
        try (Stream<Path> list = Files.list(folder)) {
            present = list.filter(WatchFolder::candidateName).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            problem(WatchProblem.NOT_READABLE, folder.toString(), "the watch folder cannot be listed: " + e.getMessage());
            return;
        }
        seen.keySet().retainAll(Set.copyOf(present));
        refused.keySet().retainAll(Set.copyOf(present));
        List<Path> ready = new ArrayList<>();
        for (Path file : present) {
            Optional<Seen> now1 = observe(file, now);
            if (now1.isEmpty()) {
                continue;
            }
            Seen current = now1.get();
            Seen before = refused.get(file);
            if (before != null && before.size() == current.size() && before.modified().equals(current.modified())) {
                continue; // refused as it is; a change will make it a candidate again
            }
            refused.remove(file);
            Seen previous = seen.get(file);
            if (previous == null || previous.size() != current.size() || !previous.modified().equals(current.modified())) {
                seen.put(file, current);
                continue;
            }
            if (!Duration.between(previous.since(), now).minus(settings.stableFor()).isNegative() && opens(file)) {
                ready.add(file);
            }
        }
        if (!ready.isEmpty()) {
            take(ready, now);
        }
    }

    private Optional<Seen> observe(Path file, Instant now) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Seen(a.size(), a.lastModifiedTime().toInstant(), now));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            problem(WatchProblem.NOT_READABLE, name(file), e.getMessage());
            return Optional.empty();
        }
    }

    /** A writer on Windows holds the file exclusively: it does not open until the copy is over. */
    private static boolean opens(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() >= -1;
        } catch (IOException e) {
            return false;
        }
    }

    private void take(List<Path> ready, Instant now) {
        List<Long> ids = new ArrayList<>();
        List<Path> stored = new ArrayList<>();
        for (Path file : ready) {
            Seen s = seen.remove(file);
            String sha;
            try {
                sha = sha256(file);
            } catch (IOException e) {
                refuse(file, s, WatchProblem.NOT_READABLE, "the file cannot be read: " + e.getMessage());
                continue;
            }
            Path processed = settings.folder().resolve(PROCESSED);
            Optional<Long> id = Optional.empty();
            Path target = freeName(processed.resolve(DAY.format(now.atZone(zone))), file.getFileName().toString());
            if (!store.known(sha)) {
                id = store.record(sha, file, s.size(), s.modified(), target, now);
            }
            if (id.isEmpty()) {
                Path duplicate = freeName(processed.resolve(DUPLICATES), file.getFileName().toString());
                if (move(file, duplicate, s)) {
                    problem(WatchProblem.DUPLICATE, name(file),
                            "the same content was already processed; the file was put in " + PROCESSED + "/" + DUPLICATES);
                }
                continue;
            }
            if (!move(file, target, s)) {
                store.forget(id.get());
                continue;
            }
            ids.add(id.get());
            stored.add(target);
        }
        if (!ids.isEmpty()) {
            submit(ids, stored, now);
        }
    }

    private void submit(List<Long> ids, List<Path> files, Instant now) {
        long batchId;
        try {
            batchId = submitter.submit(new BatchRequest("Dossier surveillé " + NAME_TIME.format(now.atZone(zone)), files,
                    settings.priority(), Optional.empty()));
        } catch (RuntimeException e) {
            // the files stay recorded without a batch: the next scan tries again
            problem(WatchProblem.SUBMIT_FAILED, files.size() + " files", "the batch could not be recorded: " + e.getMessage());
            LOG.warn("watch folder: batch of {} files not recorded", files.size(), e);
            return;
        }
        store.submitted(ids, batchId);
        taken += files.size();
        batches.add(batchId);
        LOG.info("watch folder: {} files submitted as batch {}", files.size(), batchId);
        onSubmitted.forEach(l -> l.accept(batchId));
    }

    private void resubmitLeftOver() {
        List<WatchedFiles.Taken> left = store.notSubmitted();
        if (left.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (WatchedFiles.Taken t : left) {
            if (!Files.exists(t.stored()) && Files.exists(t.original())) {
                try {
                    Files.createDirectories(t.stored().getParent());
                    Files.move(t.original(), t.stored(), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    LOG.warn("watch folder: {} could not be moved again: {}", t.original(), e.getMessage());
                }
            }
            if (Files.exists(t.stored())) {
                ids.add(t.id());
                files.add(t.stored());
            } else {
                store.forget(t.id()); // gone from both places: nothing left to read
            }
        }
        if (!ids.isEmpty()) {
            LOG.info("watch folder: {} files taken before a stop are submitted now", ids.size());
            submit(ids, files, clock.instant());
        }
    }

    private boolean move(Path file, Path target, Seen s) {
        try {
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            refuse(file, s, WatchProblem.MOVE_FAILED, "the file cannot be moved to " + target.getParent() + ": " + e);
            return false;
        }
    }

    private void refuse(Path file, Seen s, String code, String message) {
        refused.put(file, s);
        problem(code, name(file), message);
    }

    private void problem(String code, String file, String message) {
        LOG.warn("watch folder: [{}] {}: {}", code, file, message);
        problems.addFirst(new WatchProblem(clock.instant(), code, file, message));
        while (problems.size() > PROBLEMS_KEPT) {
            problems.removeLast();
        }
    }

    /** {@code name.pdf}, or {@code name (2).pdf} and so on when taken. */
    private static Path freeName(Path folder, String name) {
        Path candidate = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(base + " (" + n + ")" + ext);
        }
        return candidate;
    }

    static boolean candidateName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~$") && !lower.endsWith(".part")
                && !lower.endsWith(".crdownload") && !lower.endsWith(".tmp") && !lower.endsWith(".partial");
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** Watches on a thread of its own until {@link #close()}. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            settings.folder().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            // without events the periodic listing still finds the files (and reports a missing folder)
            LOG.info("watch folder: no file-system events for {} ({}); listing it every {}", settings.folder(),
                    e.getMessage(), settings.rescanEvery());
        }
        // assigned before it starts: the loop runs while it is the service's thread
        Thread t = Thread.ofPlatform().daemon(true).name("ocr-watch-folder").unstarted(this::loop);
        thread = t;
        t.start();
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                scanOnce();
            } catch (RuntimeException e) {
                LOG.warn("watch folder: scan failed: {}", e.getMessage(), e);
            }
            Duration wait;
            synchronized (this) {
                // while a file settles, look again soon enough to take it shortly after it is stable
                wait = seen.isEmpty() ? settings.rescanEvery() : min(settings.rescanEvery(), settings.stableFor().dividedBy(2));
            }
            try {
                WatchService w = watcher;
                if (w == null) {
                    Thread.sleep(Math.max(10, wait.toMillis()));
                } else {
                    WatchKey key = w.poll(Math.max(10, wait.toMillis()), TimeUnit.MILLISECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            if (watcher != null) {
                watcher.close();
            }
            t.join(Duration.ofSeconds(5));
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
