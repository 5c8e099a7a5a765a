package fr.novaevo.workstation.app.ui.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.service.Quantity;
import fr.novaevo.workstation.obd.session.LiveSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveBufferTest {

    private final LiveBuffer buffer = new LiveBuffer();
    private long sequence;

    private void add(double rpm) {
        sequence++;
        buffer.add(new LiveSample(sequence, Instant.EPOCH.plusSeconds(sequence), List.of(
                new PidReading("7E8", 0x0C, "Engine speed", List.of(new Quantity("Engine speed", rpm, "rpm")),
                        rpm + " rpm"))));
    }

    @Test
    void aBreakIsOneNanBetweenTheValuesBeforeAndAfter() {
        buffer.reset(List.of(0x0C, 0x0D), Map.of());
        buffer.gap();
        assertThat(buffer.snapshot().series().getFirst().values()).as("nothing to break yet").isEmpty();
        add(800);
        add(900);
        buffer.gap();
        buffer.gap();
        add(850);
        // Boxed: Double.equals holds NaN equal to itself.
        assertThat(java.util.Arrays.stream(buffer.snapshot().series().getFirst().values()).boxed().toList())
                .containsExactly(800.0, 900.0, Double.NaN, 850.0);
        assertThat(buffer.snapshot().series().get(1).values()).as("a PID with no value yet has no break").isEmpty();
        assertThat(buffer.snapshot().samples()).isEqualTo(3);
    }

    @Test
    void itWatchesTheSamePidsInTheSameOrderOnly() {
        assertThat(buffer.watches(List.of())).isFalse();
        buffer.reset(List.of(0x0C, 0x0D), Map.of());
        assertThat(buffer.watches(List.of(0x0C, 0x0D))).isTrue();
        assertThat(buffer.watches(List.of(0x0D, 0x0C))).isFalse();
        assertThat(buffer.watches(List.of(0x0C))).isFalse();
    }

    @Test
    void theBreakScrollsOutLikeAnyValue() {
        buffer.reset(List.of(0x0C), Map.of());
        add(800);
        buffer.gap();
        for (int i = 0; i < LiveBuffer.CAPACITY; i++) {
            add(1000 + i);
        }
        double[] values = buffer.snapshot().series().getFirst().values();
        assertThat(values).hasSize(LiveBuffer.CAPACITY);
        assertThat(java.util.Arrays.stream(values).filter(Double::isNaN)).isEmpty();
        assertThat(values[0]).isEqualTo(1000.0);
    }
}
