package fr.novaevo.workstation.app.cli.obd;

import fr.novaevo.workstation.app.cli.VersionInfo;
import picocli.CommandLine.Command;

/** {@code workstation obd ...}: vehicle diagnostics through an OBD-II adapter, or the virtual vehicle. */
@Command(name = "obd", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"OBD-II vehicle diagnostics through an adapter, or the virtual vehicle (sim).",
            "Adapters: ELM327 and compatibles over USB, Bluetooth serial or Wi-Fi."},
        subcommands = {ObdPortsCommand.class, ObdScanCommand.class, ObdWatchCommand.class, ObdClearCommand.class},
        footer = {"", "Exit codes: 0 success, 2 usage error, 3 the port cannot be opened or no adapter answers, "
            + "4 the adapter answers but the vehicle does not (ignition off?), 5 any other protocol error."})
public final class ObdCommand {
}
