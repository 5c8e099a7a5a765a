package fr.novaevo.workstation.obd.service;

import java.util.List;
import java.util.Optional;

/**
 * Mode 02: the values an ECU stored when a code was set.
 *
 * @param ecu     the ECU
 * @param frame   the frame number (0 is the one of the code that lit the MIL)
 * @param trigger the code that caused it, when the ECU says
 * @param values  the stored PIDs, decoded like live values
 */
public record FreezeFrame(String ecu, int frame, Optional<DiagnosticTroubleCode> trigger, List<PidReading> values) {

    public FreezeFrame {
        values = List.copyOf(values);
    }
}
