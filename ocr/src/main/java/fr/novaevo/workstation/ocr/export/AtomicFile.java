package fr.novaevo.workstation.ocr.export;

import fr.novaevo.workstation.core.error.WorkstationException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file under a temporary name beside it and renames it at the end: a crash or a failure never leaves
 * half a file, and the previous file stays until the new one is complete.
 */
public final class AtomicFile {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);

    /** Writes the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    /** @throws WorkstationException {@code EXPORT-WRITE-FAILED} when it cannot be written (the target is left as it was) */
    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path temp;
        try {
            temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        } catch (IOException | RuntimeException e) {
            throw new WorkstationException("EXPORT-WRITE-FAILED", "cannot create a file in " + absolute.getParent(), e,
                    String.valueOf(absolute.getParent()));
        }
        boolean moved = false;
        try {
            content.writeTo(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new WorkstationException("EXPORT-WRITE-FAILED", "cannot write " + absolute, e, absolute.toString());
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("could not delete the temporary file {}", temp, e);
                }
            }
        }
    }
}
