package fr.novaevo.workstation.obd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.testing.PtyPair;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** jSerialComm on a real socat pty pair. */
class SerialTransportTest {

    @Test
    void bytesCrossThePtyPairBothWays() throws Exception {
        try (PtyPair pty = PtyPair.open();
                Transport host = SerialTransport.open(pty.first(), 38400);
                Transport device = SerialTransport.open(pty.second(), 38400)) {
            host.write("ATI\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(readExactly(device, 4)).isEqualTo("ATI\r");
            device.write("ELM327 v1.5\r\r>".getBytes(StandardCharsets.US_ASCII));
            assertThat(readExactly(host, 14)).isEqualTo("ELM327 v1.5\r\r>");
            assertThat(host.read(new byte[8], Duration.ofMillis(30))).as("nothing more").isZero();
        }
    }

    @Test
    void aMissingDeviceIsPortUnavailable() {
        assertThatThrownBy(() -> SerialTransport.open("/dev/does-not-exist-obd", 38400))
                .isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.PORT_UNAVAILABLE);
    }

    private static String readExactly(Transport t, int count) {
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[64];
        while (got.length() < count) {
            int n = t.read(buf, Duration.ofSeconds(5));
            assertThat(n).as("bytes before the deadline").isPositive();
            got.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
        return got.toString();
    }
}
