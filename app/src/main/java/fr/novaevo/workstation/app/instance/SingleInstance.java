package fr.novaevo.workstation.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process owns a data folder (its database and, later, its serial ports). The owner holds a file lock in
 * the folder and listens on a Unix-domain socket there; a later launch that cannot take the lock hands its
 * arguments to the owner instead: a GUI launch brings the owner's window forward, a command runs in the owner
 * with its output sent back.
 *
 * <p>Unix-domain sockets (Linux, macOS, Windows 10+) are files: only the user who can reach the data folder
 * can connect, and no TCP port is opened.
 */
public final class SingleInstance {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final String MAGIC = "NOVAEVO-INSTANCE-1";
    static final Duration ANSWER_DEADLINE = Duration.ofSeconds(10);
    static final Duration IDLE_DEADLINE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final byte OUT = 'O';
    private static final byte ERR = 'E';
    private static final byte BEAT = 'H';
    private static final byte EXIT = 'X';

    private SingleInstance() {
    }

    /** The result of trying to own a data folder. */
    public sealed interface Claim permits Owner, Remote {
    }

    /**
     * Takes the data folder, or finds who has it. Waits up to a few seconds when the owner is still starting
     * or just stopping (lock held but socket not answering yet).
     */
    public static Claim claim(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        Path lockFile = dataDirectory.resolve("instance.lock");
        Path socket = socketPath(dataDirectory);
        long deadline = System.nanoTime() + ANSWER_DEADLINE.toNanos();
        while (true) {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this same JVM (tests start several owners in one process)
            }
            if (lock != null) {
                return new Owner(channel, lock, socket);
            }
            channel.close();
            if (Files.exists(socket)) {
                try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    return new Remote(socket);
                } catch (IOException notYet) {
                    // the owner is starting or stopping: try again shortly
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("another process holds " + lockFile + " but does not answer");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Socket paths are limited to about 100 bytes; a deep data folder gets one in the temporary folder. */
    static Path socketPath(Path dataDirectory) {
        Path inFolder = dataDirectory.toAbsolutePath().resolve("instance.sock");
        if (inFolder.toString().getBytes(StandardCharsets.UTF_8).length < 100) {
            return inFolder;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dataDirectory.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"))
                    .resolve("novaevo-" + HexFormat.of().formatHex(digest, 0, 8) + ".sock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This process owns the data folder. */
    public static final class Owner implements Claim, AutoCloseable {

        private final FileChannel lockChannel;
        private final FileLock lock;
        private final Path socket;
        private volatile ServerSocketChannel server;

        Owner(FileChannel lockChannel, FileLock lock, Path socket) {
            this.lockChannel = lockChannel;
            this.lock = lock;
            this.socket = socket;
        }

        /** Starts answering later launches. */
        public void serve(InstanceHandler handler) throws IOException {
            Files.deleteIfExists(socket); // left by a crashed owner; we hold the lock, so it is not anyone's
            ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listening.bind(UnixDomainSocketAddress.of(socket));
            server = listening;
            Thread.ofPlatform().daemon(true).name("instance-server").start(() -> acceptLoop(listening, handler));
        }

        private void acceptLoop(ServerSocketChannel listening, InstanceHandler handler) {
            while (listening.isOpen()) {
                try {
                    SocketChannel client = listening.accept();
                    Thread.ofPlatform().daemon(true).name("instance-request").start(() -> serveOne(client, handler));
                } catch (IOException e) {
                    if (listening.isOpen()) {
                        LOG.warn("Instance socket stopped accepting", e);
                    }
                    return;
                }
            }
        }

        private void serveOne(SocketChannel client, InstanceHandler handler) {
            try (client; Watchdog watchdog = new Watchdog(client, ANSWER_DEADLINE)) {
                DataInputStream in = new DataInputStream(Channels.newInputStream(client));
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(client));
                if (!MAGIC.equals(in.readUTF())) {
                    return; // not one of ours
                }
                String kind = in.readUTF();
                Path cwd = Path.of(in.readUTF());
                int count = in.readInt();
                if (count < 0 || count > 10_000) {
                    return;
                }
                List<String> arguments = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    arguments.add(in.readUTF());
                }
                watchdog.disarm();
                if (kind.equals("activate")) {
                    Optional<String> refusal = handler.activate(arguments);
                    out.writeUTF(refusal.map(r -> "busy:" + r).orElse("ok"));
                    out.flush();
                } else if (kind.equals("command")) {
                    runForwarded(handler, arguments, cwd, out);
                }
            } catch (IOException e) {
                LOG.debug("Instance request dropped: {}", e.getMessage());
            }
        }

        private static void runForwarded(InstanceHandler handler, List<String> arguments, Path cwd,
                                         DataOutputStream out) throws IOException {
            FrameWriter stdout = new FrameWriter(out, OUT);
            FrameWriter stderr = new FrameWriter(out, ERR);
            Thread heartbeat = Thread.ofPlatform().daemon(true).name("instance-heartbeat").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(HEARTBEAT.toMillis());
                        synchronized (out) {
                            out.writeByte(BEAT);
                            out.flush();
                        }
                    } catch (InterruptedException | IOException e) {
                        return;
                    }
                }
            });
            int exit;
            try (PrintWriter o = new PrintWriter(stdout, true); PrintWriter e = new PrintWriter(stderr, true)) {
                exit = handler.runCommand(arguments, cwd, o, e);
            } finally {
                heartbeat.interrupt();
            }
            synchronized (out) {
                out.writeByte(EXIT);
                out.writeInt(exit);
                out.flush();
            }
        }

