package fr.novaevo.workstation.app.cli;

import java.io.PrintWriter;
import fr.novaevo.workstation.app.bootstrap.AppPaths;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the root options (so {@code --data-dir} picks the workstation), the services, and
 * the console it writes to. Commands write with {@link #out()}, never {@code System.out}: they may run inside the
 * window's process and stream back to the terminal that typed them.
 */
public abstract class CommandBase {

    @Spec
    protected CommandSpec spec;

    protected final CliContext context;

    protected CommandBase(CliContext context) {
        this.context = context;
    }

    protected LaunchOptions options() {
        return ((WorkstationCommand) spec.root().userObject()).launchOptions(AppPaths.forCurrentUser());
    }

    protected Workstation workstation() {
        return context.workstation(options());
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** A usage error (exit code 2), reported like picocli's own. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
