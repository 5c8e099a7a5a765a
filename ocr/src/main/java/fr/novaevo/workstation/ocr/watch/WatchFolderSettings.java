package fr.novaevo.workstation.ocr.watch;

import fr.novaevo.workstation.ocr.batch.BatchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The watch folder's configuration.
 *
 * @param folder      where files are dropped
 * @param priority    the priority of the batches it makes, -10 to +10
 * @param rescanEvery a full listing of the folder this often, whatever the file-system events said (network
 *                    drives and some editors send none)
 * @param stableFor   a file is taken once its size and modification time did not change for this long
 */
public record WatchFolderSettings(Path folder, int priority, Duration rescanEvery, Duration stableFor) {

    /** The settings' names ({@code CORE.SETTING}); the feature is off unless {@code docs.watch.enabled} is true. */
    public static final String ENABLED = "docs.watch.enabled";
    public static final String FOLDER = "docs.watch.folder";
    public static final String PRIORITY = "docs.watch.priority";

    public WatchFolderSettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(rescanEvery, "rescanEvery");
        Objects.requireNonNull(stableFor, "stableFor");
        if (priority < BatchRequest.MIN_PRIORITY || priority > BatchRequest.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be -10 to +10, not " + priority);
        }
    }

    public static WatchFolderSettings of(Path folder, int priority) {
        return new WatchFolderSettings(folder, priority, Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /**
     * The settings when the feature is switched on and a folder is named; empty otherwise (the default). A
     * priority that is not a number in range counts as 0.
     */
    public static Optional<WatchFolderSettings> from(Function<String, Optional<String>> settings) {
        boolean enabled = settings.apply(ENABLED).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
        Optional<String> folder = settings.apply(FOLDER).map(String::strip).filter(v -> !v.isEmpty());
        if (!enabled || folder.isEmpty()) {
            return Optional.empty();
        }
        int priority = 0;
        try {
            priority = Integer.parseInt(settings.apply(PRIORITY).orElse("0").strip());
        } catch (NumberFormatException e) {
            priority = 0;
        }
        if (priority < BatchRequest.MIN_PRIORITY || priority > BatchRequest.MAX_PRIORITY) {
            priority = 0;
        }
        return Optional.of(of(Path.of(folder.get()), priority));
    }
}
