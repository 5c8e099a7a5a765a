package fr.novaevo.workstation.app.cli.obd;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import fr.novaevo.workstation.app.MainRunner;

/** Runs {@code workstation ...} as a user types it, on a data folder of the test's own. */
final class ObdCli {

    record Result(int exit, String out, String err) {
    }

    private final Path dir;

    ObdCli(Path dir) {
        this.dir = dir;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString(),
                "--config-dir", dir.resolve("config").toString()));
        all.addAll(List.of(args));
        int exit = MainRunner.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }
}
