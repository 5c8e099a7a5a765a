package fr.novaevo.workstation.app;

import java.io.PrintWriter;
import java.time.Clock;

/** Lets tests in other packages run the real entry point with their own console. */
public final class MainRunner {

    private MainRunner() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.run(args, out, err, Clock.systemDefaultZone());
    }
}
