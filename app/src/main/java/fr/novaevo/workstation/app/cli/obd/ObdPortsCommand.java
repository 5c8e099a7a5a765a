package fr.novaevo.workstation.app.cli.obd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import fr.novaevo.workstation.app.cli.CliContext;
import fr.novaevo.workstation.obd.discovery.SerialPortDiscovery;
import fr.novaevo.workstation.obd.discovery.SerialPortInfo;
import fr.novaevo.workstation.obd.discovery.UsbBridge;
import fr.novaevo.workstation.obd.sim.VirtualVehicles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workstation obd ports}: the serial ports, likely OBD adapters first, and the virtual vehicle. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = {"List the serial ports with their USB identity, likely OBD adapters first.",
            "Likely adapters are marked '*'. The virtual vehicle is listed as the port 'sim'."})
final class ObdPortsCommand extends ObdCommandBase implements Callable<Integer> {

    static final String SIM = "sim";

    @Option(names = "--json", description = "JSON output.")
    boolean json;

    ObdPortsCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        // Listing opens no port and no database: it works while another program uses the adapter.
        List<SerialPortInfo> found = SerialPortDiscovery.system().list();
        if (json) {
            out().println(ObdJson.pretty(describe(found)));
        } else {
            table(found).forEach(out()::println);
        }
        out().flush();
        return 0;
    }

    /** The JSON list: every serial port, then the virtual vehicle. */
    static List<Map<String, Object>> describe(List<SerialPortInfo> found) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SerialPortInfo p : found) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("port", p.path());
            m.put("kind", "serial");
            m.put("likelihood", p.likelihood().name().toLowerCase(Locale.ROOT));
            m.put("name", p.name());
            m.put("description", p.description());
            m.put("vendorId", p.isUsb() ? String.format("%04X", p.vendorId()) : null);
            m.put("productId", p.isUsb() ? String.format("%04X", p.productId()) : null);
            m.put("bridge", p.bridge().map(UsbBridge::label).orElse(null));
            m.put("manufacturer", p.manufacturer());
            m.put("serialNumber", p.serialNumber());
            out.add(m);
        }
        Map<String, Object> sim = new LinkedHashMap<>();
        sim.put("port", SIM);
        sim.put("kind", "virtual");
        sim.put("likelihood", null);
        sim.put("name", "Virtual vehicle");
        sim.put("description", simDescription());
        sim.put("vendorId", null);
        sim.put("productId", null);
        sim.put("bridge", null);
        sim.put("manufacturer", "");
        sim.put("serialNumber", "");
        out.add(sim);
        return out;
    }

    /** The human listing: one line per port, the likely adapters marked with '*'. */
    static List<String> table(List<SerialPortInfo> found) {
        List<String> lines = new ArrayList<>();
        String format = "%-2s%-22s %-10s %-20s %s";
        lines.add(String.format(format, "", "PORT", "USB ID", "USB BRIDGE", "DESCRIPTION"));
        for (SerialPortInfo p : found) {
            String mark = switch (p.likelihood()) {
                case LIKELY -> "*";
                case POSSIBLE -> "?";
                case UNLIKELY -> "";
            };
            lines.add(String.format(format, mark, p.path(), p.isUsb() ? p.usbId() : "-",
                    p.bridge().map(UsbBridge::label).orElse("-"), words(p)));
        }
        lines.add(String.format(format, "", SIM, "-", "-", "Virtual vehicle: " + simDescription()));
        lines.add("");
        if (found.isEmpty()) {
            lines.add("No serial port found. Plug the adapter in, or use --port tcp:HOST:PORT for a Wi-Fi adapter.");
        }
        lines.add("* likely OBD adapter (USB-serial bridge or OBD/ELM in its name)   ? Bluetooth serial port");
        return lines;
    }

    private static String words(SerialPortInfo p) {
        List<String> parts = new ArrayList<>();
        for (String s : List.of(p.name(), p.description(), p.manufacturer())) {
            if (known(s) && parts.stream().noneMatch(x -> x.equalsIgnoreCase(s))) {
                parts.add(s);
            }
        }
        if (known(p.serialNumber())) {
            parts.add("serial " + p.serialNumber());
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    /** jSerialComm says "Unknown" where the system gives nothing. */
    private static boolean known(String s) {
        return !s.isBlank() && !s.equalsIgnoreCase("unknown");
    }

    private static String simDescription() {
        List<String> others = VirtualVehicles.SCENARIOS.stream().filter(s -> !s.equals("demo"))
                .map(s -> SIM + ":" + s).toList();
        return "demo car with fault codes; also " + String.join(", ", others);
    }
}
