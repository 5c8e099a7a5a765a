package fr.novaevo.workstation.obd.history;

import java.time.Instant;
import java.util.Optional;

/**
 * A break in a recording: the adapter was lost after sample {@code afterSequence}, and the recording went on
 * after the automatic reconnection.
 *
 * @param afterSequence the last sample received before the loss (0: before the first sample)
 * @param lostAt        when the loss was noticed
 * @param resumedAt     the time of the first sample after the break; empty when none came
 * @param reason        the reason code shown to the user ("OBD-LINK-LOST")
 */
public record RecordingGap(long afterSequence, Instant lostAt, Optional<Instant> resumedAt, String reason) {
}
