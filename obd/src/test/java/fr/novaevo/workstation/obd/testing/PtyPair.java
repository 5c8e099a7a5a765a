package fr.novaevo.workstation.obd.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real pseudo-terminal pair made by socat: what one end writes, the other reads, like a null-modem cable. */
public final class PtyPair implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process socat;
    private final String first;
    private final String second;

    private PtyPair(Process socat, String first, String second) {
        this.socat = socat;
        this.first = first;
        this.second = second;
    }

    public static PtyPair open() throws IOException {
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        List<String> ptys = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String line;
        while (ptys.size() < 2 && System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                ptys.add(m.group(1));
            }
        }
        if (ptys.size() < 2) {
            p.destroyForcibly();
            throw new IOException("socat did not report two ptys");
        }
        // Keep draining socat's log so that it never blocks on a full pipe ("starting data transfer loop").
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // socat ended
            }
        }, "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        return new PtyPair(p, ptys.get(0), ptys.get(1));
    }

    public String first() {
        return first;
    }

    public String second() {
        return second;
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
    }
}
