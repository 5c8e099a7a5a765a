package fr.novaevo.workstation.ocr.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asks for: files and folders (a folder stands for every file under it), a priority from -10
 * (last) to +10 (first), and an optional start time (a night batch).
 */
public record BatchRequest(String name, List<Path> inputs, int priority, Optional<Instant> startAt) {

    public static final int MIN_PRIORITY = -10;
    public static final int MAX_PRIORITY = 10;

    public BatchRequest {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(startAt, "startAt");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one file or folder");
        }
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be -10 to +10, not " + priority);
        }
        name = name.length() > 200 ? name.substring(0, 200) : name;
    }

    public static BatchRequest now(String name, List<Path> inputs, int priority) {
        return new BatchRequest(name, inputs, priority, Optional.empty());
    }
}
