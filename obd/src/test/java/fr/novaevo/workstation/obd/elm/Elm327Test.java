package fr.novaevo.workstation.obd.elm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.frames.EcuMessage;
import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.testing.FakeElm;
import fr.novaevo.workstation.obd.transport.SimTransport;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Elm327Test {

    private static ElmSettings quick() {
        return new ElmSettings(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(500),
                Duration.ofMillis(100), Duration.ofMillis(500));
    }

    private static Elm327 driver(FakeElm fake) {
        return new Elm327(new SimTransport("sim", fake), quick());
    }

    @Test
    void setupSequenceAndACloneThatLiesAboutItsVersion() {
        FakeElm fake = FakeElm.clone15();
        try (Elm327 elm = driver(fake)) {
            AdapterInfo info = elm.initialize();
            assertThat(info.identity()).isEqualTo("ELM327 v1.5");
            assertThat(info.claimedVersion()).isEqualTo("1.5");
            assertThat(info.probedVersion()).isEqualTo("1.3");
            assertThat(info.claimsMoreThanItHas()).isTrue();
            assertThat(info.isStn()).isFalse();
            assertThat(info.type()).isEqualTo("ELM327");
            assertThat(info.voltage()).hasValue(12.4);
            assertThat(info.features()).contains(AdapterInfo.Feature.HEADERS, AdapterInfo.Feature.SPACES_OFF,
                    AdapterInfo.Feature.ADAPTIVE_TIMING, AdapterInfo.Feature.RESPONSE_COUNT);
            assertThat(fake.received()).startsWith("ATZ", "ATE0", "ATI", "ATL0", "ATAT1", "ATS0", "ATIGN");
            assertThat(fake.received()).contains("ATH1", "STI", "ATRV");
        }
    }

    @Test
    void aGenuineStnIsRecognised() {
        FakeElm fake = FakeElm.clone15().answer("ATI", "ELM327 v1.4b").answer("ATIGN", "ON")
                .answer("ATAMC", "00").answer("STI", "STN1110 r4.2.1").answer("STDI", "OBDLink SX r4.2")
                .answer("AT@1", "SCANTOOL.NET LLC");
        try (Elm327 elm = driver(fake)) {
            AdapterInfo info = elm.initialize();
            assertThat(info.isStn()).isTrue();
            assertThat(info.type()).isEqualTo("STN");
            assertThat(info.stnIdentity()).hasValue("STN1110 r4.2.1");
            assertThat(info.description()).as("the STN's own device name").hasValue("OBDLink SX r4.2");
            assertThat(info.probedVersion()).isEqualTo("2.0");
            assertThat(info.claimsMoreThanItHas()).isFalse();
        }
    }

    @Test
    void silenceIsNoAdapter() {
        try (Elm327 elm = driver(new FakeElm().silent())) {
            assertThatThrownBy(elm::initialize).isInstanceOf(ObdException.class)
                    .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.NO_ADAPTER);
        }
    }

    @Test
    void somethingElseOnThePortIsNoAdapter() {
        FakeElm modem = new FakeElm().answer("ATZ", "OK").answer("ATE0", "OK").answer("ATI", "Hayes Smartmodem");
        try (Elm327 elm = driver(modem)) {
            assertThatThrownBy(elm::initialize).extracting(e -> ((ObdException) e).reason())
                    .isEqualTo(ObdErrorCode.NO_ADAPTER);
        }
    }

    @Test
    void protocolSearchAndDetectedProtocol() {
        FakeElm fake = FakeElm.clone15()
                .answer("0100", "SEARCHING...\r7E8064100BE3FB813\r7E9064100981880 11".replace(" ", ""));
        try (Elm327 elm = driver(fake)) {
            elm.initialize();
            List<EcuMessage> answers = elm.connectVehicle(ObdProtocol.AUTO);
            assertThat(answers).extracting(EcuMessage::ecu).containsExactly("7E8", "7E9");
            assertThat(elm.protocol()).isEqualTo(ObdProtocol.ISO_15765_4_CAN_11_500);
        }
    }

    @Test
    void ignitionOffIsUnableToConnect() {
        FakeElm fake = FakeElm.clone15().answer("0100", "SEARCHING...\rUNABLE TO CONNECT");
        try (Elm327 elm = driver(fake)) {
            elm.initialize();
            assertThatThrownBy(() -> elm.connectVehicle(ObdProtocol.AUTO))
                    .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.UNABLE_TO_CONNECT);
        }
        FakeElm noData = FakeElm.clone15().answer("0100", "SEARCHING...\rNO DATA");
        try (Elm327 elm = driver(noData)) {
            elm.initialize();
            assertThatThrownBy(() -> elm.connectVehicle(ObdProtocol.AUTO))
                    .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.UNABLE_TO_CONNECT);
        }
    }

    @Test
    void responseCountSuffixIsSentWhenSupportedButNeverOnClearCodes() {
        FakeElm fake = FakeElm.clone15().answer("0100", "7E8064100BE3FB813").answer("010C1", "7E804410C1AF8")
                .answer("04", "7E80144");
        try (Elm327 elm = driver(fake)) {
            elm.initialize();
            elm.connectVehicle(ObdProtocol.AUTO);
            assertThat(elm.query("010C", 1)).containsExactly(
                    new EcuMessage("7E8", HexFormat.of().parseHex("410C1AF8")));
            assertThat(elm.query("04", 1)).hasSize(1);
            assertThat(elm.lastRequestWasClearCodes()).isTrue();
        }
        assertThat(fake.received()).contains("010C1", "04").doesNotContain("041", "");
    }

    @Test
    void anEmptyCommandIsRefusedBeforeItReachesTheAdapter() {
        FakeElm fake = FakeElm.clone15();
        try (Elm327 elm = driver(fake)) {
            assertThatThrownBy(() -> elm.command(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> elm.command("ATZ\rATZ")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void voltageFormatsOfClones() {
        for (String answer : List.of("12.6V", "12.6 V", "12,6V", "12.6")) {
            try (Elm327 elm = driver(FakeElm.clone15().answer("ATRV", answer))) {
                assertThat(elm.batteryVoltage()).isEqualTo(12.6);
            }
        }
        try (Elm327 elm = driver(FakeElm.clone15().answer("ATRV", "SHORT"))) {
            assertThatThrownBy(elm::batteryVoltage).extracting(e -> ((ObdException) e).reason())
                    .isEqualTo(ObdErrorCode.MALFORMED_RESPONSE);
        }
    }

    @Test
    void headerIsSetOnceAndValidated() {
        FakeElm fake = FakeElm.clone15().answer("ATSH7E0", "OK");
        try (Elm327 elm = driver(fake)) {
            elm.setHeader("7e0");
            elm.setHeader("7E0");
            assertThatThrownBy(() -> elm.setHeader("7E")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(fake.received()).containsExactly("ATSH7E0");
    }

    @Test
    void aTimedOutRequestDoesNotPoisonTheNextOne() {
        FakeElm fake = FakeElm.clone15().answer("0100", "7E8064100BE3FB813");
        try (Elm327 elm = driver(fake)) {
            elm.initialize();
            elm.connectVehicle(ObdProtocol.AUTO);
            assertThatThrownBy(() -> elm.command("ATXX", Duration.ZERO))
                    .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.TIMEOUT);
            assertThat(elm.query("0100", 0)).hasSize(1);
        }
    }
}
