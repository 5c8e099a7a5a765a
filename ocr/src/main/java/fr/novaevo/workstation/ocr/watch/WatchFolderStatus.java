package fr.novaevo.workstation.ocr.watch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the watch folder is doing, at one instant (immutable).
 *
 * @param waiting   files seen but not taken yet (still being written, or not stable long enough)
 * @param taken     files submitted since the service started
 * @param problems  the latest problems, newest first (at most 50)
 */
public record WatchFolderStatus(Path folder, boolean running, Optional<Instant> lastScan, int waiting, long taken,
                                List<Long> batches, List<WatchProblem> problems) {

    public WatchFolderStatus {
        batches = List.copyOf(batches);
        problems = List.copyOf(problems);
    }
}
