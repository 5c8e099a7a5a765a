package fr.novaevo.workstation.obd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Worked examples of SAE J1979 formulas. */
class PidCatalogTest {

    private final PidCatalog catalog = new PidCatalog();

    private PidReading decode(int pid, int... data) {
        return catalog.find(pid).orElseThrow().decode("7E8", data);
    }

    @Test
    void commonPids() {
        assertThat(decode(0x0C, 0x1A, 0xF8).value()).isEqualTo(1726.0);
        assertThat(decode(0x0C, 0x1A, 0xF8).text()).isEqualTo("1726 rpm");
        assertThat(decode(0x05, 0x7B).value()).isEqualTo(83.0);
        assertThat(decode(0x05, 0x7B).unit()).isEqualTo("°C");
        assertThat(decode(0x0D, 0x32).value()).isEqualTo(50.0);
        assertThat(decode(0x04, 0xFF).value()).isEqualTo(100.0);
        assertThat(decode(0x06, 0x80).value()).isEqualTo(0.0);
        assertThat(decode(0x06, 0x00).value()).isEqualTo(-100.0);
        assertThat(decode(0x10, 0x01, 0x90).value()).isEqualTo(4.0);
        assertThat(decode(0x0E, 0x80).value()).isEqualTo(0.0);
        assertThat(decode(0x42, 0x31, 0x2D).value()).isEqualTo(12.589, within(1e-9));
        assertThat(decode(0x5E, 0x00, 0x64).value()).isEqualTo(5.0);
        assertThat(decode(0x3C, 0x11, 0x94).value()).isEqualTo(410.0, within(1e-9));
        assertThat(decode(0xA6, 0x00, 0x1E, 0x84, 0x80).value()).isEqualTo(200000.0);
        assertThat(decode(0x32, 0xFF, 0xFC).value()).isEqualTo(-1.0);
    }

    @Test
    void statePids() {
        assertThat(decode(0x1C, 0x06).text()).isEqualTo("EOBD (Europe)");
        assertThat(decode(0x03, 0x02, 0x00).text()).isEqualTo("Closed loop");
        assertThat(decode(0x51, 0x04).text()).isEqualTo("Diesel");
        assertThat(decode(0x02, 0x03, 0x01).text()).isEqualTo("P0301");
        assertThat(decode(0x01, 0x83, 0x07, 0x65, 0x00).text()).isEqualTo("MIL on, 3 DTC");
        assertThat(decode(0x1C, 0x06).value()).isNaN();
    }

    @Test
    void oxygenSensorWithUnusedTrim() {
        PidReading r = decode(0x14, 0x5A, 0xFF);
        assertThat(r.quantities()).hasSize(1);
        assertThat(r.value()).isEqualTo(0.45);
    }

    @Test
    void everyDefinitionDecodesAnyBytes() {
        for (PidDefinition def : catalog.all()) {
            int[] zeros = new int[def.length()];
            int[] ones = new int[def.length()];
            java.util.Arrays.fill(ones, 0xFF);
            assertThat(def.decode("7E8", zeros).text()).isNotBlank();
            assertThat(def.decode("7E8", ones).text()).isNotBlank();
        }
        assertThat(catalog.all()).hasSizeGreaterThan(100);
    }

    /** What a user interface translates: every state PID decodes to one of the listed wordings or "Unknown". */
    @Test
    void everyStateTheCatalogueShowsIsListed() {
        PidCatalog catalog = new PidCatalog();
        java.util.Set<String> states = PidCatalog.stateTexts();
        assertThat(states).contains("Closed loop", "Pump on for diagnostics", "EOBD (Europe)", "PTO active", "Diesel")
                .hasSize(6 + 4 + 28 + 24 + 2);
        for (int pid : new int[] {0x03, 0x12, 0x1C, 0x1E, 0x51}) {
            PidDefinition def = catalog.find(pid).orElseThrow();
            for (int a = 0; a < 256; a++) {
                int[] data = def.length() == 2 ? new int[] {a, a == 0 ? 0 : 2} : new int[] {a};
                for (String part : def.decode("7E8", data).text().split(" / ")) {
                    assertThat(states.contains(part) || part.matches("Unknown \\([0-9A-F]{2}\\)"))
                            .as("PID %02X byte %02X: %s", pid, a, part).isTrue();
                }
            }
        }
    }
}
