package fr.novaevo.workstation.obd.elm;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.FrameFormat;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.frames.ResponseDecoder;
import fr.novaevo.workstation.obd.testing.ScriptedTransport;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzing the answer path: whatever an adapter sends, parsing ends (no hang) with clean lines or the typed
 * {@link ObdException}, never another exception.
 */
class ResponseParsingPropertiesTest {

    private static final List<String> PIECES = List.of("7E8", "7E9", " ", "06", "41", "00", "BE", "3F", "10", "14",
            "21", "22", "0:", "1:", "2:", "014", "\r", "\n", "\r\n", "SEARCHING...", "NO DATA", "CAN ERROR",
            "BUFFER FULL", "STOPPED", "?", "BUS INIT: ...", "ERROR", "OK", "UNABLE TO CONNECT", "ERR94", "LV RESET",
            "<DATA ERROR", "18 DA F1 10", "48 6B 11", "\u0000", "\u00ff", "G", ":", "ELM327 v1.5", "0100");

    @Provide
    Arbitrary<String> adapterAnswers() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(PIECES),
                Arbitraries.strings().ofMaxLength(4).withCharRange('\u0000', '\u00ff'));
        return piece.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<FrameFormat> formats() {
        return Arbitraries.of(ObdProtocol.Family.class).flatMap(f ->
                Arbitraries.of(true, false).map(h -> new FrameFormat(f, h)));
    }

    @Property(tries = 3000)
    void parseAndDecodeOnlyFailWithTheTypedError(@ForAll("adapterAnswers") String raw,
            @ForAll("formats") FrameFormat format) {
        try {
            ElmResponse response = new ElmResponseParser().parse("0100", raw);
            new ResponseDecoder().decode(response.lines(), format);
        } catch (ObdException expected) {
            assertThat(expected.code()).startsWith("OBD-");
        }
    }

    @Property(tries = 500)
    void readingEndsWhateverTheSplit(@ForAll("adapterAnswers") String raw, @ForAll @IntRange(min = 1, max = 7) int cut) {
        ScriptedTransport t = new ScriptedTransport();
        for (int i = 0; i < raw.length(); i += cut) {
            t.chunk(raw.substring(i, Math.min(raw.length(), i + cut)));
        }
        t.chunk(">");
        String got = new PromptReader(t).readUntilPrompt("0100", Duration.ofSeconds(1));
        assertThat(raw).startsWith(got);
    }
}
