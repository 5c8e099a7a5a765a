package fr.novaevo.workstation.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import fr.novaevo.workstation.app.bootstrap.AppPaths;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.LoggingSetup;
import fr.novaevo.workstation.app.cli.Cli;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.WorkstationCommand;
import fr.novaevo.workstation.app.instance.InstanceHandler;
import fr.novaevo.workstation.app.instance.SingleInstance;
import fr.novaevo.workstation.app.ui.GuiLauncher;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of {@code ./workstation}: no command opens the window, a command runs the command line. Either
 * way one process owns a data folder; a later launch hands its arguments to it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, Clock.systemDefaultZone()));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        WorkstationCommand root = new WorkstationCommand();
        try (CliContext context = CliContext.standalone(clock)) {
            CommandLine cli = Cli.create(root, context, out, err);
            ParseResult parsed;
            try {
                parsed = cli.parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                return cli.execute(args); // parses again and reports the usage error the usual way
            }
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            Optional<String> badLanguage = root.invalidLanguage();
            if (badLanguage.isPresent()) {
                err.println("workstation: unknown language '" + badLanguage.get() + "' (fr or en)");
                return Cli.EXIT_USAGE;
            }
            boolean gui = !parsed.hasSubcommand();
            LaunchOptions options = root.launchOptions(AppPaths.forCurrentUser());
            return gui ? openWindow(options, args, err, clock) : runCommand(cli, options, args, out, err);
        } catch (RuntimeException e) {
            Cli.report(e, root.debug(), err);
            return Cli.EXIT_FAILED;
        }
    }

    private static int openWindow(LaunchOptions options, String[] args, PrintWriter err, Clock clock) {
        SingleInstance.Claim claim;
        try {
            claim = SingleInstance.claim(options.dataDirectory());
        } catch (IOException e) {
            Cli.report(e, options.debug(), err);
            return Cli.EXIT_FAILED;
        }
        if (claim instanceof SingleInstance.Remote remote) {
            try {
                Optional<String> refusal = remote.activate(List.of(args));
                if (refusal.isPresent()) {
                    err.println("workstation: " + refusal.get());
                    return Cli.EXIT_FAILED;
                }
                return 0; // the running window came forward
            } catch (IOException e) {
                Cli.report(e, options.debug(), err);
                return Cli.EXIT_FAILED;
            }
        }
        try (SingleInstance.Owner owner = (SingleInstance.Owner) claim) {
            Path logFile = LoggingSetup.start(options.dataDirectory().resolve("logs"), options.debug());
            return GuiLauncher.run(options, owner, logFile, clock);
        }
    }

    private static int runCommand(CommandLine cli, LaunchOptions options, String[] args, PrintWriter out,
                                  PrintWriter err) {
        SingleInstance.Claim claim;
        try {
            claim = SingleInstance.claim(options.dataDirectory());
        } catch (IOException e) {
            Cli.report(e, options.debug(), err);
            return Cli.EXIT_FAILED;
        }
        if (claim instanceof SingleInstance.Remote remote) {
            try {
                return remote.runCommand(List.of(args), Path.of("").toAbsolutePath(), out, err);
            } catch (IOException e) {
                Cli.report(e, options.debug(), err);
                return Cli.EXIT_FAILED;
            }
        }
        try (SingleInstance.Owner owner = (SingleInstance.Owner) claim) {
            owner.serve(new BusyHandler());
            LoggingSetup.start(options.dataDirectory().resolve("logs"), options.debug());
            return cli.execute(args);
        } catch (IOException e) {
            Cli.report(e, options.debug(), err);
            return Cli.EXIT_FAILED;
        }
    }

    /** While a terminal command owns the data folder, later launches are told to wait. */
    private static final class BusyHandler implements InstanceHandler {
        @Override
        public Optional<String> activate(List<String> arguments) {
            return Optional.of("a workstation command is running on this data folder (process "
                    + ProcessHandle.current().pid() + "); try again when it has finished");
        }

        @Override
        public int runCommand(List<String> arguments, Path workingDirectory, PrintWriter out, PrintWriter err) {
            err.println("workstation: another workstation command is running on this data folder (process "
                    + ProcessHandle.current().pid() + "); try again when it has finished");
            return Cli.EXIT_FAILED;
        }
    }
}
