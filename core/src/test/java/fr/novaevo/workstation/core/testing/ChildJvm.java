package fr.novaevo.workstation.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a main class of the test classpath in a separate JVM, as a second real process: to kill it with
 * SIGKILL in the middle of a write, or to hold a file lock while the test opens the same database.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.BlockingQueue<String> unread = new java.util.concurrent.LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private ChildJvm(Process process) {
        this.process = process;
        // Read continuously: a killed process's streams may be closed under us, and a full pipe would block it.
        Thread.ofPlatform().daemon(true).name("child-jvm-output").start(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                    unread.add(line);
                }
            } catch (IOException e) {
                // the process was killed: what was read is kept
            } finally {
                ended.complete(null);
            }
        });
    }

    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        return start(mainClass, List.of(), args);
    }

    public static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for a line equal to {@code expected} in the child's output; fails after the deadline. */
    public void awaitLine(String expected, Duration deadline) throws IOException, InterruptedException, TimeoutException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no line '" + expected + "' within " + deadline + "; output: " + lines);
            }
            String line = unread.poll(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS);
            if (line != null && line.strip().equals(expected)) {
                return;
            }
            if (line == null && ended.isDone() && unread.isEmpty()) {
                throw new IOException("child process ended before printing " + expected + "; output: " + lines);
            }
        }
    }

    /** SIGKILL on Unix: no shutdown hook, no finally block runs in the child. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitFor(Duration deadline) throws InterruptedException, TimeoutException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("child process still running after " + deadline);
        }
        return process.exitValue();
    }

    /** Everything the child printed so far (after it ended: everything it printed). */
    public String output() throws InterruptedException {
        if (!process.isAlive()) {
            try {
                ended.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // keep what was read
            }
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
