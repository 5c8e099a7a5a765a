package fr.novaevo.workstation.obd.sim;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.core.testing.RandomCases;
import fr.novaevo.workstation.obd.transport.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

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

    private static final List<String> AT = List.of("ATZ", "ATE0", "ATE1", "ATH1", "ATH0", "ATS0", "ATS1", "ATL1",
            "ATL0", "ATSP0", "ATSP6", "ATSP5", "ATSP7", "ATSP2", "ATDPN", "ATRV", "ATSH7E0", "ATSH7DF",
            "ATSH18DB33F1", "ATIGN", "ATXYZ", "STI");

    /** 1 to 12 lines: AT commands, vehicle requests in hex, or printable noise without CR or prompt. */
    static List<String> lines(SplittableRandom r) {
        int n = RandomCases.between(r, 1, 12);
        List<String> lines = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(switch (r.nextInt(3)) {
                case 0 -> RandomCases.oneOf(r, AT);
                case 1 -> hex(r, RandomCases.between(r, 1, 16));
                default -> RandomCases.string(r, '\u0000', '\u007f', 20).replace("\r", "").replace(">", "");
            });
        }
        return lines;
    }

    private static String hex(SplittableRandom r, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append("0123456789ABCDEF".charAt(r.nextInt(16)));
        }
        return s.toString();
    }

    @Test
    void everyLineGetsOnePrompt() {
        RandomCases.check(200, r -> {
            List<String> lines = lines(r);
            String scenario = RandomCases.oneOf(r, VirtualVehicles.SCENARIOS);
            Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            Elm327Emulator emulator = new Elm327Emulator(new VirtualVehicles(clock).create(scenario),
                    SimulatorSettings.instant(), new FaultInjector());
            Capture out = new Capture();
            for (String line : lines) {
                emulator.receive((line + "\r").getBytes(StandardCharsets.ISO_8859_1), out);
            }
            String all = out.bytes.toString(StandardCharsets.ISO_8859_1);
            assertThat(all.chars().filter(c -> c == '>').count()).isEqualTo(lines.size());
            assertThat(all).endsWith(">");
            assertThat(out.unplugged).isFalse();
        });
    }
}
