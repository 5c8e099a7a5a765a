package fr.novaevo.workstation.obd.sim;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.obd.transport.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a host sends, the virtual adapter answers each line with exactly one prompt and never fails. */
class Elm327EmulatorPropertiesTest {

    private static final class Capture implements SimulatedDevice.DeviceOutput {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean unplugged;

        @Override
        public void send(byte[] b) {
            bytes.writeBytes(b);
        }

        @Override
        public void unplug() {
            unplugged = true;
        }
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> at = Arbitraries.of("ATZ", "ATE0", "ATE1", "ATH1", "ATH0", "ATS0", "ATS1", "ATL1", "ATL0",
                "ATSP0", "ATSP6", "ATSP5", "ATDPN", "ATRV", "ATSH7E0", "ATSH7DF", "ATIGN", "ATXYZ", "STI");
        Arbitrary<String> obd = Arbitraries.strings().withChars("0123456789ABCDEF").ofMinLength(1).ofMaxLength(16);
        Arbitrary<String> noise = Arbitraries.strings().ascii().ofMaxLength(20).map(s -> s.replace("\r", "").replace(">", ""));
        return Arbitraries.oneOf(at, obd, noise).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 200)
    void everyLineGetsOnePrompt(@ForAll("lines") List<String> lines) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Elm327Emulator emulator = new Elm327Emulator(new VirtualVehicles(clock).demo(), SimulatorSettings.instant(),
                new FaultInjector());
        Capture out = new Capture();
        for (String line : lines) {
            emulator.receive((line + "\r").getBytes(StandardCharsets.ISO_8859_1), out);
        }
        String all = out.bytes.toString(StandardCharsets.ISO_8859_1);
        assertThat(all.chars().filter(c -> c == '>').count()).isEqualTo(lines.size());
        assertThat(all).endsWith(">");
        assertThat(out.unplugged).isFalse();
    }
}
