package fr.novaevo.workstation.obd.elm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Answers as the ELM327 datasheet and captures of clones show them (everything before the '>' prompt). */
class ElmResponseParserTest {

    private final ElmResponseParser parser = new ElmResponseParser();

    @Test
    void resetBannerAfterNulBytesAndBlankLines() {
        ElmResponse r = parser.parse("ATZ", "ATZ\r\r\u0000\u0000ELM327 v1.5\r\r");
        assertThat(r.lines()).containsExactly("ELM327 v1.5");
    }

    @Test
    void echoIsRemovedWithOrWithoutSpacesAndCase() {
        assertThat(parser.parse("0100", "0100\r41 00 BE 3F B8 13\r\r").lines()).containsExactly("41 00 BE 3F B8 13");
        assertThat(parser.parse("01 00", "0100\r\n41 00 BE 3F B8 13\r\n").lines())
                .containsExactly("41 00 BE 3F B8 13");
        assertThat(parser.parse("ate0", "ATE0\rOK\r\r").isOk()).isTrue();
    }

    @Test
    void echoIsOnlyTheFirstLine() {
        // A data line that happens to look like the command later in the answer must stay.
        assertThat(parser.parse("0100", "41 00 BE 3F B8 13\r0100\r").lines()).containsExactly("41 00 BE 3F B8 13",
                "0100");
    }

    @Test
    void lineFeedOnlyAndCrLfEndings() {
        assertThat(parser.parse("ATRV", "12.6V\n\n").text()).isEqualTo("12.6V");
        assertThat(parser.parse("ATRV", "\r\n12.6V\r\n\r\n").text()).isEqualTo("12.6V");
    }

    @Test
    void searchingAndBusInitOkAreInformational() {
        assertThat(parser.parse("0100", "SEARCHING...\r41 00 BE 3F B8 13\r\r").lines())
                .containsExactly("41 00 BE 3F B8 13");
        assertThat(parser.parse("0100", "BUS INIT: ...OK\r41 00 BE 1F B8 10\r\r").lines())
                .containsExactly("41 00 BE 1F B8 10");
        assertThat(parser.parse("0100", "BUS INIT: ...\rOK\r41 00 BE 1F B8 10\r").lines())
                .containsExactly("OK", "41 00 BE 1F B8 10");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "NO DATA|NO_DATA",
        "SEARCHING...\rNO DATA|NO_DATA",
        "NODATA|NO_DATA",
        "?|UNKNOWN_COMMAND",
        "CAN ERROR|BUS_ERROR",
        "BUS ERROR|BUS_ERROR",
        "BUS BUSY|BUS_ERROR",
        "FB ERROR|BUS_ERROR",
        "BUFFER FULL|BUFFER_FULL",
        "STOPPED|STOPPED",
        "SEARCHING...\rUNABLE TO CONNECT|UNABLE_TO_CONNECT",
        "BUS INIT: ...ERROR|UNABLE_TO_CONNECT",
        "BUS INIT: ERROR|UNABLE_TO_CONNECT",
        "ERR94|ADAPTER_ERROR",
        "ERR71|ADAPTER_ERROR",
        "LV RESET|LOW_VOLTAGE",
        "LP ALERT|LOW_VOLTAGE",
        "ACT ALERT|ADAPTER_ERROR",
        "41 0C 1A <DATA ERROR|DATA_ERROR",
        "DATA ERROR|DATA_ERROR",
        "7E8 03 41 0D <RX ERROR|DATA_ERROR",
    })
    void errorsAreTyped(String answer, ObdErrorCode expected) {
        assertThatThrownBy(() -> parser.parse("010C", answer.replace("\\r", "\r") + "\r\r"))
                .isInstanceOf(AdapterResponseException.class)
                .satisfies(e -> {
                    AdapterResponseException a = (AdapterResponseException) e;
                    assertThat(a.reason()).isEqualTo(expected);
                    assertThat(a.command()).isEqualTo("010C");
                    assertThat(a.code()).isEqualTo(expected.code());
                });
    }

    @Test
    void errorAfterEchoStillTyped() {
        assertThatThrownBy(() -> parser.parse("0902", "0902\rNO DATA\r\r"))
                .extracting(e -> ((AdapterResponseException) e).reason()).isEqualTo(ObdErrorCode.NO_DATA);
    }

    @Test
    void errorMessageShowsControlCharactersVisibly() {
        assertThatThrownBy(() -> parser.parse("0100", "\u0001NO DATA\r"))
                .hasMessageContaining("\\x01NO DATA\\r");
    }

    @Test
    void multiLineVoltageAndIdentity() {
        assertThat(parser.parse("ATI", "ELM327 v2.1\r").text()).isEqualTo("ELM327 v2.1");
        assertThat(parser.parse("STI", "STN1110 r0.2.1\r").text()).isEqualTo("STN1110 r0.2.1");
        assertThat(parser.parse("ATDPN", "A6\r").text()).isEqualTo("A6");
    }
}
