package fr.novaevo.workstation.obd.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.core.testing.RandomCases;
import fr.novaevo.workstation.obd.ObdException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsoTpTest {

    @Test
    void segmentsALongRequestWithWrappingSequenceNumbers() {
        byte[] payload = new byte[6 + 7 * 16 + 1];
        List<byte[]> frames = IsoTp.segment(payload, (byte) 0xAA);
        assertThat(frames).hasSize(1 + 17);
        assertThat(frames.get(0)[0]).isEqualTo((byte) 0x10);
        assertThat(frames.get(0)[1]).isEqualTo((byte) payload.length);
        assertThat(frames.get(15)[0]).isEqualTo((byte) 0x2F);
        assertThat(frames.get(16)[0]).isEqualTo((byte) 0x20);
        assertThat(frames.get(17)[0]).isEqualTo((byte) 0x21);
        assertThat(frames.get(17)[2]).isEqualTo((byte) 0xAA);
    }

    @Test
    void reassemblyUndoesSegmentation() {
        RandomCases.check(200, r -> {
            byte[] payload = new byte[RandomCases.between(r, 1, 300)];
            r.nextBytes(payload);
            List<Frame> frames = new ArrayList<>();
            for (byte[] f : IsoTp.segment(payload, (byte) 0x55)) {
                frames.add(new Frame("7E8", f));
            }
            assertThat(IsoTp.reassemble(frames)).containsExactly(new EcuMessage("7E8", payload));
        });
    }

    @Test
    void flowControlFramesAreSkipped() {
        List<Frame> frames = List.of(new Frame("7E0", new byte[] {0x30, 0, 0}),
                new Frame("7E8", new byte[] {0x02, 0x41, 0x00}));
        assertThat(IsoTp.reassemble(frames)).containsExactly(new EcuMessage("7E8", new byte[] {0x41, 0x00}));
    }

    @Test
    void sequenceGapIsAnError() {
        List<Frame> frames = List.of(new Frame("7E8", new byte[] {0x10, 0x0A, 1, 2, 3, 4, 5, 6}),
                new Frame("7E8", new byte[] {0x22, 7, 8, 9, 10}));
        assertThatThrownBy(() -> IsoTp.reassemble(frames)).isInstanceOf(ObdException.class)
                .hasMessageContaining("sequence 2");
    }
}
