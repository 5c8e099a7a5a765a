package fr.novaevo.workstation.app.instance;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A first launch in a separate process, for {@link SingleInstanceTest}. */
public final class InstanceOwnerProcess {

    private InstanceOwnerProcess() {
    }

    public static void main(String[] args) throws Exception {
        SingleInstance.Owner owner = (SingleInstance.Owner) SingleInstance.claim(Path.of(args[0]));
        owner.serve(new InstanceHandler() {
            @Override
            public Optional<String> activate(List<String> arguments) {
                say("ACTIVATED");
                return Optional.empty();
            }

            @Override
            public int runCommand(List<String> arguments, Path cwd, PrintWriter out, PrintWriter err) {
                return 0;
            }
        });
        say("SERVING");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
