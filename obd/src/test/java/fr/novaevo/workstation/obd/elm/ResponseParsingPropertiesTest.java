package fr.novaevo.workstation.obd.elm;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.core.testing.RandomCases;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.FrameFormat;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.frames.ResponseDecoder;
import fr.novaevo.workstation.obd.testing.ScriptedTransport;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the answer path: whatever an adapter sends, parsing ends (no hang) with clean lines or the typed
 * {@link ObdException}, never another exception.
 */
class ResponseParsingPropertiesTest {

    private static final List<String> PIECES = List.of("7E8", "7E9", " ", "06", "41", "00", "BE", "3F", "10", "14",
            "21", "22", "0:", "1:", "2:", "014", "\r", "\n", "\r\n", "SEARCHING...", "NO DATA", "CAN ERROR",
            "BUFFER FULL", "STOPPED", "?", "BUS INIT: ...", "ERROR", "OK", "UNABLE TO CONNECT", "ERR94", "LV RESET",
            "<DATA ERROR", "18 DA F1 10", "48 6B 11", "\u0000", "\u00ff", "G", ":", "ELM327 v1.5", "0100");

    /** Up to 40 pieces: words and frames real adapters send, or 0 to 4 random Latin-1 characters. */
    static String adapterAnswer(SplittableRandom r) {
        int n = r.nextInt(41);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(r.nextBoolean() ? RandomCases.oneOf(r, PIECES) : RandomCases.string(r, '\u0000', '\u00ff', 4));
        }
        return s.toString();
    }

    private static FrameFormat format(SplittableRandom r) {
        return new FrameFormat(RandomCases.oneOf(r, ObdProtocol.Family.values()), r.nextBoolean());
    }

    @Test
    void parseAndDecodeOnlyFailWithTheTypedError() {
        RandomCases.check(3000, r -> {
            String raw = adapterAnswer(r);
            FrameFormat format = format(r);
            try {
                ElmResponse response = new ElmResponseParser().parse("0100", raw);
                new ResponseDecoder().decode(response.lines(), format);
            } catch (ObdException expected) {
                assertThat(expected.code()).startsWith("OBD-");
            }
        });
    }

    @Test
    void readingEndsWhateverTheSplit() {
        RandomCases.check(500, r -> {
            String raw = adapterAnswer(r);
            int cut = RandomCases.between(r, 1, 7);
            ScriptedTransport t = new ScriptedTransport();
            for (int i = 0; i < raw.length(); i += cut) {
                t.chunk(raw.substring(i, Math.min(raw.length(), i + cut)));
            }
            t.chunk(">");
            String got = new PromptReader(t).readUntilPrompt("0100", Duration.ofSeconds(1));
            assertThat(raw).startsWith(got);
        });
    }
}
