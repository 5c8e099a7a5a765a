package fr.novaevo.workstation.app.cli.obd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import fr.novaevo.workstation.obd.dtc.CodeStatus;
import fr.novaevo.workstation.obd.dtc.Severity;
import fr.novaevo.workstation.obd.service.Readiness;
import fr.novaevo.workstation.obd.session.ScanResult;
import fr.novaevo.workstation.obd.vin.VinReport;

/** The human text of {@code workstation obd scan}: a few labelled lines a mechanic reads at the bench. */
final class ScanReport {

    private static final String LABEL = "%-16s%s";

    private ScanReport() {
    }

    static List<String> lines(ScanResult scan, String port, Locale locale) {
        List<String> out = new ArrayList<>();
        out.add(String.format(LABEL, "Port:", port));
        out.add(String.format(LABEL, "Adapter:", adapter(scan.adapter())));
        out.add(String.format(LABEL, "Protocol:", scan.protocol()));
        out.add(String.format(LABEL, "VIN:", scan.vin().map(v -> v + scan.vehicle().map(ScanReport::vehicle)
                .orElse("")).orElse("not reported by the vehicle")));
        out.add(String.format(LABEL, "ECUs:", scan.ecus().isEmpty() ? "none" : String.join(", ", scan.ecus())));
        out.add(String.format(LABEL, "MIL:", scan.mil() ? "ON (check engine lamp lit)" : "off"));
        ScanResult.Dtcs dtcs = scan.dtcs();
        out.add("");
        out.add(dtcs.count() == 0 ? "Fault codes:    none" : "Fault codes:    " + dtcs.count());
        codes(out, "Stored", dtcs.stored(), locale);
        codes(out, "Pending", dtcs.pending(), locale);
        codes(out, "Permanent", dtcs.permanent(), locale);
        out.add("");
        out.add(scan.readiness().isEmpty() ? "Readiness:      not reported" : "Readiness:");
        for (Readiness r : scan.readiness()) {
            List<Readiness.Monitor> supported = r.monitors().stream().filter(Readiness.Monitor::supported).toList();
            String incomplete = r.incomplete().stream().map(Readiness.Monitor::name).collect(Collectors.joining(", "));
            out.add(String.format("  %s (%s ignition): %s", r.ecu(), r.compression() ? "compression" : "spark",
                    r.ready() ? "ready, " + monitors(supported.size()) + " complete"
                            : r.incomplete().size() + " of " + monitors(supported.size()) + " not complete: "
                                    + incomplete));
        }
        out.add("");
        out.add(String.format(LABEL, "Supported PIDs:", scan.supportedPids().isEmpty() ? "none"
                : String.join(" ", scan.supportedPids()) + " (" + scan.supportedPids().size() + ")"));
        return out;
    }

    private static String monitors(int n) {
        return n == 1 ? "1 monitor" : n + " monitors";
    }

    private static String adapter(ScanResult.Adapter a) {
        StringBuilder s = new StringBuilder(a.type());
        if (!a.version().isEmpty()) {
            s.append(" v").append(a.version());
        }
        if (!a.probedVersion().isEmpty() && !a.probedVersion().equals(a.version())) {
            s.append(" (works as v").append(a.probedVersion()).append(")");
        }
        if (a.voltage().isPresent()) {
            s.append(String.format(Locale.ROOT, ", battery %.1f V", a.voltage().getAsDouble()));
        }
        return s.toString();
    }

    private static String vehicle(VinReport report) {
        List<String> parts = new ArrayList<>();
        report.manufacturer().ifPresent(parts::add);
        report.country().ifPresent(parts::add);
        if (report.modelYear().isPresent()) {
            parts.add("model year " + report.modelYear().getAsInt());
        }
        if (!report.valid()) {
            parts.add("VIN NOT VALID");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static void codes(List<String> out, String title, List<ScanResult.Dtc> codes, Locale locale) {
        if (codes.isEmpty()) {
            out.add(String.format("  %-11s none", title + ":"));
            return;
        }
        out.add("  " + title + ":");
        for (ScanResult.Dtc c : codes) {
            String description = c.description().isBlank() ? describeStatus(c.status()) : c.description();
            out.add(String.format("    %-6s %-4s %-9s %s", c.code(), c.ecu(), severity(c.severity(), locale),
                    description));
        }
    }

    private static String describeStatus(CodeStatus status) {
        return switch (status) {
            case MANUFACTURER_SPECIFIC -> "manufacturer-specific code (see the maker's documentation)";
            case UNKNOWN -> "unknown code";
            default -> "";
        };
    }

    private static String severity(Severity severity, Locale locale) {
        return locale.getLanguage().equals("fr") ? severity.french() : severity.english();
    }
}
