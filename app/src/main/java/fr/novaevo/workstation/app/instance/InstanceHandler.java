package fr.novaevo.workstation.app.instance;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** What the running instance does with a later launch's request. */
public interface InstanceHandler {

    /**
     * A second launch of the GUI: bring the window forward.
     *
     * @return empty when done, or the reason the request cannot be served (for example: this instance is a
     *         command-line run without a window)
     */
    java.util.Optional<String> activate(List<String> arguments);

    /** A command-line run while this instance owns the data: run it here, writing to the caller's console. */
    int runCommand(List<String> arguments, Path workingDirectory, PrintWriter out, PrintWriter err);
}
