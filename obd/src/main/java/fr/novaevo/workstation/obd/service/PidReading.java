package fr.novaevo.workstation.obd.service;

import java.util.List;

/**
 * One decoded mode 01 (or mode 02) PID from one ECU.
 *
 * @param ecu        the answering ECU ("7E8")
 * @param pid        the PID number
 * @param name       the PID's English name
 * @param quantities the numeric values, first the main one; empty for a PID that is only a state
 * @param text       a readable rendering ("2150 rpm", "Closed loop", "EOBD (Europe)")
 */
public record PidReading(String ecu, int pid, String name, List<Quantity> quantities, String text) {

    public PidReading {
        quantities = List.copyOf(quantities);
    }

    /** The main value, for gauges and charts; NaN for a state-only PID. */
    public double value() {
        return quantities.isEmpty() ? Double.NaN : quantities.getFirst().value();
    }

    public String unit() {
        return quantities.isEmpty() ? "" : quantities.getFirst().unit();
    }
}
