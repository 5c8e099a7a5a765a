package fr.novaevo.workstation.obd.sim;

import fr.novaevo.workstation.obd.service.DiagnosticTroubleCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One control unit of the {@link VirtualVehicle}: its addresses, what it supports and what it remembers.
 * Mutable through the vehicle only, under the vehicle's lock.
 */
public final class SimEcu {

    /** What the unit is: the engine answers most of SAE J1979, the gearbox little. */
    public enum Role { ENGINE, TRANSMISSION }

    /**
     * One mode 06 test result with its limits.
     *
     * @param mid monitor id, @param tid test id, @param uas unit and scaling id (SAE J1979 appendix E)
     */
    public record MonitorRecord(int mid, int tid, int uas, int value, int min, int max) {
    }

    /**
     * One mode 06 result in the K-line / J1850 layout: test id, component id (bit 7 set: {@code limit} is a
     * minimum, else a maximum), raw value and limit.
     */
    public record LegacyTestRecord(int tid, int cid, int value, int limit) {
    }

    /** A freeze frame: the code that caused it and the car's state at that moment. */
    public record Frozen(DiagnosticTroubleCode trigger, DriveCycle.Snapshot state) {
    }

    final Role role;
    final String requestId;
    final String responseId;
    final int klineAddress;
    final String ecuName;
    final String calibrationId;
    final String cvn;
    final Set<Integer> pids;
    final List<DiagnosticTroubleCode> stored = new ArrayList<>();
    final List<DiagnosticTroubleCode> pending = new ArrayList<>();
    final List<DiagnosticTroubleCode> permanent = new ArrayList<>();
    final List<MonitorRecord> monitors = new ArrayList<>();
    final List<LegacyTestRecord> legacyTests = new ArrayList<>();
    final Map<Integer, String> dataIdentifiers = new LinkedHashMap<>();
    Frozen freezeFrame;
    /** PID 01 byte C: which non-continuous monitors this unit has (spark ignition layout). */
    int supportedMonitors;
    /** PID 01 byte D: which of them have not completed since the codes were cleared. */
    int incompleteMonitors;

    SimEcu(Role role, String requestId, String responseId, int klineAddress, String ecuName, String calibrationId,
            String cvn, Set<Integer> pids) {
        this.role = role;
        this.requestId = requestId;
        this.responseId = responseId;
        this.klineAddress = klineAddress;
        this.ecuName = ecuName;
        this.calibrationId = calibrationId;
        this.cvn = cvn;
        this.pids = new TreeSet<>(pids);
    }

    public Role role() {
        return role;
    }

    /** The CAN id it answers from ("7E8"). */
    public String responseId() {
        return responseId;
    }

    /** The CAN id it listens to physically ("7E0"). */
    public String requestId() {
        return requestId;
    }

    /** Its address on the K-line (0x10 engine, 0x18 gearbox). */
    public int klineAddress() {
        return klineAddress;
    }

    public Optional<Frozen> freezeFrame() {
        return Optional.ofNullable(freezeFrame);
    }
}
