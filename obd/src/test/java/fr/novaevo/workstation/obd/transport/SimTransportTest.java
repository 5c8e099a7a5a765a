package fr.novaevo.workstation.obd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimTransportTest {

    private static String readUntilPrompt(Transport t) {
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[3];
        while (got.indexOf(">") < 0) {
            int n = t.read(buf, Duration.ofSeconds(5));
            assertThat(n).as("bytes before the deadline").isPositive();
            got.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
        return got.toString();
    }

    @Test
    void theDeviceAnswersAsynchronouslyInPieces() {
        SimulatedDevice upperCaseEcho = (data, out) -> {
            String text = new String(data, StandardCharsets.US_ASCII).toUpperCase();
            for (char c : (text + ">").toCharArray()) {
                out.send(new byte[] {(byte) c});
            }
        };
        try (Transport t = new SimTransport("sim", upperCaseEcho)) {
            t.write("atz\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntilPrompt(t)).isEqualTo("ATZ\r>");
        }
    }

    @Test
    void silenceIsZeroBytesAndDiscardDropsLateAnswers() {
        SimulatedDevice silent = (data, out) -> { };
        try (SimTransport t = new SimTransport("sim", silent)) {
            assertThat(t.read(new byte[8], Duration.ofMillis(20))).isZero();
            t.send("late>".getBytes(StandardCharsets.US_ASCII));
            t.discardInput();
            assertThat(t.read(new byte[8], Duration.ofMillis(20))).isZero();
        }
    }

    @Test
    void unpluggingFailsTheNextRead() {
        SimulatedDevice unplugging = (data, out) -> out.unplug();
        try (Transport t = new SimTransport("sim", unplugging)) {
            t.write(new byte[] {'A', '\r'});
            assertThatThrownBy(() -> t.read(new byte[8], Duration.ofSeconds(5)))
                    .isInstanceOf(ObdException.class)
                    .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.LINK_LOST);
            assertThat(t.isOpen()).isFalse();
        }
    }

    @Test
    void closedTransportRefusesWrites() {
        Transport t = new SimTransport("sim", (data, out) -> { });
        t.close();
        assertThatThrownBy(() -> t.write(new byte[] {'x'})).isInstanceOf(ObdException.class);
    }
}
