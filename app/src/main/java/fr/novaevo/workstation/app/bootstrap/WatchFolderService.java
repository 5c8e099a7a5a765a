package fr.novaevo.workstation.app.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.settings.SettingsStore;
import fr.novaevo.workstation.ocr.batch.BatchRequest;
import fr.novaevo.workstation.ocr.watch.WatchFolder;
import fr.novaevo.workstation.ocr.watch.WatchFolderSettings;
import fr.novaevo.workstation.ocr.watch.WatchFolderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional watch folder, as the settings say ({@code docs.watch.*}): started with the workstation when
 * switched on, started, stopped or moved to another folder when the settings change, and closed with it. The
 * files it takes become batches of {@link DocumentBatches}, so they appear with the others and wake the queue.
 */
public final class WatchFolderService implements AutoCloseable {

    public static final String ACTION_CHANGED = "docs.watch.changed";

    private static final Logger LOG = LoggerFactory.getLogger(WatchFolderService.class);

    /** What the user asks for; kept even while switched off, so the folder is still there when switched on. */
    public record Choice(boolean enabled, Optional<Path> folder, int priority) {
    }

    private final SettingsStore settings;
    private final DataSource dataSource;
    private final DocumentBatches documents;
    private final AuditJournal audit;
    private final Clock clock;
    private final ZoneId zone;
    private WatchFolder running;
    private WatchFolderSettings runningWith;
    private boolean closed;

    public WatchFolderService(SettingsStore settings, DataSource dataSource, DocumentBatches documents,
                              AuditJournal audit, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The stored choice (off, no folder, priority 0 unless saved otherwise). */
    public Choice choice() {
        boolean enabled = settings.get(WatchFolderSettings.ENABLED).map("true"::equalsIgnoreCase).orElse(false);
        Optional<Path> folder = settings.get(WatchFolderSettings.FOLDER).map(Path::of);
        int priority;
        try {
            priority = Integer.parseInt(settings.get(WatchFolderSettings.PRIORITY, "0"));
        } catch (NumberFormatException e) {
            priority = 0;
        }
        return new Choice(enabled, folder, priority);
    }

    /**
     * Saves the choice (journaled when it changes) and applies it at once.
     *
     * @throws WorkstationException {@code WATCH-FOLDER-REQUIRED} when switched on without a folder,
     *                              {@code WATCH-FOLDER-MISSING} when the folder is not an existing folder,
     *                              {@code WATCH-PRIORITY-INVALID} outside -10..+10; nothing is saved then
     */
    public void save(Choice choice) {
        if (choice.priority() < BatchRequest.MIN_PRIORITY || choice.priority() > BatchRequest.MAX_PRIORITY) {
            throw new WorkstationException("WATCH-PRIORITY-INVALID", "priority " + choice.priority(), choice.priority());
        }
        if (choice.enabled() && choice.folder().isEmpty()) {
            throw new WorkstationException("WATCH-FOLDER-REQUIRED", "no watch folder chosen");
        }
        if (choice.folder().isPresent() && !Files.isDirectory(choice.folder().get())) {
            throw new WorkstationException("WATCH-FOLDER-MISSING", "not a folder: " + choice.folder().get(),
                    choice.folder().get().toString());
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(WatchFolderSettings.ENABLED, Boolean.toString(choice.enabled()));
        values.put(WatchFolderSettings.FOLDER, choice.folder().map(p -> p.toAbsolutePath().toString()).orElse(null));
        values.put(WatchFolderSettings.PRIORITY, Integer.toString(choice.priority()));
        if (!settings.putAll(values).isEmpty()) {
            audit.record(ACTION_CHANGED, choice.folder().map(Path::toString).orElse(""),
                    (choice.enabled() ? "on" : "off") + ", priority " + choice.priority());
        }
        apply();
    }

    /** Starts, stops or moves the watch to what the settings say now (nothing when they did not change). */
    public synchronized void apply() {
        if (closed) {
            return;
        }
        Optional<WatchFolderSettings> wanted = WatchFolderSettings.from(settings::get);
        if (Objects.equals(wanted.orElse(null), runningWith)) {
            return;
        }
        stop();
        wanted.ifPresent(w -> {
            running = new WatchFolder(w, dataSource, documents::submit, clock, zone);
            runningWith = w;
            running.start();
            LOG.info("watch folder: watching {} (priority {})", w.folder(), w.priority());
        });
    }

    /** What the watch does now; empty while it is switched off. */
    public synchronized Optional<WatchFolderStatus> status() {
        return Optional.ofNullable(running).map(WatchFolder::status);
    }

    private void stop() {
        if (running != null) {
            running.close();
            LOG.info("watch folder: stopped watching {}", runningWith.folder());
            running = null;
            runningWith = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
