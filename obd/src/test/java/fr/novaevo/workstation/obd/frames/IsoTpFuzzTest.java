package fr.novaevo.workstation.obd.frames;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.novaevo.workstation.obd.ObdException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of ISO-TP reassembly straight from frames, below the text decoder: any
 * interleaving of frames from two ECUs gives messages or the typed {@link ObdException}, and a message is
 * never longer than the 4095 bytes a first frame can announce.
 */
class IsoTpFuzzTest {

    private static final String[] SOURCES = {"7E8", "7E9"};

    /** The input is a list of frames: one byte (sender in bit 7, data length 0..8 in the low bits), the data. */
    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void reassembleAnyFrames(byte[] input) {
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at < input.length) {
            int head = input[at++] & 0xFF;
            int length = Math.min((head & 0x0F) % 9, input.length - at);
            frames.add(new Frame(SOURCES[head >>> 7], Arrays.copyOfRange(input, at, at + length)));
            at += length;
        }
        try {
            for (EcuMessage message : IsoTp.reassemble(frames)) {
                assertThat(message.length()).as("length of %s", message).isBetween(1, IsoTp.MAX_PAYLOAD);
            }
        } catch (ObdException typed) {
            assertThat(typed.code()).startsWith("OBD-");
        }
    }
}
