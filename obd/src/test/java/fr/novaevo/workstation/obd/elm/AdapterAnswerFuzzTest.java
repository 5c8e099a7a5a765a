package fr.novaevo.workstation.obd.elm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.FrameFormat;
import fr.novaevo.workstation.obd.frames.IsoTp;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.frames.ResponseDecoder;
import fr.novaevo.workstation.obd.testing.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the answer path: whatever bytes an adapter sends, reading, parsing and
 * decoding end with messages of 1 to 4095 bytes or the typed {@link ObdException}, never another exception, never
 * a hang.
 *
 * <p>In a normal build these run once over the seeds in {@code AdapterAnswerFuzzTestInputs/} (real answers
 * from our recorded-answer tests); {@code bench/fuzz-obd.sh} runs them as real fuzzing ({@code JAZZER_FUZZ=1}).
 * The {@link Timeout} is the hang oracle: in fuzzing mode Jazzer turns it into its per-input timeout.
 */
class AdapterAnswerFuzzTest {

    /** Words and frame starts of real adapters, so the fuzzer finds the parser's branches sooner. */
    private static final String DICTIONARY = "/fr/novaevo/workstation/obd/elm/adapter-answers.dict";

    private static final String COMMAND = "0100";

    /** Every output layout the decoder knows: each family, headers on and off. */
    private static final FrameFormat[] FORMATS = Arrays.stream(ObdProtocol.Family.values())
            .flatMap(f -> Stream.of(new FrameFormat(f, true), new FrameFormat(f, false)))
            .toArray(FrameFormat[]::new);

    @FuzzTest(maxDuration = "60s")
    @DictionaryFile(resourcePath = DICTIONARY)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void parseThenDecodeInEveryFormat(byte[] answer) {
        // ISO-8859-1, as PromptReader decodes: every byte is one char, so the fuzzer reaches every char the port can.
        String raw = new String(answer, StandardCharsets.ISO_8859_1);
        ElmResponse response;
        try {
            response = new ElmResponseParser().parse(COMMAND, raw);
        } catch (ObdException typed) {
            assertTyped(typed);
            return;
        }
        for (FrameFormat format : FORMATS) {
            try {
                assertMessages(new ResponseDecoder().decode(response.lines(), format));
            } catch (ObdException typed) {
                assertTyped(typed);
            }
        }
    }

    /**
     * The stream cut into reads of the sizes the first byte gives (1 to 16 bytes, varying), answer after answer
     * until the script runs dry; then the adapter is unplugged, so an input costs no deadline. The high nibble of
     * the first byte picks the output format.
     */
    @FuzzTest(maxDuration = "60s")
    @DictionaryFile(resourcePath = DICTIONARY)
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void readEveryAnswerWhateverTheSplit(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ScriptedTransport transport = new ScriptedTransport().unpluggedAtEnd();
        int step = (input[0] & 0x0F) + 1;
        int from = 1;
        for (int i = 0; from < input.length; i++) {
            int size = Math.min(input.length - from, 1 + (step * (i + 1)) % 16);
            transport.chunk(new String(input, from, size, StandardCharsets.ISO_8859_1));
            from += size;
        }
        PromptReader reader = new PromptReader(transport);
        ElmResponseParser parser = new ElmResponseParser();
        ResponseDecoder decoder = new ResponseDecoder();
        FrameFormat format = FORMATS[(input[0] >>> 4) & 7];
        while (true) {
            try {
                String raw = reader.readUntilPrompt(COMMAND, Duration.ofSeconds(1));
                assertMessages(decoder.decode(parser.parse(COMMAND, raw).lines(), format));
            } catch (ObdException typed) {
                assertTyped(typed);
                if (typed.reason() == ObdErrorCode.LINK_LOST || typed.reason() == ObdErrorCode.TIMEOUT) {
                    return;
                }
            }
        }
    }

    /** A decoded message is what an ECU said: at least the service byte, at most what ISO-TP can carry. */
    static void assertMessages(List<EcuMessage> messages) {
        for (EcuMessage message : messages) {
            assertThat(message.length()).as("length of %s", message).isBetween(1, IsoTp.MAX_PAYLOAD);
        }
    }

    static void assertTyped(ObdException typed) {
        assertThat(typed.code()).startsWith("OBD-");
    }
}
