package fr.novaevo.workstation.obd.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import fr.novaevo.workstation.obd.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaudRateProbeTest {

    /** A serial line to an adapter fixed at one speed: at any other speed both sides read noise. */
    private static final class FixedSpeedAdapter implements Transport {
        final int adapterBaud;
        final List<Integer> speedsSet = new ArrayList<>();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        int baud;
        byte[] pending = new byte[0];
        boolean noisyBuffer;

        FixedSpeedAdapter(int adapterBaud) {
            this.adapterBaud = adapterBaud;
        }

        @Override
        public String name() {
            return "/dev/ttyUSB0";
        }

        @Override
        public void write(byte[] data) {
            written.writeBytes(data);
            if (baud != adapterBaud) {
                noisyBuffer = true;
                pending = new byte[] {(byte) 0xF8, (byte) 0x80, 0x0F};
            } else if (noisyBuffer) {
                // The first line after noise is garbage to the chip.
                noisyBuffer = false;
                pending = "?\r\r>".getBytes(StandardCharsets.US_ASCII);
            } else {
                pending = "ELM327 v2.1\r\r>".getBytes(StandardCharsets.US_ASCII);
            }
        }

        @Override
        public int read(byte[] buffer, Duration timeout) {
            int n = Math.min(buffer.length, pending.length);
            System.arraycopy(pending, 0, buffer, 0, n);
            pending = new byte[0];
            return n;
        }

        @Override
        public void discardInput() {
            pending = new byte[0];
        }

        @Override
        public void setBaudRate(int baud) {
            this.baud = baud;
            speedsSet.add(baud);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void findsTheSpeedTryingTheCommonOnesFirstAndNeverSendsABareReturn() {
        FixedSpeedAdapter adapter = new FixedSpeedAdapter(115200);
        assertThat(new BaudRateProbe(Duration.ofMillis(50)).find(adapter, BaudRateProbe.CANDIDATES)).hasValue(115200);
        assertThat(adapter.speedsSet).containsExactly(38400, 115200);
        assertThat(adapter.baud).isEqualTo(115200);
        String sent = adapter.written.toString(StandardCharsets.US_ASCII);
        assertThat(sent.split("\r", -1)).allMatch(line -> line.isEmpty() || line.equals("ATI"));
        assertThat(sent).doesNotContain("\r\r").startsWith("ATI\r");
    }

    @Test
    void noSpeedAnsweringIsNoAdapter() {
        FixedSpeedAdapter adapter = new FixedSpeedAdapter(1200);
        BaudRateProbe probe = new BaudRateProbe(Duration.ofMillis(20));
        assertThat(probe.find(adapter, List.of(38400, 9600))).isEmpty();
        assertThatThrownBy(() -> probe.require(adapter, List.of(38400))).isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.NO_ADAPTER);
    }
}
