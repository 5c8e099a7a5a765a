package fr.novaevo.workstation.obd.session;

import fr.novaevo.workstation.core.audit.AuditJournal;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.dtc.CodeContext;
import fr.novaevo.workstation.obd.dtc.FaultCodeDatabase;
import fr.novaevo.workstation.obd.dtc.FaultCodeDescription;
import fr.novaevo.workstation.obd.elm.AdapterInfo;
import fr.novaevo.workstation.obd.elm.Elm327;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.service.ClearConfirmation;
import fr.novaevo.workstation.obd.service.CodeKind;
import fr.novaevo.workstation.obd.service.DiagnosticService;
import fr.novaevo.workstation.obd.service.EcuCode;
import fr.novaevo.workstation.obd.service.EcuIdentification;
import fr.novaevo.workstation.obd.service.FreezeFrame;
import fr.novaevo.workstation.obd.service.LiveDataService;
import fr.novaevo.workstation.obd.service.MonitorService;
import fr.novaevo.workstation.obd.service.MonitorTest;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.service.Readiness;
import fr.novaevo.workstation.obd.service.UdsClient;
import fr.novaevo.workstation.obd.service.VehicleInfoService;
import fr.novaevo.workstation.obd.vin.VinDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A connected adapter and vehicle, with everything the screens and the command line ask of them. Made by
 * {@link ObdConnector#connect}. Owned by one thread (the one that owns the port), like the driver below it;
 * closing it closes the port.
 */
public final class ObdSession implements AutoCloseable {

    private final Elm327 elm;
    private final AdapterInfo adapter;
    private final List<String> connectEcus;
    private final FaultCodeDatabase codes;
    private final Locale locale;
    private final DiagnosticService diagnostics;
    private final LiveDataService live;
    private final VehicleInfoService vehicleInfo;
    private final MonitorService monitors;
    private final UdsClient uds;
    private final VinDecoder vinDecoder;

    ObdSession(Elm327 elm, AdapterInfo adapter, List<EcuMessage> connectAnswers, PidCatalog catalog,
            FaultCodeDatabase codes, VinDecoder vinDecoder, AuditJournal journal, Locale locale) {
        this.elm = elm;
        this.vinDecoder = vinDecoder;
        this.adapter = adapter;
        this.connectEcus = connectAnswers.stream().map(EcuMessage::ecu).filter(e -> !e.isEmpty()).distinct().toList();
        this.codes = codes;
        this.locale = locale;
        this.diagnostics = new DiagnosticService(elm, catalog, journal);
        this.live = new LiveDataService(elm, catalog);
        this.vehicleInfo = new VehicleInfoService(elm);
        this.monitors = new MonitorService(elm);
        this.uds = new UdsClient(elm);
    }

    public AdapterInfo adapter() {
        return adapter;
    }

    public ObdProtocol protocol() {
        return elm.protocol();
    }

    /** The port name the session was opened on. */
    public String portName() {
        return elm.transport().name();
    }

    /**
     * Adapter, protocol, VIN, ECUs, MIL, the three lists of codes with their descriptions, readiness and
     * supported PIDs: what {@code workstation obd scan} prints. A list an ECU does not support (permanent codes
     * on an older car) is empty, not an error.
     */
    public ScanResult scan() {
        Optional<String> vin = again(vehicleInfo::vin, false);
        List<Readiness> readiness = again(() -> optional(diagnostics::readiness), false);
        boolean mil = readiness.stream().anyMatch(Readiness::milOn);
        List<EcuCode> stored = again(() -> optional(() -> diagnostics.readCodes(CodeKind.STORED)), false);
        List<EcuCode> pending = again(() -> optional(() -> diagnostics.readCodes(CodeKind.PENDING)), false);
        List<EcuCode> permanent = again(() -> optional(() -> diagnostics.readCodes(CodeKind.PERMANENT)), false);
        Set<String> active = pending.stream().map(c -> c.code().code()).collect(Collectors.toSet());
        // The vehicle answered 0100 at connect: a NO DATA to it now is a busy ECU, worth one more try.
        var supported = again(live::discoverSupportedPids, true);
        SortedSet<String> ecus = new TreeSet<>(connectEcus);
        readiness.forEach(r -> ecus.add(r.ecu()));
        ecus.addAll(supported.keySet());
        ecus.remove("");
        List<String> pids = live.supportedByAnyEcu().stream().map(p -> String.format("%02X", p)).toList();
        ScanResult.Adapter a = new ScanResult.Adapter(adapter.type(), adapter.claimedVersion(),
                adapter.probedVersion(), adapter.voltage());
        return new ScanResult(a, elm.protocol().description(), vin, List.copyOf(ecus), mil,
                new ScanResult.Dtcs(describe(stored, active, mil), describe(pending, active, mil),
                        describe(permanent, active, mil)), readiness, pids, vin.map(vinDecoder::decode));
    }

    /** One list of codes, described in the session's language, severity judged with the MIL state. */
    public List<ScanResult.Dtc> codes(CodeKind kind) {
        List<EcuCode> list = optional(() -> diagnostics.readCodes(kind));
        boolean mil = optional(diagnostics::readiness).stream().anyMatch(Readiness::milOn);
        Set<String> active = kind == CodeKind.PENDING ? list.stream().map(c -> c.code().code())
                .collect(Collectors.toSet()) : Set.of();
        return describe(list, active, mil);
    }

    private List<ScanResult.Dtc> describe(List<EcuCode> list, Set<String> active, boolean mil) {
        List<ScanResult.Dtc> out = new ArrayList<>();
        for (EcuCode c : list) {
            FaultCodeDescription d = codes.describe(c.code(), new CodeContext(active.contains(c.code().code()), mil,
                    false));
            out.add(new ScanResult.Dtc(c.code().code(), d.description(locale), c.ecu(), d.severity(),
                    d.rule(locale), d.status()));
        }
        return out;
    }

    /** Damage to one answer (noise on the line, a busy bus) that asking once more usually gets past. */
    private static final Set<ObdErrorCode> TRANSIENT = java.util.EnumSet.of(ObdErrorCode.MALFORMED_RESPONSE,
            ObdErrorCode.DATA_ERROR, ObdErrorCode.BUS_ERROR, ObdErrorCode.BUFFER_FULL, ObdErrorCode.STOPPED);

    /**
     * Reads, and reads once more after a transient failure, so that one damaged answer does not cost the whole
     * scan. Only for reads: a clear-codes request is never repeated. A timeout is not retried either (it would
     * double the time to notice a silent adapter).
     */
    private static <T> T again(java.util.function.Supplier<T> read, boolean noDataToo) {
        try {
            return read.get();
        } catch (ObdException e) {
            if (!TRANSIENT.contains(e.reason()) && !(noDataToo && e.reason() == ObdErrorCode.NO_DATA)) {
                throw e;
            }
            try {
                return read.get();
            } catch (ObdException second) {
                second.addSuppressed(e);
                throw second;
            }
        }
    }

    private static <T> List<T> optional(java.util.function.Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (ObdException e) {
            if (e.reason() == ObdErrorCode.NO_DATA || e.reason() == ObdErrorCode.NEGATIVE_RESPONSE) {
                return List.of();
            }
            throw e;
        }
    }

    public Optional<String> vin() {
        return vehicleInfo.vin();
    }

    public List<Readiness> readiness() {
        return diagnostics.readiness();
    }

    /** Clears codes (mode 04) after the user's confirmation; journalled by the diagnostic service. */
    public List<String> clearCodes(ClearConfirmation confirmation) {
        return diagnostics.clearCodes(confirmation);
    }

    public List<FreezeFrame> freezeFrame(int frame, List<Integer> pids) {
        return diagnostics.freezeFrame(frame, pids);
    }

    public List<MonitorTest> monitorResults() {
        return monitors.allResults();
    }

    /**
     * UDS identification of one ECU ("7E0", "18DA10F1"); requests go back to every ECU afterwards (7DF on
     * 11-bit CAN, 18DB33F1 on 29-bit CAN: an 11-bit header there would reach no ECU).
     */
    public EcuIdentification identify(String requestId) {
        EcuIdentification id;
        try {
            id = uds.identify(requestId);
        } catch (ObdException e) {
            try {
                elm.setHeader(functionalHeader());
            } catch (ObdException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        elm.setHeader(functionalHeader());
        return id;
    }

    /** The header that reaches every ECU: 7DF, or DB33F1 that the chip completes with priority 18 on 29-bit. */
    private String functionalHeader() {
        return elm.protocol().family() == ObdProtocol.Family.CAN_29 ? "DB33F1" : "7DF";
    }

    /**
     * Reads one mode 01 PID once, e.g. {@code readPid(0xA6)} for the odometer: the engine's answer when
     * several ECUs give one (the lowest address), empty when no ECU supports it.
     *
     * @throws IllegalArgumentException for a PID the catalogue does not know
     * @throws ObdException when the adapter or the link fails (not for an unsupported PID)
     */
    public Optional<PidReading> readPid(int pid) {
        return live.readOnce(pid);
    }

    /** Live data of this session, for {@link LivePoller}. */
    public LiveDataService live() {
        return live;
    }

    /** The adapter's supply voltage now. */
    public double batteryVoltage() {
        return elm.batteryVoltage();
    }

    /** The adapter's supply voltage, read within {@code deadline} (the idle heartbeat's proof of life). */
    public double batteryVoltage(java.time.Duration deadline) {
        return elm.batteryVoltage(deadline);
    }

    @Override
    public void close() {
        elm.close();
    }
}
