package fr.novaevo.workstation.obd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.testing.ScriptedChannel;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UdsClientTest {

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void identifiesAnEcuAndKeepsOnlyItsAnswers() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500);
        ch.setHeader("7E0");
        ch.answer("22F190", "7E8:62F190" + hex("VF1RFB00X56789012"))
                .answer("22F187", "7E8:62F187" + hex("237101234R"), "7E9:62F187" + hex("OTHER"))
                .answer("22F189", "7E8:7F2231")
                .answer("22F18C", "7E8:7F2278", "7E8:62F18C" + hex("SN0042"));
        EcuIdentification id = new UdsClient(ch).identify("7E0");
        assertThat(id.ecu()).isEqualTo("7E8");
        assertThat(id.vin()).hasValue("VF1RFB00X56789012");
        assertThat(id.sparePartNumber()).hasValue("237101234R");
        assertThat(id.softwareVersion()).isEmpty();
        assertThat(id.serialNumber()).hasValue("SN0042");
    }

    @Test
    void negativeResponseCarriesTheNrc() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500);
        ch.setHeader("7E0");
        ch.answer("22F190", "7E8:7F2233");
        assertThatThrownBy(() -> new UdsClient(ch).readDataByIdentifier("7E0", UdsClient.DID_VIN))
                .isInstanceOf(ObdException.class).hasMessageContaining("security access denied")
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.NEGATIVE_RESPONSE);
    }

    @Test
    void responseIds() {
        assertThat(UdsClient.responseIdFor("7E0")).isEqualTo("7E8");
        assertThat(UdsClient.responseIdFor("7e1")).isEqualTo("7E9");
        assertThat(UdsClient.responseIdFor("18DA10F1")).isEqualTo("18DAF110");
    }
}
