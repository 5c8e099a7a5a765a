package fr.novaevo.workstation.obd.session;

import fr.novaevo.workstation.obd.service.PidReading;
import java.time.Instant;
import java.util.List;

/**
 * One pass over the watched PIDs.
 *
 * @param sequence 1 for the first sample
 * @param time     when the answers were complete
 * @param readings the decoded values, from every ECU that answered
 */
public record LiveSample(long sequence, Instant time, List<PidReading> readings) {

    public LiveSample {
        readings = List.copyOf(readings);
    }
}
