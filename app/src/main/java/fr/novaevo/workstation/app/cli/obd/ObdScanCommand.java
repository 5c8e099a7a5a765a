package fr.novaevo.workstation.app.cli.obd;

import java.util.concurrent.Callable;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.session.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workstation obd scan}: everything a first look at a vehicle needs, in one go. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Report adapter, protocol, VIN, ECUs, MIL, fault codes, readiness and supported PIDs.",
            "Stored, pending and permanent codes come with their description. Reads only: nothing is changed in "
                    + "the vehicle."})
final class ObdScanCommand extends ObdCommandBase implements Callable<Integer> {

    @Mixin
    PortOptions port = new PortOptions();

    @Option(names = "--json", description = "JSON output (keys: adapter, protocol, vin, ecus, mil, dtcs, readiness, "
            + "supportedPids).")
    boolean json;

    ObdScanCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        ScanResult scan;
        String portName;
        try (ObdSession session = connect(port)) {
            portName = session.portName();
            scan = session.scan();
        }
        if (json) {
            out().println(ObdJson.pretty(scan.toMap()));
        } else {
            ScanReport.lines(scan, portName, locale()).forEach(out()::println);
        }
        out().flush();
        return 0;
    }
}
