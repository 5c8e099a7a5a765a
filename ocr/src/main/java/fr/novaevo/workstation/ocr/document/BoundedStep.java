package fr.novaevo.workstation.ocr.document;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one step of a third-party parser (PDFBox) on its own thread, so that a hostile file that makes it loop
 * cannot hold the caller past the document's deadline or past a cancellation. The caller gives up; the
 * abandoned thread is interrupted and, being a daemon, never keeps the application alive.
 */
final class BoundedStep {

    private static final long POLL_MILLIS = 200;

    /** A step that reads the file. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException;
    }

    private BoundedStep() {
    }

    /**
     * @throws DocumentException TIMEOUT or CANCELLED when the step does not end in time; DAMAGED when the parser
     *                           fails (IOException, a runtime error or a runaway recursion on a fuzzed file)
     */
    static <T> T run(String what, Deadline deadline, Step<T> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofPlatform().daemon().name("document-step").unstarted(() -> {
            try {
                result.complete(step.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        worker.start();
        try {
            while (true) {
                deadline.check(what);
                try {
                    return result.get(Math.max(1, Math.min(POLL_MILLIS, deadline.remaining().toMillis())),
                            TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // Poll again: the deadline check above ends the wait once the time is up or on cancel.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentException(ReasonCode.CANCELLED, "interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } finally {
            if (worker.isAlive()) {
                worker.interrupt();
            }
        }
    }

    private static DocumentException failure(String what, Throwable cause) {
        return switch (cause) {
            case DocumentException d -> d;
            case IOException io -> new DocumentException(ReasonCode.DAMAGED,
                    "the file is damaged (" + what + "): " + io.getMessage(), io);
            case RuntimeException e -> new DocumentException(ReasonCode.DAMAGED,
                    "the file is damaged (" + what + "): " + e, e);
            case StackOverflowError e -> new DocumentException(ReasonCode.DAMAGED,
                    "the file is damaged (" + what + "): nesting too deep", e);
            case OutOfMemoryError e -> new DocumentException(ReasonCode.IMAGE_TOO_LARGE,
                    "the file needs more memory than available (" + what + ")", e);
            default -> new DocumentException(ReasonCode.INTERNAL, "unexpected failure while " + what, cause);
        };
    }
}
