package fr.novaevo.workstation.obd.sim;

import fr.novaevo.workstation.obd.elm.Elm327;
import fr.novaevo.workstation.obd.elm.ElmSettings;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.service.LiveDataService;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.testing.PtyPair;
import fr.novaevo.workstation.obd.transport.SerialTransport;
import fr.novaevo.workstation.obd.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark of issue 3 with fixed inputs, against the virtual vehicle over a pty at 38400 baud with a 30 ms
 * ECU latency. Not a test: run it by hand and copy its lines to docs/benchmarks.md.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) fr.novaevo.workstation.obd.sim.SimBench</pre>
 */
public final class SimBench {

    private static final List<Integer> SIX = List.of(0x0C, 0x0D, 0x05, 0x04, 0x11, 0x10);

    private SimBench() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorSettings realistic = SimulatorSettings.realistic();
        report("connect to first value (incl. " + realistic.resetDelay().toMillis() + " ms reset)",
                connectToFirstValue(realistic), "ms");
        try (Setup s = Setup.open(realistic)) {
            LiveDataService live = new LiveDataService(s.elm, new PidCatalog());
            live.discoverSupportedPids();
            int n = 40;
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                live.read(SIX);
            }
            double multi = n / ((System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                for (int pid : SIX) {
                    live.read(List.of(pid));
                }
            }
            double single = n / ((System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                for (int pid : SIX) {
                    s.elm.query(String.format("01%02X", pid), 0);
                }
            }
            double naive = n / ((System.nanoTime() - t) / 1e9);
            report("6 PIDs, multi-PID requests", multi, "samples/s");
            report("6 PIDs, one PID per request with response count", single, "samples/s");
            report("6 PIDs, one PID per request without response count (python-OBD style)", naive, "samples/s");
        }
        try (Setup s = Setup.open(SimulatorSettings.instant())) {
            LiveDataService live = new LiveDataService(s.elm, new PidCatalog());
            live.discoverSupportedPids();
            int n = 300;
            double raw = 0;
            double ours = 0;
            for (int round = 0; round < 3; round++) {
                long t = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    rawRoundTrip(s.elm.transport(), "010C1\r");
                }
                raw += (System.nanoTime() - t) / 1e6 / n;
                t = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    live.read(List.of(0x0C));
                }
                ours += (System.nanoTime() - t) / 1e6 / n;
            }
            report("raw round trip 010C (no latency)", raw / 3, "ms");
            report("LiveDataService.read(0C) (no latency)", ours / 3, "ms");
            report("our overhead per request", ours / 3 - raw / 3, "ms");
        }
    }

    private static double connectToFirstValue(SimulatorSettings settings) throws Exception {
        try (PtyPair pty = PtyPair.open();
                SerialDeviceServer server = SerialDeviceServer.start(SerialTransport.open(pty.second(), 38400),
                        new Elm327Emulator(new VirtualVehicles(Clock.systemUTC()).demo(), settings,
                                new FaultInjector()))) {
            long t = System.nanoTime();
            try (Elm327 elm = new Elm327(SerialTransport.open(pty.first(), 38400), ElmSettings.defaults())) {
                elm.initialize();
                elm.connectVehicle(ObdProtocol.AUTO);
                new LiveDataService(elm, new PidCatalog()).read(List.of(0x0C));
                return (System.nanoTime() - t) / 1e6;
            }
        }
    }

    private static void rawRoundTrip(Transport t, String command) {
        t.write(command.getBytes(StandardCharsets.US_ASCII));
        byte[] buf = new byte[256];
        while (true) {
            int n = t.read(buf, Duration.ofSeconds(2));
            if (n == 0) {
                throw new IllegalStateException("no answer");
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '>') {
                    return;
                }
            }
        }
    }

    private static void report(String what, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "%-75s %10.2f %s", what, value, unit));
    }

    private record Setup(PtyPair pty, SerialDeviceServer server, Elm327 elm) implements AutoCloseable {

        static Setup open(SimulatorSettings settings) throws Exception {
            PtyPair pty = PtyPair.open();
            SerialDeviceServer server = SerialDeviceServer.start(SerialTransport.open(pty.second(), 38400),
                    new Elm327Emulator(new VirtualVehicles(Clock.systemUTC()).demo(), settings, new FaultInjector()));
            Elm327 elm = new Elm327(SerialTransport.open(pty.first(), 38400), ElmSettings.defaults());
            elm.initialize();
            elm.connectVehicle(ObdProtocol.AUTO);
            return new Setup(pty, server, elm);
        }

        @Override
        public void close() throws Exception {
            elm.close();
            server.close();
            pty.close();
        }
    }
}
