package fr.novaevo.workstation.app.cli.obd;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.session.LivePoller;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.session.PollSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workstation obd watch}: streams decoded live values until a limit or Ctrl-C. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Stream decoded live values until a limit or Ctrl-C.",
            "Reads the chosen PIDs over and over, as fast as the vehicle answers, and prints each sample as it "
                    + "comes. At the end, prints 'samples=<n> seconds=<s> rate=<r>/s' on stderr. Without --samples "
                    + "or --seconds, runs until Ctrl-C."})
final class ObdWatchCommand extends ObdCommandBase implements Callable<Integer> {

    /** Failed passes in a row that mean the adapter is gone (about 3 s with the default deadlines). */
    private static final int MAX_CONSECUTIVE_FAILURES = 5;
    /** How long Ctrl-C waits for the pass under way and the summary line. */
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    @Mixin
    PortOptions port = new PortOptions();

    @Option(names = "--pids", required = true, split = ",", paramLabel = "PID",
            description = "Mode 01 PIDs in hexadecimal, comma separated, e.g. 0C,0D,05 (rpm, speed, coolant).")
    List<String> pids;

    @ArgGroup(exclusive = true)
    Stop limit;

    static final class Stop {
        @Option(names = "--samples", paramLabel = "N", required = true, description = "Stop after N samples.")
        Long samples;

        @Option(names = "--seconds", paramLabel = "S", required = true,
                description = "Stop after S seconds (decimals allowed).")
        Double seconds;
    }

    @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv",
            description = "csv (one column per PID and ECU, header first) or jsonl (one JSON object per sample). "
                    + "Default: ${DEFAULT-VALUE}.")
    LiveOutput.Format format;

    ObdWatchCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        PidCatalog catalog = new PidCatalog();
        List<Integer> wanted = parsePids(catalog);
        LivePoller.Limit stopAt = limit();
        PrintWriter out = out();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: stop after the pass under way, print the summary, close the port, then let the JVM end.
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "obd-watch-stop");
        boolean hooked = false;
        try (ObdSession session = connect(port)) {
            List<LiveOutput.Column> columns = columns(session.live().discoverSupportedPids(), wanted);
            LiveOutput output = LiveOutput.of(format, columns, catalog);
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
            PollSummary summary = new LivePoller(context.clock(), MAX_CONSECUTIVE_FAILURES).run(session.live(),
                    wanted, stopAt, sample -> {
                        output.lines(sample).forEach(out::println);
                        // checkError flushes; an error means the reader went away (a closed pipe).
                        if (out.checkError()) {
                            stop.set(true);
                        }
                    }, () -> stop.get() || Thread.currentThread().isInterrupted());
            err().println(summary.line());
            err().flush();
        } finally {
            finished.countDown();
            if (hooked) {
                removeHook(hook);
            }
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and waits for us; nothing to remove.
        }
    }

    private LivePoller.Limit limit() {
        if (limit == null) {
            return LivePoller.Limit.none();
        }
        if (limit.samples != null) {
            if (limit.samples <= 0) {
                throw usage("--samples must be at least 1, not " + limit.samples);
            }
            return LivePoller.Limit.samples(limit.samples);
        }
        if (!(limit.seconds > 0) || limit.seconds > 366 * 24 * 3600) {
            throw usage("--seconds must be a positive number of seconds, not " + limit.seconds);
        }
        return LivePoller.Limit.duration(Duration.ofNanos(Math.round(limit.seconds * 1e9)));
    }

    /** "0C,0d, 5" → 0x0C, 0x0D, 0x05; a PID outside the standard catalogue is a usage error. */
    private List<Integer> parsePids(PidCatalog catalog) {
        List<Integer> out = new ArrayList<>();
        for (String raw : pids) {
            String text = raw.strip();
            if (!text.matches("(?i)(0x)?[0-9a-f]{1,2}")) {
                throw usage("--pids: '" + raw + "' is not a PID in hexadecimal (such as 0C)");
            }
            int pid = Integer.parseInt(text.replaceFirst("(?i)^0x", ""), 16);
            if (PidCatalog.isSupportBitmap(pid) || catalog.find(pid).isEmpty()) {
                throw usage(String.format("--pids: %02X is not a standard mode 01 value PID", pid));
            }
            if (!out.contains(pid)) {
                out.add(pid);
            }
        }
        return out;
    }

    /**
     * One column per watched PID and ECU that supports it, in the order asked and then by ECU. A PID no ECU
     * supports is refused now rather than failing every pass.
     */
    private List<LiveOutput.Column> columns(Map<String, SortedSet<Integer>> supported, List<Integer> wanted) {
        Map<String, SortedSet<Integer>> byEcu = new TreeMap<>(supported);
        List<LiveOutput.Column> columns = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int pid : wanted) {
            List<String> ecus = byEcu.entrySet().stream().filter(e -> e.getValue().contains(pid))
                    .map(Map.Entry::getKey).toList();
            if (ecus.isEmpty()) {
                missing.add(pid);
            }
            ecus.forEach(ecu -> columns.add(new LiveOutput.Column(ecu, pid)));
        }
        if (!missing.isEmpty()) {
            String all = byEcu.values().stream().flatMap(SortedSet::stream).distinct().sorted()
                    .filter(p -> !PidCatalog.isSupportBitmap(p)).map(p -> String.format("%02X", p))
                    .collect(Collectors.joining(","));
            throw usage("--pids: this vehicle does not support " + missing.stream().map(p -> String.format("%02X", p))
                    .collect(Collectors.joining(",")) + " (supported: " + all + ")");
        }
        return columns;
    }
}
