package fr.novaevo.workstation.obd.discovery;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Lists the serial ports with their USB identity and marks the likely OBD adapters first; compares two
 * listings to notice an adapter plugged in or pulled out (the app polls, and pauses polling during a scan).
 */
public final class SerialPortDiscovery {

    /** What the operating system says about one port, before classification. */
    public record RawPort(String path, String name, String description, int vendorId, int productId,
            String serialNumber, String manufacturer) {
    }

    /** What changed between two listings, by path. */
    public record Changes(List<SerialPortInfo> added, List<SerialPortInfo> removed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    private static final List<String> ADAPTER_WORDS = List.of("OBD", "ELM", "OBDLINK", "SCANTOOL", "VLINK", "VGATE",
            "KONNWEI");
    private static final List<String> BLUETOOTH_WORDS = List.of("BLUETOOTH", "RFCOMM", "BTHENUM");

    private final Supplier<List<RawPort>> source;

    public SerialPortDiscovery(Supplier<List<RawPort>> source) {
        this.source = source;
    }

    /** The ports jSerialComm sees on this computer. */
    public static SerialPortDiscovery system() {
        return new SerialPortDiscovery(() -> {
            List<RawPort> out = new ArrayList<>();
            for (SerialPort p : SerialPort.getCommPorts()) {
                out.add(new RawPort(p.getSystemPortPath(), text(p.getDescriptivePortName()),
                        text(p.getPortDescription()), p.getVendorID(), p.getProductID(), text(p.getSerialNumber()),
                        text(p.getManufacturer())));
            }
            return out;
        });
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** Every port, likely adapters first, then by path. */
    public List<SerialPortInfo> list() {
        return source.get().stream().map(SerialPortDiscovery::classify)
                .sorted(Comparator.comparing(SerialPortInfo::likelihood).thenComparing(SerialPortInfo::path))
                .toList();
    }

    static SerialPortInfo classify(RawPort p) {
        Optional<UsbBridge> bridge = p.vendorId() >= 0 ? UsbBridge.of(p.vendorId(), p.productId()) : Optional.empty();
        String words = (p.path() + " " + p.name() + " " + p.description() + " " + p.manufacturer())
                .toUpperCase(Locale.ROOT);
        SerialPortInfo.Likelihood likelihood;
        if (bridge.isPresent() || ADAPTER_WORDS.stream().anyMatch(words::contains)) {
            likelihood = SerialPortInfo.Likelihood.LIKELY;
        } else if (BLUETOOTH_WORDS.stream().anyMatch(words::contains)) {
            likelihood = SerialPortInfo.Likelihood.POSSIBLE;
        } else {
            likelihood = SerialPortInfo.Likelihood.UNLIKELY;
        }
        return new SerialPortInfo(p.path(), p.name(), p.description(), p.vendorId(), p.productId(),
                p.serialNumber(), p.manufacturer(), bridge, likelihood);
    }

    /** Ports that appeared and disappeared between {@code before} and {@code after}. */
    public static Changes diff(List<SerialPortInfo> before, List<SerialPortInfo> after) {
        Set<String> was = before.stream().map(SerialPortInfo::path).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> is = after.stream().map(SerialPortInfo::path).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Changes(after.stream().filter(p -> !was.contains(p.path())).toList(),
                before.stream().filter(p -> !is.contains(p.path())).toList());
    }
}
