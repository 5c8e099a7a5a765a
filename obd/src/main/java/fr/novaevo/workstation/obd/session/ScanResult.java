package fr.novaevo.workstation.obd.session;

import fr.novaevo.workstation.obd.dtc.CodeStatus;
import fr.novaevo.workstation.obd.dtc.Severity;
import fr.novaevo.workstation.obd.service.Readiness;
import fr.novaevo.workstation.obd.vin.VinReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything {@code workstation obd scan} reports, and what the overview screen shows.
 *
 * @param adapter       what the adapter is
 * @param protocol      the protocol the vehicle answered on, as the ELM327 names it
 * @param vin           the VIN from mode 09, when an ECU gives it
 * @param ecus          the answering ECUs' addresses ("7E8", "7E9"; "10" on K-line), sorted
 * @param mil           whether any ECU commands the malfunction indicator lamp
 * @param dtcs          stored, pending and permanent codes, described
 * @param readiness     readiness per ECU
 * @param supportedPids mode 01 PIDs that at least one ECU supports, bitmap PIDs excluded, in hex ("0C")
 * @param vehicle       what the VIN decodes to (maker, country, model year, validity), when there is a VIN
 */
public record ScanResult(Adapter adapter, String protocol, Optional<String> vin, List<String> ecus, boolean mil,
        Dtcs dtcs, List<Readiness> readiness, List<String> supportedPids, Optional<VinReport> vehicle) {

    public ScanResult {
        ecus = List.copyOf(ecus);
        readiness = List.copyOf(readiness);
        supportedPids = List.copyOf(supportedPids);
    }

    /**
     * @param type    "ELM327" or "STN"
     * @param version the version the adapter claims ("1.5")
     * @param probedVersion the command-set level it really implements ("1.4")
     * @param voltage the battery voltage at the socket, when the adapter reads it
     */
    public record Adapter(String type, String version, String probedVersion, OptionalDouble voltage) {
    }

    /**
     * One code as the scan shows it.
     *
     * @param code        "P0302"
     * @param description in the session's language
     * @param ecu         the ECU that reported it
     * @param severity    from the module's severity rule, with the scan's context (pending list, MIL)
     * @param why         the rule that gave the severity, in the session's language, for the mechanic
     * @param status      generic, manufacturer-specific or unknown
     */
    public record Dtc(String code, String description, String ecu, Severity severity, String why,
            CodeStatus status) {
    }

    public record Dtcs(List<Dtc> stored, List<Dtc> pending, List<Dtc> permanent) {

        public Dtcs {
            stored = List.copyOf(stored);
            pending = List.copyOf(pending);
            permanent = List.copyOf(permanent);
        }

        public int count() {
            return stored.size() + pending.size() + permanent.size();
        }
    }

    /**
     * The result with exactly the keys of the command-line contract ({@code adapter}, {@code protocol},
     * {@code vin}, {@code ecus}, {@code mil}, {@code dtcs}, {@code readiness}, {@code supportedPids}), made of
     * maps, lists, strings, numbers, booleans and nulls, ready for any JSON writer.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", adapter.type());
        a.put("version", adapter.version());
        a.put("voltage", adapter.voltage().isPresent() ? adapter.voltage().getAsDouble() : null);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stored", codes(dtcs.stored()));
        d.put("pending", codes(dtcs.pending()));
        d.put("permanent", codes(dtcs.permanent()));
        List<Object> r = new ArrayList<>();
        for (Readiness one : readiness) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ecu", one.ecu());
            m.put("milOn", one.milOn());
            m.put("dtcCount", one.dtcCount());
            m.put("compression", one.compression());
            List<Object> monitors = new ArrayList<>();
            for (Readiness.Monitor mon : one.monitors()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("name", mon.name());
                x.put("supported", mon.supported());
                x.put("complete", mon.complete());
                monitors.add(x);
            }
            m.put("monitors", monitors);
            r.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("adapter", a);
        out.put("protocol", protocol);
        out.put("vin", vin.orElse(null));
        out.put("ecus", ecus);
        out.put("mil", mil);
        out.put("dtcs", d);
        out.put("readiness", r);
        out.put("supportedPids", supportedPids);
        return out;
    }

    private static List<Object> codes(List<Dtc> list) {
        List<Object> out = new ArrayList<>();
        for (Dtc c : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("description", c.description());
            m.put("ecu", c.ecu());
            out.add(m);
        }
        return out;
    }
}
