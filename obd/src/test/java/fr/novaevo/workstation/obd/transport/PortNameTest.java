package fr.novaevo.workstation.obd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PortNameTest {

    @Test
    void serialDevicesOfEveryOperatingSystem() {
        assertThat(PortName.parse("/dev/ttyUSB0")).isEqualTo(new PortName.Serial("/dev/ttyUSB0"));
        assertThat(PortName.parse("COM3")).isEqualTo(new PortName.Serial("COM3"));
        assertThat(PortName.parse("com12")).isEqualTo(new PortName.Serial("com12"));
        assertThat(PortName.parse("/dev/pts/7")).isEqualTo(new PortName.Serial("/dev/pts/7"));
        assertThat(PortName.parse("/dev/cu.usbserial-A50285BI"))
                .isEqualTo(new PortName.Serial("/dev/cu.usbserial-A50285BI"));
        assertThat(PortName.parse("ttyACM0")).isEqualTo(new PortName.Serial("ttyACM0"));
        assertThat(PortName.parse("  /dev/rfcomm0 ")).isEqualTo(new PortName.Serial("/dev/rfcomm0"));
    }

    @Test
    void tcpWithDefaults() {
        assertThat(PortName.parse("tcp:127.0.0.1:35000")).isEqualTo(new PortName.Tcp("127.0.0.1", 35000));
        assertThat(PortName.parse("tcp:localhost")).isEqualTo(new PortName.Tcp("localhost", 35000));
        assertThat(PortName.parse("tcp:")).isEqualTo(new PortName.Tcp("192.168.0.10", 35000));
        assertThat(PortName.parse("TCP:obdlink.local:23")).isEqualTo(new PortName.Tcp("obdlink.local", 23));
        assertThat(PortName.parse("tcp:[::1]:35000")).isEqualTo(new PortName.Tcp("::1", 35000));
    }

    @Test
    void simWithOptionalScenario() {
        assertThat(PortName.parse("sim")).isEqualTo(new PortName.Sim(""));
        assertThat(PortName.parse("SIM")).isEqualTo(new PortName.Sim(""));
        assertThat(PortName.parse("sim:misfire")).isEqualTo(new PortName.Sim("misfire"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/ttyUSB0", "COM3", "tcp:192.168.0.10:35000", "tcp:[::1]:35000", "sim", "sim:kline"})
    void textRoundTrips(String text) {
        assertThat(PortName.parse(PortName.parse(text).text())).isEqualTo(PortName.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tcp:host:99999", "tcp:host:abc", "tcp:::1:35", "tcp:[::1", "usb",
            "sim:bad name", "tcp:ho st:35000", "/dev/tty\nUSB0"})
    void rejectsWithATypedReason(String text) {
        assertThatThrownBy(() -> PortName.parse(text))
                .isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason())
                .isEqualTo(ObdErrorCode.BAD_PORT_NAME);
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> PortName.parse(null)).isInstanceOf(ObdException.class);
    }
}
