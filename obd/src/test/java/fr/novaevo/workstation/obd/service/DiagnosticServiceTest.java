package fr.novaevo.workstation.obd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.testing.MemoryAuditJournal;
import fr.novaevo.workstation.obd.testing.ScriptedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticServiceTest {

    private final MemoryAuditJournal journal = new MemoryAuditJournal();

    private DiagnosticService service(ScriptedChannel ch) {
        return new DiagnosticService(ch, new PidCatalog(), journal);
    }

    @Test
    void storedCodesOnCanWithCountByteFromTwoEcus() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)
                .answer("03", "7E8:43 02 0301 0171".replace(" ", ""), "7E9:43 01 0700".replace(" ", ""));
        assertThat(service(ch).readCodes(CodeKind.STORED)).containsExactly(
                new EcuCode("7E8", DiagnosticTroubleCode.parse("P0301")),
                new EcuCode("7E8", DiagnosticTroubleCode.parse("P0171")),
                new EcuCode("7E9", DiagnosticTroubleCode.parse("P0700")));
    }

    @Test
    void pendingCodesOnKLineThreePerMessagePadded() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_9141_2)
                .answer("07", "10:47 0133 0420 C100".replace(" ", ""), "10:47 0455 0000 0000".replace(" ", ""));
        assertThat(service(ch).readCodes(CodeKind.PENDING)).extracting(c -> c.code().code())
                .containsExactly("P0133", "P0420", "U0100", "P0455");
    }

    @Test
    void noCodesIsAnEmptyList() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500).answer("0A", "7E8:4A00");
        assertThat(service(ch).readCodes(CodeKind.PERMANENT)).isEmpty();
        assertThat(service(new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)).readCodes(CodeKind.STORED))
                .isEmpty();
    }

    @Test
    void aCountLargerThanTheDataIsMalformed() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500).answer("03", "7E8:43030301");
        assertThatThrownBy(() -> service(ch).readCodes(CodeKind.STORED))
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.MALFORMED_RESPONSE);
    }

    @Test
    void clearingIsJournaled() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500).answer("04", "7E8:44", "7E9:44");
        List<EcuCode> before = List.of(new EcuCode("7E8", DiagnosticTroubleCode.parse("P0301")));
        assertThat(service(ch).clearCodes(new ClearConfirmation("VF1AB000123456789", before, true)))
                .containsExactly("7E8", "7E9");
        assertThat(ch.requests()).containsExactly("04");
        assertThat(journal.entries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("obd.codes.cleared");
            assertThat(e.subject()).isEqualTo("VF1AB000123456789");
            assertThat(e.details()).contains("7E8,7E9").contains("P0301@7E8");
        });
    }

    @Test
    void refusedClearingIsTypedAndNotJournaled() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500).answer("04", "7E8:7F0422");
        assertThatThrownBy(() -> service(ch).clearCodes(new ClearConfirmation("VIN", List.of(), false)))
                .isInstanceOf(ObdException.class)
                .hasMessageContaining("conditions not correct")
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.NEGATIVE_RESPONSE);
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void sparkReadiness() {
        // MIL on, 2 codes; misfire+fuel+components supported, components incomplete; catalyst, evap, O2,
        // O2 heater, EGR supported; evap and EGR incomplete.
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)
                .answer("0101", "7E8:4101 82 47 E5 84".replace(" ", ""));
        Readiness r = service(ch).readiness().getFirst();
        assertThat(r.milOn()).isTrue();
        assertThat(r.dtcCount()).isEqualTo(2);
        assertThat(r.compression()).isFalse();
        assertThat(r.incomplete()).extracting(Readiness.Monitor::name)
                .containsExactly("Comprehensive components", "Evaporative system", "EGR system");
        assertThat(r.monitors()).filteredOn(Readiness.Monitor::supported).extracting(Readiness.Monitor::name)
                .contains("Catalyst", "Oxygen sensor", "Oxygen sensor heater").doesNotContain("Secondary air system");
        assertThat(r.ready()).isFalse();
    }

    @Test
    void compressionReadiness() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)
                .answer("0101", "7E8:4101 00 0F C3 00".replace(" ", ""));
        Readiness r = service(ch).readiness().getFirst();
        assertThat(r.compression()).isTrue();
        assertThat(r.milOn()).isFalse();
        assertThat(r.monitors()).filteredOn(Readiness.Monitor::supported).extracting(Readiness.Monitor::name)
                .contains("NMHC catalyst", "NOx/SCR aftertreatment", "PM filter", "EGR/VVT system");
        assertThat(r.ready()).isTrue();
    }

    @Test
    void freezeFrameWithTriggerAndValues() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)
                .answer("020200", "7E8:4202000301")
                .answer("020C00", "7E8:420C000FA0")
                .answer("020500", "7E8:4205005A");
        FreezeFrame ff = service(ch).freezeFrame(0, List.of(0x0C, 0x05, 0x0D)).getFirst();
        assertThat(ff.trigger()).hasValue(DiagnosticTroubleCode.parse("P0301"));
        assertThat(ff.values()).extracting(PidReading::pid, PidReading::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0x0C, 1000.0), org.assertj.core.groups.Tuple.tuple(0x05, 50.0));
    }
}
