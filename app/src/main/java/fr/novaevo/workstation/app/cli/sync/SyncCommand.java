package fr.novaevo.workstation.app.cli.sync;

import fr.novaevo.workstation.app.bootstrap.platform.PlatformCredentials;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformConnection;
import fr.novaevo.workstation.app.bootstrap.platform.PlatformSession;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.CommandBase;
import fr.novaevo.workstation.app.cli.VersionInfo;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.core.jobs.CancelledException;
import fr.novaevo.workstation.core.jobs.JobContext;
import fr.novaevo.workstation.sync.SyncModule;
import fr.novaevo.workstation.sync.client.PlatformUrls;
import fr.novaevo.workstation.sync.engine.CycleReport;
import fr.novaevo.workstation.sync.engine.SyncStatus;
import fr.novaevo.workstation.sync.error.SignInRequiredException;
import fr.novaevo.workstation.sync.store.DeadLetter;
import fr.novaevo.workstation.sync.store.SyncLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code workstation sync}: pushes the local changes to the platform, then pulls the platform's. One cycle
 * with {@code --once}; otherwise the background schedule runs until Ctrl-C.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class, sortOptions = false,
        description = {"Synchronise bookings and commissions with the NovaEvo platform: push the local changes, "
            + "then pull the platform's. Prints pushed, applied, duplicates, conflicts, rejected, pulled.",
            "Without --once, keeps synchronising every --interval (with backoff after a failure) until Ctrl-C.",
            "--server, --garage and the API key default to the ones saved in the settings."})
