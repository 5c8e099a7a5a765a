package fr.novaevo.workstation.obd.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A recording of live data.
 *
 * @param id        stored id
 * @param sessionId the session it was made in, when known
 * @param vin       the vehicle, "" when unknown
 * @param startedAt when recording started
 * @param endedAt   when it was closed; empty while recording or when the workstation stopped first
 * @param pids      the watched PIDs
 * @param samples   samples committed
 */
public record RecordingInfo(long id, OptionalLong sessionId, String vin, Instant startedAt,
        Optional<Instant> endedAt, List<Integer> pids, long samples) {

    public RecordingInfo {
        pids = List.copyOf(pids);
    }
}
