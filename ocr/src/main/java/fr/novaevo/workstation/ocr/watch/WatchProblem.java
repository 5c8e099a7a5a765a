package fr.novaevo.workstation.ocr.watch;

import java.time.Instant;

/**
 * Something the watch folder could not do, with a stable code a UI translates: {@code WATCH-FOLDER-MISSING},
 * {@code WATCH-NOT-READABLE}, {@code WATCH-MOVE-FAILED}, {@code WATCH-DUPLICATE}, {@code WATCH-SUBMIT-FAILED}.
 *
 * @param file the file's name (or the folder), empty when none
 */
public record WatchProblem(Instant at, String code, String file, String message) {

    public static final String FOLDER_MISSING = "WATCH-FOLDER-MISSING";
    public static final String NOT_READABLE = "WATCH-NOT-READABLE";
    public static final String MOVE_FAILED = "WATCH-MOVE-FAILED";
    public static final String DUPLICATE = "WATCH-DUPLICATE";
    public static final String SUBMIT_FAILED = "WATCH-SUBMIT-FAILED";
}