public final class SyncCommand extends CommandBase implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL",
            description = "Platform API, e.g. https://api.novaevo.fr/v1 (plain http only for this computer).")
    String server;

    @Option(names = "--garage", paramLabel = "ID", description = "The garage's id on the platform, e.g. g-123.")
    String garage;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "File holding the garage's API key (the key is never written to the data folder).")
    Path apiKeyFile;

    @Option(names = "--once", description = "One cycle, then exit.")
    boolean once;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "Without --once: time between two cycles (default ${DEFAULT-VALUE} s).")
    long intervalSeconds;

    @Option(names = "--json", description = "JSON output (one object per cycle).")
    boolean json;

    SyncCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1 || intervalSeconds > 86_400) {
            throw usage("--interval must be 1 to 86400 seconds, not " + intervalSeconds);
        }
        // An explicit URL and key file are checked before the data folder is opened: a typo, a missing file
        // or plain http to another computer changes nothing.
        if (server != null) {
            PlatformUrls.requireAllowed(parseUrl(server.strip()));
        }
        String fileKey = apiKeyFile == null ? null : readApiKey(context.resolve(apiKeyFile));
        Workstation workstation = workstation();
        String url = Optional.ofNullable(server).map(String::strip)
                .or(() -> workstation.settings().get(PlatformSettings.URL))
                .orElseThrow(() -> usage("--server is required (no platform address in the settings)"));
        URI base = parseUrl(url);
        PlatformUrls.requireAllowed(base);
        String garageId = Optional.ofNullable(garage).map(String::strip)
                .or(() -> workstation.settings().get(PlatformSettings.GARAGE))
                .orElseThrow(() -> usage("--garage is required (no garage id in the settings)"));
        if (garageId.isEmpty()) {
            throw usage("--garage must not be empty");
        }
        Optional<PlatformConnection> window = PlatformAccess.windowSession(context, workstation);
        if (window.isPresent()) {
            return throughWindow(window.get(), workstation, base, garageId);
        }
        String apiKey = fileKey != null ? fileKey : savedApiKey(workstation);

        PlatformAccess.LocalStore store = PlatformAccess.local(context, workstation);
        PlatformAccess.requireSameGarage(workstation.settings(), store, garageId);
        // Remembered once a cycle has succeeded, so that a mistyped address is not kept.
        Runnable remember = () -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put(PlatformSettings.URL, base.toString());
            values.put(PlatformSettings.GARAGE, garageId);
            workstation.settings().putAll(values);
        };

        PlatformCredentials credentials = PlatformCredentials.withKey(workstation.secrets(), base.toString(),
                garageId, apiKey);
        try (SyncModule module = PlatformAccess.module(workstation, base, garageId, credentials,
                Duration.ofSeconds(intervalSeconds))) {
            return once ? runOnce(module, store, garageId, remember)
                    : runUntilStopped(module, store, garageId, remember);
        }
    }

    /**
     * Typed while the window is open and syncing: one cycle through the window's own session (a second
     * scheduler on the same store would only race it), which then shows the outcome at once.
     */
    private int throughWindow(PlatformConnection window, Workstation workstation, URI base, String garageId)
            throws CancelledException {
        PlatformSession.Target target = PlatformSession.Target.of(workstation.settings());
        if (!target.url().equals(base.toString()) || !target.garageId().equals(garageId)) {
            throw new WorkstationException("SYNC-CLI-WINDOW-OTHER-PLATFORM", "the open window synchronises garage "
                    + target.garageId() + " with " + target.url() + ": change Paramètres or close the window first",
                    target.url(), target.garageId());
        }
        if (!once) {
            throw new WorkstationException("SYNC-CLI-WINDOW-SYNCS", "the open window already synchronises garage "
                    + garageId + " on its schedule: use --once for one cycle now", garageId);
        }
        if (apiKeyFile != null && !json) {
            out().println("Through the open window's session, with the API key saved in Paramètres");
        }
        PlatformAccess.LocalStore store = PlatformAccess.local(context, workstation);
        try {
            return runOnce(window.await().module(), store, garageId, () -> { });
        } finally {
            store.changed().run();
        }
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new WorkstationException("SYNC-CLI-URL", "not a platform URL: " + url
                        + " (expected for example https://api.novaevo.fr/v1)", url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new WorkstationException("SYNC-CLI-URL", "not a platform URL: " + url
                    + " (expected for example https://api.novaevo.fr/v1)", e, url);
        }
    }

    private static String readApiKey(Path file) {
        String key;
        try {
            key = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new WorkstationException("SYNC-CLI-API-KEY-FILE", "cannot read the API key file " + file, e, file);
        }
        if (key.isEmpty() || key.contains("\n")) {
            throw new WorkstationException("SYNC-CLI-API-KEY-FILE", "the API key file " + file
                    + " must hold the key alone on one line", file);
        }
        return key;
    }

    private String savedApiKey(Workstation workstation) {
        char[] chars = workstation.secrets().get(PlatformSettings.API_KEY_SECRET)
                .orElseThrow(() -> usage("--api-key-file is required (no API key in the settings)"));
        String key = new String(chars).strip();
        java.util.Arrays.fill(chars, '\0');
        return key;
    }

    // ------------------------------------------------------------ one cycle

    private int runOnce(SyncModule module, PlatformAccess.LocalStore store, String garageId, Runnable remember)
            throws CancelledException {
        Instant started = context.clock().instant();
        CycleReport report;
        try {
            report = module.engine().runCycle(new JobContext() {
                @Override
                public void progress(long done, long total, String step) {
                    // One cycle of the command line prints its outcome only.
                }

                @Override
                public boolean isCancelled() {
                    return Thread.currentThread().isInterrupted();
                }
            });
        } catch (SignInRequiredException e) {
            throw signInRefused(e, garageId);
        }
        remember.run();
        print(report, store, started, false);
        return 0;
    }

    private WorkstationException signInRefused(SignInRequiredException e, String garageId) {
        return new WorkstationException(e.code(), "the platform refused the API key of garage " + garageId
                + " (" + e.getMessage() + "): check --api-key-file", e, garageId);
    }

    /** @param stream one compact JSON object per line (the mode that keeps syncing), else indented */
    private void print(CycleReport report, PlatformAccess.LocalStore store, Instant since, boolean stream) {
        SyncLedger.Counts counts = store.ledger().counts();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("pushed", report.pushed());
            result.put("applied", report.applied());
            result.put("duplicates", report.duplicates());
            result.put("conflicts", report.conflicts());
            result.put("rejected", report.rejected());
            result.put("pulled", report.pulled());
            result.put("resynced", report.resynced());
            result.put("pending", counts.pendingOperations());
            result.put("conflictedBookings", counts.conflictedBookings());
            result.put("deadLetters", counts.deadLetters());
            out().println(stream ? CliJson.writeLine(result) : CliJson.write(result));
            out().flush();
            return;
        }
        out().printf("pushed %d, applied %d, duplicates %d, conflicts %d, rejected %d, pulled %d%s%n",
                report.pushed(), report.applied(), report.duplicates(), report.conflicts(), report.rejected(),
                report.pulled(), report.resynced() ? " (full resync: the platform's cursor had expired)" : "");
        if (report.rejected() > 0) {
            List<DeadLetter> rejected = store.deadLetters().all().stream()
                    .filter(d -> !d.createdAt().isBefore(since)).toList();
            for (DeadLetter d : rejected) {
                out().printf("  rejected: %s %s %s: %s%s%n", d.type().name().toLowerCase(Locale.ROOT),
                        d.op().name().toLowerCase(Locale.ROOT), d.entityId(), d.errorCode(),
                        d.errorMessage() == null || d.errorMessage().isBlank() ? "" : " (" + d.errorMessage() + ")");
            }
        }
        if (counts.pendingOperations() > 0) {
            out().printf("%d changes still waiting to be sent%n", counts.pendingOperations());
        }
        if (counts.conflictedBookings() > 0) {
            out().printf("%d bookings in conflict: the same field changed here and on the platform, choose in the"
                    + " window%n", counts.conflictedBookings());
        }
        if (counts.deadLetters() > 0) {
            out().printf("%d operations in the dead-letter list: they are not sent again until you act%n",
                    counts.deadLetters());
        }
        out().flush();
    }

    // ------------------------------------------------------------ until stopped

    private int runUntilStopped(SyncModule module, PlatformAccess.LocalStore store, String garageId,
                                Runnable remember) throws InterruptedException {
        CompletableFuture<Integer> stopped = new CompletableFuture<>();
        Instant[] cycleStart = {context.clock().instant()};
        boolean[] remembered = {false};
        // Listeners run on the scheduler's one thread, one after the other.
        module.scheduler().addReportListener(report -> {
            if (!remembered[0]) {
                remember.run();
                remembered[0] = true;
            }
            print(report, store, cycleStart[0], true);
            cycleStart[0] = context.clock().instant();
        });
        SyncStatus.Kind[] lastKind = {null};
        module.scheduler().addListener(status -> {
            switch (status.kind()) {
                case SIGN_IN_REQUIRED -> stopped.completeExceptionally(new WorkstationException(
                        "SYNC-SIGN-IN-REQUIRED", "the platform refused the API key of garage " + garageId
                        + ": check --api-key-file", garageId));
                case UPDATE_REQUIRED -> stopped.completeExceptionally(new WorkstationException(
                        "SYNC-UPDATE-REQUIRED", "the platform refuses this version of the workstation: update it"));
                case OFFLINE -> {
                    long retryIn = status.retryIn() == null ? 0 : status.retryIn().toSeconds();
                    if (json) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("status", "offline");
                        line.put("errorCode", status.errorCode());
                        line.put("retryInSeconds", retryIn);
                        out().println(CliJson.writeLine(line));
                    } else {
                        out().printf("offline (%s): next try in %d s%n", status.errorCode(), retryIn);
                    }
                }
                default -> {
                    if (lastKind[0] == SyncStatus.Kind.OFFLINE && !json) {
                        out().println("back online");
                    }
                }
            }
            lastKind[0] = status.kind();
            out().flush();
        });
        // Ctrl-C ends the JVM: stop the schedule first, so that no cycle is cut in the middle of a write.
        Thread hook = new Thread(() -> {
            module.scheduler().close();
            stopped.complete(0);
        }, "sync-cli-stop");
        boolean hooked = addShutdownHook(hook);
        if (!json) {
            out().printf("Synchronising garage %s every %d s; Ctrl-C to stop%n", garageId, intervalSeconds);
            out().flush();
        }
        module.scheduler().start();
        try {
            return stopped.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // The thread running the command was asked to stop: that is this command's way to end (like
            // Ctrl-C), so the request is consumed here and the module and database close normally.
            return 0;
        } finally {
            if (hooked) {
                removeShutdownHook(hook);
            }
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false; // already shutting down
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs anyway
        }
    }
}
