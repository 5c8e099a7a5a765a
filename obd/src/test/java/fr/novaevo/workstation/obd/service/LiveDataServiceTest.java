package fr.novaevo.workstation.obd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.testing.ScriptedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveDataServiceTest {

    private static ScriptedChannel twoEcus() {
        return new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)
                // Engine: 01-20 with 04 05 0C 0D 0F 11 and more; transmission: 0D only, no continuation.
                .answer("0100", "7E8:4100 1818 8001".replace(" ", ""), "7E9:4100 00080000".replace(" ", ""))
                .answer("0120", "7E8:4120 80000001".replace(" ", ""))
                .answer("0140", "7E8:4140 40000000".replace(" ", ""));
    }

    @Test
    void discoversSupportedPidsPerEcuFollowingContinuationBits() {
        LiveDataService live = new LiveDataService(twoEcus(), new PidCatalog());
        var supported = live.discoverSupportedPids();
        assertThat(supported.get("7E8")).contains(0x04, 0x05, 0x0C, 0x0D, 0x11, 0x20, 0x21, 0x40, 0x42);
        assertThat(supported.get("7E9")).containsExactly(0x0D);
        assertThat(live.supportedByAnyEcu()).doesNotContain(0x20, 0x40).contains(0x21, 0x42);
    }

    @Test
    void sixPidsInOneRequestOnCan() {
        ScriptedChannel ch = twoEcus()
                .answer("010C0D05", "7E8:410C1AF80D3205 7B".replace(" ", ""), "7E9:410D32");
        LiveDataService live = new LiveDataService(ch, new PidCatalog());
        live.discoverSupportedPids();
        List<PidReading> r = live.read(List.of(0x0C, 0x0D, 0x05));
        assertThat(r).extracting(PidReading::ecu, PidReading::pid, PidReading::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("7E8", 0x0C, 1726.0),
                org.assertj.core.groups.Tuple.tuple("7E8", 0x0D, 50.0),
                org.assertj.core.groups.Tuple.tuple("7E8", 0x05, 83.0),
                org.assertj.core.groups.Tuple.tuple("7E9", 0x0D, 50.0));
        assertThat(ch.requests()).endsWith("010C0D05");
        assertThat(live.multiPidEnabled()).isTrue();
    }

    @Test
    void responseCountSuffixWhenTheAnswerFitsOneFrame() {
        ScriptedChannel ch = twoEcus().answer("010C", "7E8:410C1AF8").answer("010D", "7E8:410D32", "7E9:410D32");
        LiveDataService live = new LiveDataService(ch, new PidCatalog());
        live.discoverSupportedPids();
        live.read(List.of(0x0C));
        live.read(List.of(0x0D));
        assertThat(ch.responseCounts()).endsWith(1, 2);
    }

    @Test
    void fallsBackToOnePidPerRequestWhenAnEcuRefusesMultiPid() {
        ScriptedChannel ch = twoEcus()
                .answer("010C0D", "7E8:410C1AF8")   // an ECU that answers only the first PID
                .answer("010C", "7E8:410C1AF8")
                .answer("010D", "7E8:410D32", "7E9:410D33")
                .answer("0105", "7E8:41057B");
        LiveDataService live = new LiveDataService(ch, new PidCatalog());
        live.discoverSupportedPids();
        assertThat(live.read(List.of(0x0C, 0x0D))).extracting(PidReading::pid).containsExactly(0x0C, 0x0D, 0x0D);
        assertThat(live.multiPidEnabled()).isFalse();
        assertThat(live.read(List.of(0x0C, 0x05))).hasSize(2);
        assertThat(ch.requests()).endsWith("010C0D", "010C", "010D", "010C", "0105");
    }

    @Test
    void noDataToMultiPidAlsoFallsBack() {
        ScriptedChannel ch = twoEcus().answer("010C", "7E8:410C1AF8").answer("010D", "7E8:410D32");
        LiveDataService live = new LiveDataService(ch, new PidCatalog());
        live.discoverSupportedPids();
        assertThat(live.read(List.of(0x0C, 0x0D))).hasSize(2);
        assertThat(live.multiPidEnabled()).isFalse();
    }

    @Test
    void aDamagedMultiPidAnswerFailsThatRequestButKeepsMultiPid() {
        ScriptedChannel ch = twoEcus().answer("010C0D", "7E8:410C1A");
        LiveDataService live = new LiveDataService(ch, new PidCatalog());
        live.discoverSupportedPids();
        assertThatThrownBy(() -> live.read(List.of(0x0C, 0x0D))).isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.MALFORMED_RESPONSE);
        assertThat(live.multiPidEnabled()).isTrue();
    }

    @Test
    void legacyProtocolsAskOnePidAtATime() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_14230_4_KWP_FAST)
                .answer("010C", "11:410C1AF8").answer("010D", "11:410D32");
        LiveDataService live = new LiveDataService(ch, new PidCatalog());
        assertThat(live.read(List.of(0x0C, 0x0D))).hasSize(2);
        assertThat(ch.requests()).containsExactly("010C", "010D");
    }

    @Test
    void unknownPidsAreRefusedBeforeAnyRequest() {
        ScriptedChannel ch = twoEcus();
        assertThatThrownBy(() -> new LiveDataService(ch, new PidCatalog()).read(List.of(0xE5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ch.requests()).isEmpty();
    }
}
