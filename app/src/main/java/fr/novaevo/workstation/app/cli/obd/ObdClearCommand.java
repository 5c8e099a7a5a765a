package fr.novaevo.workstation.app.cli.obd;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.obd.service.ClearConfirmation;
import fr.novaevo.workstation.obd.service.CodeKind;
import fr.novaevo.workstation.obd.service.DiagnosticTroubleCode;
import fr.novaevo.workstation.obd.service.EcuCode;
import fr.novaevo.workstation.obd.session.ObdSession;
import fr.novaevo.workstation.obd.session.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workstation obd clear --yes}: clears the fault codes (mode 04), journalled. */
@Command(name = "clear", mixinStandardHelpOptions = true,
        description = {"Clear the fault codes (mode 04), with the ignition on and the engine off.",
            "Erases stored and pending codes, freeze frames and the readiness monitors, which the vehicle must "
                    + "complete again by driving. Permanent codes stay until the ECU sees the fault repaired. "
                    + "Written to the audit journal with the codes that were present."})
final class ObdClearCommand extends ObdCommandBase implements Callable<Integer> {

    static final String ADVICE = "Clear codes with the ignition on and the engine off: many ECUs refuse or ignore "
            + "the request while the engine runs.";

    @Mixin
    PortOptions port = new PortOptions();

    @Option(names = "--yes", description = "Confirm: the ignition is on, the engine is off, and the codes may be "
            + "erased. Without it, nothing is changed.")
    boolean yes;

    ObdClearCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (!yes) {
            throw usage("clearing erases the fault codes, freeze frames and readiness: add --yes to confirm. "
                    + ADVICE);
        }
        PrintWriter out = out();
        try (ObdSession session = connect(port)) {
            String vin = session.vin().orElse("");
            List<Listed> before = read(session);
            List<EcuCode> shown = before.stream()
                    .map(l -> new EcuCode(l.code().ecu(), DiagnosticTroubleCode.parse(l.code().code())))
                    .distinct().toList();
            String vehicle = vin.isEmpty() ? "unknown VIN on " + session.portName() : vin;
            List<String> ecus = session.clearCodes(new ClearConfirmation(vehicle, shown, true));
            List<Listed> after = read(session);

            out.println(ADVICE);
            out.println("Vehicle:        " + (vin.isEmpty() ? "VIN not reported" : vin));
            out.println("Cleared by:     " + (ecus.isEmpty() ? "no ECU answered" : String.join(", ", ecus)));
            List<String> remaining = after.stream().map(Listed::key).toList();
            List<Listed> gone = before.stream().filter(b -> !remaining.contains(b.key())).toList();
            out.println("Codes cleared:  " + (gone.isEmpty() ? "none" : gone.size()));
            gone.forEach(l -> out.println("  " + l.line()));
            if (!after.isEmpty()) {
                out.println("Still present:  " + after.size());
                after.forEach(l -> out.println("  " + l.line()));
                if (after.stream().anyMatch(l -> l.kind() == CodeKind.PERMANENT)) {
                    out.println("Permanent codes are erased by the ECU itself once it has seen the repair "
                            + "over one or more drive cycles.");
                }
            }
            out.println("Readiness monitors are reset: drive the vehicle before an emissions inspection.");
            out.println("Recorded in the audit journal (obd.codes.cleared).");
            out.flush();
        }
        return 0;
    }

    /** One code as listed before or after clearing. */
    private record Listed(CodeKind kind, ScanResult.Dtc code) {
        /** The same code in the same list of the same ECU (its severity may change with the MIL). */
        String key() {
            return kind + " " + code.code() + " " + code.ecu();
        }

        String line() {
            return String.format("%-6s %-9s %-4s %s", code.code(), kind.name().toLowerCase(java.util.Locale.ROOT),
                    code.ecu(), code.description());
        }
    }

    private static List<Listed> read(ObdSession session) {
        List<Listed> out = new ArrayList<>();
        for (CodeKind kind : List.of(CodeKind.STORED, CodeKind.PENDING, CodeKind.PERMANENT)) {
            session.codes(kind).forEach(c -> out.add(new Listed(kind, c)));
        }
        return out;
    }
}
