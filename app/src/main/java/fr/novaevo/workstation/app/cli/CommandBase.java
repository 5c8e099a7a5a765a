package fr.novaevo.workstation.app.cli;

import java.io.PrintWriter;
import fr.novaevo.workstation.app.bootstrap.AppPaths;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the root options, the services, and the console it writes to. */
abstract class CommandBase {

    @Spec
    CommandSpec spec;

    protected final CliContext context;

    CommandBase(CliContext context) {
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
}
