package fr.novaevo.workstation.ocr.batch;

import fr.novaevo.workstation.ocr.document.ReasonCode;
import fr.novaevo.workstation.ocr.result.Issue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the user's files and folders into the batch's list of files, checked before the run starts: a folder
 * stands for every regular file under it (hidden files skipped, sorted by path); a file named twice is taken
 * once; a missing or unreadable input stays in the list with the reason, so the batch records it.
 */
public final class BatchInputs {

    /** An input that does not exist (any more). */
    public static final String FILE_MISSING = "BATCH-FILE-MISSING";

    /** One file of the batch; {@code problem} says why it cannot be read, when it cannot. */
    public record InputFile(Path file, Optional<Issue> problem) {
    }

    private BatchInputs() {
    }

    public static List<InputFile> expand(List<Path> inputs) {
        Set<Path> seen = new LinkedHashSet<>();
        List<InputFile> files = new ArrayList<>();
        for (Path input : inputs) {
            Path path = input.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                List<Path> found;
                try {
                    found = listFolder(path);
                } catch (IOException | UncheckedIOException e) {
                    if (seen.add(path)) {
                        files.add(new InputFile(path, Optional.of(new Issue(ReasonCode.NOT_READABLE.code(),
                                "the folder cannot be listed: " + e.getMessage()))));
                    }
                    continue;
                }
                for (Path file : found) {
                    if (seen.add(file)) {
                        files.add(check(file));
                    }
                }
            } else if (seen.add(path)) {
                files.add(check(path));
            }
        }
        return files;
    }

    private static List<Path> listFolder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder))
                    .filter(p -> !hidden(folder.relativize(p)))
                    .filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static InputFile check(Path file) {
        if (!Files.exists(file)) {
            return new InputFile(file, Optional.of(new Issue(FILE_MISSING, "the file does not exist")));
        }
        if (!Files.isRegularFile(file)) {
            return new InputFile(file, Optional.of(new Issue(ReasonCode.NOT_READABLE.code(),
                    "not a regular file")));
        }
        if (!Files.isReadable(file)) {
            return new InputFile(file, Optional.of(new Issue(ReasonCode.NOT_READABLE.code(),
                    "the file cannot be read (permissions)")));
        }
        return new InputFile(file, Optional.empty());
    }
}
