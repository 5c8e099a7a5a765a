package fr.novaevo.workstation.obd.service;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.testing.ScriptedChannel;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VehicleInfoServiceTest {

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void canVinCalidCvnAndEcuName() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)
                .answer("0902", "7E8:490201" + hex("VF1RFB00X56789012"))
                .answer("0904", "7E8:490402" + hex("JMB*36761500\0\0\0\0") + hex("ABC123\0\0\0\0\0\0\0\0\0\0"))
                .answer("0906", "7E8:49060117791BC8", "7E9:490601DEADBEEF")
                .answer("090A", "7E8:490A01" + hex("ECM\0-EngineControl\0\0"));
        VehicleInfoService svc = new VehicleInfoService(ch);
        assertThat(svc.vin()).hasValue("VF1RFB00X56789012");
        assertThat(svc.calibrationIds()).isEqualTo(Map.of("7E8", List.of("JMB*36761500", "ABC123")));
        assertThat(svc.calibrationVerificationNumbers()).containsEntry("7E8", List.of("17791BC8"))
                .containsEntry("7E9", List.of("DEADBEEF"));
        assertThat(svc.ecuNames()).containsEntry("7E8", "ECM-EngineControl");
    }

    @Test
    void canVinWithoutCountByte() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)
                .answer("0902", "7E8:4902" + hex("WVWZZZ1JZXW000001"));
        assertThat(new VehicleInfoService(ch).vin()).hasValue("WVWZZZ1JZXW000001");
    }

    @Test
    void legacyVinInFiveMessages() {
        String vin = hex("1G1JC5444R7252367");
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.J1850_VPW).answer("0902",
                "10:49020100000031", "10:490202" + vin.substring(2, 10), "10:490203" + vin.substring(10, 18),
                "10:490204" + vin.substring(18, 26), "10:490205" + vin.substring(26, 34));
        assertThat(new VehicleInfoService(ch).vin()).hasValue("1G1JC5444R7252367");
    }

    @Test
    void noVinSupportIsEmpty() {
        assertThat(new VehicleInfoService(new ScriptedChannel(ObdProtocol.ISO_9141_2)).vin()).isEmpty();
    }
}
