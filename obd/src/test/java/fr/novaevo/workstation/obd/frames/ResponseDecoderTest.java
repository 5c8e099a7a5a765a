package fr.novaevo.workstation.obd.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.elm.ElmResponseParser;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded multi-line answers, as in the ELM327 datasheet's examples, through parser and decoder. */
class ResponseDecoderTest {

    private static final FrameFormat CAN11_H = new FrameFormat(ObdProtocol.Family.CAN_11, true);
    private static final FrameFormat CAN29_H = new FrameFormat(ObdProtocol.Family.CAN_29, true);
    private static final FrameFormat CAN11 = new FrameFormat(ObdProtocol.Family.CAN_11, false);
    private static final FrameFormat LEGACY_H = new FrameFormat(ObdProtocol.Family.LEGACY, true);
    private static final FrameFormat LEGACY = new FrameFormat(ObdProtocol.Family.LEGACY, false);

    private final ElmResponseParser parser = new ElmResponseParser();
    private final ResponseDecoder decoder = new ResponseDecoder();

    private List<EcuMessage> decode(String command, String raw, FrameFormat format) {
        return decoder.decode(parser.parse(command, raw).lines(), format);
    }

    private static EcuMessage msg(String ecu, String hex) {
        return new EcuMessage(ecu, HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    @Test
    void can11SingleFrameWithAndWithoutSpaces() {
        assertThat(decode("0100", "7E8 06 41 00 BE 3F B8 13\r\r", CAN11_H))
                .containsExactly(msg("7E8", "41 00 BE 3F B8 13"));
        assertThat(decode("0100", "7E8064100BE3FB813\r\r", CAN11_H))
                .containsExactly(msg("7E8", "41 00 BE 3F B8 13"));
    }

    @Test
    void paddingAfterThePciLengthIsIgnored() {
        assertThat(decode("010D", "7E8 03 41 0D 32 AA AA AA AA\r", CAN11_H)).containsExactly(msg("7E8", "41 0D 32"));
    }

    @Test
    void severalEcusAnswerTheSameRequest() {
        assertThat(decode("0100", "7E8 06 41 00 BE 3F B8 13\r7E9 06 41 00 98 18 80 11\r\r", CAN11_H))
                .containsExactly(msg("7E8", "41 00 BE 3F B8 13"), msg("7E9", "41 00 98 18 80 11"));
    }

    @Test
    void can11MultiFrameVinWithHeadersInterleavedWithAnotherEcu() {
        String raw = """
                7E8 10 14 49 02 01 31 44 34\r\
                7E9 03 41 0D 00\r\
                7E8 21 47 50 30 30 52 35 35\r\
                7E8 22 42 31 32 33 34 35 36\r\r""";
        assertThat(decode("0902", raw, CAN11_H)).containsExactly(
                msg("7E9", "41 0D 00"),
                msg("7E8", "49 02 01 31 44 34 47 50 30 30 52 35 35 42 31 32 33 34 35 36"));
    }

    @Test
    void can29WithSpacesAndWithout() {
        assertThat(decode("0100", "18 DA F1 10 06 41 00 BE 3F B8 13\r", CAN29_H))
                .containsExactly(msg("18DAF110", "41 00 BE 3F B8 13"));
        assertThat(decode("0100", "18DAF1100641 00BE3FB813\r", CAN29_H))
                .containsExactly(msg("18DAF110", "41 00 BE 3F B8 13"));
    }

    @Test
    void canWithoutHeadersMultiFrameWithSegmentNumbers() {
        String raw = "0902\r014\r0: 49 02 01 31 44 34\r1: 47 50 30 30 52 35 35\r2: 42 31 32 33 34 35 36\r\r";
        assertThat(decode("0902", raw, CAN11)).containsExactly(
                msg("", "49 02 01 31 44 34 47 50 30 30 52 35 35 42 31 32 33 34 35 36"));
        String noSpaces = "014\r0:490201314434\r1:47503030523535\r2:42313233343536\r";
        assertThat(decode("0902", noSpaces, CAN11)).hasSize(1);
    }

    @Test
    void canWithoutHeadersSingleLines() {
        assertThat(decode("010C", "41 0C 1A F8\r41 0C 1A F0\r", CAN11))
                .containsExactly(msg("", "41 0C 1A F8"), msg("", "41 0C 1A F0"));
    }

    @Test
    void kLineWithHeadersStripsHeaderAndChecksum() {
        assertThat(decode("0100", "48 6B 11 41 00 BE 3F B8 13 C9\r", LEGACY_H))
                .containsExactly(msg("11", "41 00 BE 3F B8 13"));
        // ISO 14230 (KWP) format byte carrying the length.
        assertThat(decode("010D", "83F1114100D3\r", LEGACY_H)).containsExactly(msg("11", "41 00"));
    }

    @Test
    void j1850VinInSeveralMessages() {
        String raw = """
                48 6B 10 49 02 01 00 00 00 31 0F\r\
                48 6B 10 49 02 02 44 34 47 50 0E\r\
                48 6B 10 49 02 03 30 30 52 35 0D\r""";
        assertThat(decode("0902", raw, LEGACY_H)).extracting(EcuMessage::ecu).containsExactly("10", "10", "10");
        assertThat(decode("0902", raw, LEGACY_H).get(1)).isEqualTo(msg("10", "49 02 02 44 34 47 50"));
    }

    @Test
    void can29MultiFrameVinFromTheEngineInterleavedWithTheGearbox() {
        // ATH1 ATS1 on a 29-bit car: the first frame, the adapter's own flow control is not shown, then the
        // consecutive frames, with the gearbox answering in between.
        String raw = """
                18 DA F1 10 10 14 49 02 01 59 56 31\r\
                18 DA F1 18 03 41 0D 00 AA AA AA AA\r\
                18 DA F1 10 21 58 5A 31 36 4B 33 4D\r\
                18 DA F1 10 22 32 34 35 36 37 38 39\r\r""";
        assertThat(decode("0902", raw, CAN29_H)).containsExactly(
                msg("18DAF118", "41 0D 00"),
                msg("18DAF110", "49 02 01 59 56 31 58 5A 31 36 4B 33 4D 32 34 35 36 37 38 39"));
    }

    @Test
    void j1850PwmCodesWithTheirCrcByte() {
        // SAE J1850 PWM (Ford): priority 41, functional target 6B, the engine at 10; the last byte is the CRC-8.
        assertThat(decode("03", "41 6B 10 43 01 71 01 74 00 00 B9\r", LEGACY_H))
                .containsExactly(msg("10", "43 01 71 01 74 00 00"));
        assertThat(decode("010C", "416B10410C1AF83D\r", LEGACY_H)).containsExactly(msg("10", "41 0C 1A F8"));
    }

    @Test
    void legacyWithoutHeaders() {
        assertThat(decode("0100", "41 00 BE 3F B8 13\r", LEGACY)).containsExactly(msg("", "41 00 BE 3F B8 13"));
    }

    @Test
    void unknownFamilyIsGuessedFromTheLine() {
        FrameFormat unknown = new FrameFormat(ObdProtocol.Family.UNKNOWN, true);
        assertThat(decode("0100", "SEARCHING...\r7E8 06 41 00 BE 3F B8 13\r", unknown))
                .containsExactly(msg("7E8", "41 00 BE 3F B8 13"));
        assertThat(decode("0100", "18 DA F1 10 06 41 00 BE 3F B8 13\r", unknown))
                .containsExactly(msg("18DAF110", "41 00 BE 3F B8 13"));
        assertThat(decode("0100", "48 6B 11 41 00 BE 3F B8 13 C9\r", unknown))
                .containsExactly(msg("11", "41 00 BE 3F B8 13"));
    }

    @Test
    void garbageAndTruncationAreMalformed() {
        assertThatMalformed("7E8 06 41 0G BE 3F B8 13", CAN11_H);
        assertThatMalformed("7E8 10 14 49 02 01 31 44 34", CAN11_H);
        assertThatMalformed("7E8 21 47 50 30 30 52 35 35", CAN11_H);
        assertThatMalformed("7E8 06 41 00", CAN11_H);
        assertThatMalformed("014\r0: 49 02 01 31 44 34", CAN11);
        assertThatMalformed("1: 47 50 30 30 52 35 35", CAN11);
        assertThatMalformed("014\r1: 47 50 30 30 52 35 35", CAN11);
        // Found with the Jazzer oracle (AdapterAnswerFuzzTest): a length line of 000 gave an empty message.
        assertThatMalformed("000\r0: 41 00", CAN11);
        assertThatMalformed("48 6B 11", LEGACY_H);
        assertThatMalformed("\u00ff\u00fe@@", LEGACY);
    }

    private void assertThatMalformed(String raw, FrameFormat format) {
        assertThatThrownBy(() -> decode("0100", raw + "\r", format))
                .isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.MALFORMED_RESPONSE);
    }
}
