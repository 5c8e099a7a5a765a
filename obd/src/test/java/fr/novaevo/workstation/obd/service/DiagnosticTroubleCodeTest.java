package fr.novaevo.workstation.obd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.novaevo.workstation.core.testing.RandomCases;
import org.junit.jupiter.api.Test;

class DiagnosticTroubleCodeTest {

    @Test
    void decodesTheSystemLetterFromTheTopBits() {
        assertThat(DiagnosticTroubleCode.decode(0x01, 0x33).code()).isEqualTo("P0133");
        assertThat(DiagnosticTroubleCode.decode(0x43, 0x00).code()).isEqualTo("C0300");
        assertThat(DiagnosticTroubleCode.decode(0x92, 0x34).code()).isEqualTo("B1234");
        assertThat(DiagnosticTroubleCode.decode(0xC1, 0x00).code()).isEqualTo("U0100");
        assertThat(DiagnosticTroubleCode.decode(0x3A, 0xBC).code()).isEqualTo("P3ABC");
    }

    @Test
    void encodeUndoesDecode() {
        RandomCases.check(1000, r -> {
            int a = r.nextInt(256);
            int b = r.nextInt(256);
            assertThat(DiagnosticTroubleCode.decode(a, b).encode()).containsExactly(a, b);
        });
    }

    @Test
    void manufacturerSpecificRanges() {
        assertThat(DiagnosticTroubleCode.parse("P1234").isManufacturerSpecific()).isTrue();
        assertThat(DiagnosticTroubleCode.parse("P3000").isManufacturerSpecific()).isTrue();
        assertThat(DiagnosticTroubleCode.parse("P3400").isManufacturerSpecific()).isFalse();
        assertThat(DiagnosticTroubleCode.parse("P0301").isManufacturerSpecific()).isFalse();
        assertThat(DiagnosticTroubleCode.parse("P2101").isManufacturerSpecific()).isFalse();
        assertThat(DiagnosticTroubleCode.parse("B1000").isManufacturerSpecific()).isTrue();
        assertThat(DiagnosticTroubleCode.parse("U2100").isManufacturerSpecific()).isTrue();
        assertThat(DiagnosticTroubleCode.parse("c0035").isManufacturerSpecific()).isFalse();
    }

    @Test
    void rejectsWhatIsNotACode() {
        assertThatThrownBy(() -> DiagnosticTroubleCode.parse("P03011")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiagnosticTroubleCode.parse("X0301")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiagnosticTroubleCode.parse("P4301")).isInstanceOf(IllegalArgumentException.class);
    }
}
