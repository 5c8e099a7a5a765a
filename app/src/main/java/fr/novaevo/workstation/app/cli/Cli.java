package fr.novaevo.workstation.app.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import fr.novaevo.workstation.app.cli.obd.ObdExitCodes;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.obd.ObdException;
import picocli.CommandLine;

/** Builds the command line: our commands get their {@link CliContext}; errors become one readable line. */
public final class Cli {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private Cli() {
    }

    public static CommandLine create(WorkstationCommand root, CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(root, new Factory(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            report(exception, root.debug(), commandLine.getErr());
            return exitCode(exception);
        });
        cli.setParameterExceptionHandler((exception, args) -> {
            exception.getCommandLine().getErr().println("workstation: " + exception.getMessage());
            exception.getCommandLine().getErr().println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return EXIT_USAGE;
        });
        return cli;
    }

    /** Vehicle communication failures have their own codes (3, 4, 5: see {@link ObdExitCodes}); the rest is 1. */
    public static int exitCode(Throwable exception) {
        return exception instanceof ObdException obd ? ObdExitCodes.of(obd) : EXIT_FAILED;
    }

    /** One human line, with the stable code a user can quote; the stack trace only with {@code --debug}. */
    public static void report(Throwable exception, boolean debug, PrintWriter err) {
        if (exception instanceof WorkstationException w) {
            err.println("workstation: [" + w.code() + "] " + w.getMessage());
        } else {
            err.println("workstation: " + describe(exception) + " (run again with --debug for details)");
        }
        if (debug) {
            exception.printStackTrace(err);
        }
        err.flush();
    }

    private static String describe(Throwable exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
    }

    /** Creates command objects, giving those that ask for it the {@link CliContext}. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
