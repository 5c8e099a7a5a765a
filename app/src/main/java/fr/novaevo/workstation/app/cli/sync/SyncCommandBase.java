package fr.novaevo.workstation.app.cli.sync;

import java.io.PrintWriter;
import fr.novaevo.workstation.app.bootstrap.AppPaths;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.WorkstationCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What the {@code sync}, {@code bookings} and {@code commissions} commands share: the root options (so
 * {@code --data-dir} picks the workstation), the services, and the console they write to. Commands write
 * with {@link #out()}, never {@code System.out}: they may run inside the window's process and stream back.
 */
abstract class SyncCommandBase {

    @Spec
    CommandSpec spec;

    protected final CliContext context;

    SyncCommandBase(CliContext context) {
        this.context = context;
    }

    LaunchOptions options() {
        return ((WorkstationCommand) spec.root().userObject()).launchOptions(AppPaths.forCurrentUser());
    }

    Workstation workstation() {
        return context.workstation(options());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
