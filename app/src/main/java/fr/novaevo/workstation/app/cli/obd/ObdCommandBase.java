package fr.novaevo.workstation.app.cli.obd;

import java.io.PrintWriter;
import java.util.Locale;
import fr.novaevo.workstation.app.bootstrap.AppPaths;
import fr.novaevo.workstation.app.bootstrap.LaunchOptions;
import fr.novaevo.workstation.app.bootstrap.Workstation;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.app.cli.CommandBase;
import fr.novaevo.workstation.app.cli.WorkstationCommand;
import fr.novaevo.workstation.obd.session.ObdConnector;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.transport.PortName;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What every {@code workstation obd} command shares: the root options, the services, the console. */
abstract class ObdCommandBase extends CommandBase {

    ObdCommandBase(CliContext context) {
        super(context);
    }

    /** {@code --port} and {@code --baud}, for the commands that talk to a vehicle. */
    static final class PortOptions {
        @Option(names = "--port", required = true, paramLabel = "PORT",
                description = "Adapter: /dev/ttyUSB0, COM3, tcp:HOST:PORT (Wi-Fi, default 192.168.0.10:35000), "
                        + "or sim / sim:SCENARIO for the virtual vehicle.")
        String port;

        @Option(names = "--baud", paramLabel = "N",
                description = "Serial speed. Default: found automatically (38400, 115200, 9600, 230400, 500000...).")
        Integer baud;
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Fault code descriptions follow {@code --lang}; English otherwise, like the rest of the command line. */
    Locale locale() {
        return options().language().map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }

    /**
     * Checks the port name and the speed before anything is opened (a typo changes nothing), then connects:
     * opens the port, sets the adapter up and wakes the vehicle.
     */
    ObdSession connect(PortOptions port) {
        PortName name = PortName.parse(port.port);
        if (port.baud != null && port.baud <= 0) {
            throw usage("--baud must be a positive number of bits per second, not " + port.baud);
        }
        int baud = port.baud == null ? ObdConnector.AUTO_BAUD : port.baud;
        return workstation().obdConnector(locale()).connect(name.text(), baud);
    }
}
