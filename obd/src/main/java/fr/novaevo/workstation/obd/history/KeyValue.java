package fr.novaevo.workstation.obd.history;

import fr.novaevo.workstation.obd.service.PidReading;
import java.util.ArrayList;
import java.util.List;

/**
 * One live value kept with a session for the report ("Engine speed 780 rpm").
 *
 * @param name  the PID's name
 * @param value the main value, NaN for a state-only PID
 * @param unit  its unit, "" when none
 * @param text  the readable rendering
 */
public record KeyValue(String name, double value, String unit, String text) {

    /** The readings of one live sample, in their order, one value per PID and ECU. */
    public static List<KeyValue> of(List<PidReading> readings) {
        List<KeyValue> out = new ArrayList<>();
        for (PidReading r : readings) {
            String name = readings.stream().filter(o -> o.pid() == r.pid()).count() > 1
                    ? r.name() + " (" + r.ecu() + ")" : r.name();
            out.add(new KeyValue(name, r.value(), r.unit(), r.text()));
        }
        return List.copyOf(out);
    }
}