        @Override
        public void close() {
            try {
                ServerSocketChannel listening = server;
                if (listening != null) {
                    listening.close();
                    Files.deleteIfExists(socket);
                }
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.debug("Closing the instance lock: {}", e.getMessage());
            }
        }
    }

    /** Another process owns the data folder. */
    public static final class Remote implements Claim {

        private final Path socket;

        Remote(Path socket) {
            this.socket = socket;
        }

        /**
         * Asks the owner to bring its window forward.
         *
         * @return empty when it did, or the owner's reason for not doing it
         */
        public Optional<String> activate(List<String> arguments) throws IOException {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                 Watchdog watchdog = new Watchdog(channel, ANSWER_DEADLINE)) {
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
                sendRequest(out, "activate", arguments);
                String answer = new DataInputStream(Channels.newInputStream(channel)).readUTF();
                return answer.equals("ok") ? Optional.empty() : Optional.of(answer.substring(answer.indexOf(':') + 1));
            }
        }

        /** Runs a command in the owner, copying its output here; returns its exit code. */
        public int runCommand(List<String> arguments, Path workingDirectory, PrintWriter stdout, PrintWriter stderr)
                throws IOException {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                 Watchdog watchdog = new Watchdog(channel, IDLE_DEADLINE)) {
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
                sendRequest(out, "command", arguments, workingDirectory);
                DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
                while (true) {
                    byte frame = in.readByte();
                    watchdog.reset();
                    switch (frame) {
                        case OUT -> stdout.print(in.readUTF());
                        case ERR -> stderr.print(in.readUTF());
                        case BEAT -> { }
                        case EXIT -> {
                            stdout.flush();
                            stderr.flush();
                            return in.readInt();
                        }
                        default -> throw new IOException("unexpected answer from the running workstation");
                    }
                    stdout.flush();
                    stderr.flush();
                }
            }
        }

        private static void sendRequest(DataOutputStream out, String kind, List<String> arguments) throws IOException {
            sendRequest(out, kind, arguments, Path.of("").toAbsolutePath());
        }

        private static void sendRequest(DataOutputStream out, String kind, List<String> arguments, Path cwd)
                throws IOException {
            out.writeUTF(MAGIC);
            out.writeUTF(kind);
            out.writeUTF(cwd.toAbsolutePath().toString());
            out.writeInt(arguments.size());
            for (String argument : arguments) {
                out.writeUTF(argument);
            }
            out.flush();
        }
    }

    /** Sends written text as frames; a frame is at most 16 KB so that writeUTF's 64 KB limit is never hit. */
    private static final class FrameWriter extends Writer {
        private final DataOutputStream out;
        private final byte kind;

        FrameWriter(DataOutputStream out, byte kind) {
            this.out = out;
            this.kind = kind;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            for (int start = offset; start < offset + length; start += 16_384) {
                String chunk = new String(buffer, start, Math.min(16_384, offset + length - start));
                synchronized (out) {
                    out.writeByte(kind);
                    out.writeUTF(chunk);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (out) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Closes a channel whose peer stays silent past the deadline: every wait on the socket ends. */
    private static final class Watchdog implements AutoCloseable {
        private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        private final Thread thread;
        private volatile boolean armed = true;

        Watchdog(SocketChannel channel, Duration deadline) {
            thread = Thread.ofPlatform().daemon(true).name("instance-watchdog").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (armed && System.nanoTime() - lastActivity.get() > deadline.toNanos()) {
                        try {
                            channel.close();
                        } catch (IOException ignored) {
                            // closing is all we wanted
                        }
                        return;
                    }
                }
            });
        }

        void reset() {
            lastActivity.set(System.nanoTime());
        }

        void disarm() {
            armed = false;
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the running workstation", e);
        }
    }

}
