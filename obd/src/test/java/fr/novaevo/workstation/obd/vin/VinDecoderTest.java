package fr.novaevo.workstation.obd.vin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.core.testing.RandomCases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VinDecoderTest {

    private final VinDecoder decoder = new VinDecoder(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aNorthAmericanVinWithItsCheckDigit() {
        VinReport r = decoder.decode("1HGCM82633A004352");
        assertThat(r.valid()).isTrue();
        assertThat(r.checkDigitOk()).hasValue(true);
        assertThat(r.manufacturer()).hasValue("Honda");
        assertThat(r.country()).hasValue("États-Unis");
        assertThat(r.modelYears()).containsExactly(2003);
        assertThat(r.modelYear()).hasValue(2003);
    }

    @Test
    void theCheckDigitCanBeX() {
        assertThat(VinDecoder.checkDigit("1M8GDM9AXKP042788")).isEqualTo('X');
        VinReport r = decoder.decode("1M8GDM9AXKP042788");
        assertThat(r.valid()).isTrue();
        // K is 1989 or 2019: a digit at position 7 means the first cycle.
        assertThat(r.modelYears()).containsExactly(1989, 2019);
        assertThat(r.modelYear()).hasValue(1989);
    }

    @Test
    void aWrongCheckDigitIsAnErrorInNorthAmerica() {
        VinReport r = decoder.decode("1HGCM82643A004352");
        assertThat(r.valid()).isFalse();
        assertThat(r.hasIssue("VIN-CHECK-DIGIT")).isTrue();
    }

    @Test
    void aEuropeanVinWithoutCheckDigitIsValidWithAnInformation() {
        VinReport r = decoder.decode("VF1RFB00X56789012");
        assertThat(VinDecoder.checkDigit(r.vin())).isNotEqualTo('X');
        assertThat(r.valid()).isTrue();
        assertThat(r.checkDigitOk()).hasValue(false);
        assertThat(r.hasIssue("VIN-CHECK-DIGIT-UNUSED")).isTrue();
        assertThat(r.issues()).allMatch(i -> i.level() == VinIssue.Level.INFO);
        assertThat(r.manufacturer()).hasValue("Renault");
        assertThat(r.country()).hasValue("France");
        assertThat(r.modelYear()).hasValue(2005);
    }

    @Test
    void frenchAndEuropeanMakersFromTheWmi() {
        assertThat(decoder.decode("VF3 3CKFU 0C1234567").manufacturer()).hasValue("Peugeot");
        assertThat(decoder.decode("VF77J9HZ0EJ123456").manufacturer()).hasValue("Citroën");
        assertThat(decoder.decode("VR1UJZKXZKW123456").manufacturer()).hasValue("DS Automobiles");
        VinReport dacia = decoder.decode("UU1HSDADG45123456");
        assertThat(dacia.manufacturer()).hasValue("Dacia");
        assertThat(dacia.country()).hasValue("Roumanie");
        VinReport golf = decoder.decode("wvwzzz1kz8w123456");
        assertThat(golf.vin()).isEqualTo("WVWZZZ1KZ8W123456");
        assertThat(golf.manufacturer()).hasValue("Volkswagen");
        assertThat(golf.country()).hasValue("Allemagne");
        assertThat(golf.modelYear()).hasValue(2008);
        assertThat(VinDecoder.wmiTable()).containsKeys("VF1", "VF3", "VF7", "VR1", "UU1", "WVW", "WBA", "ZFA",
                "TMB", "VSS", "JTD", "KMH", "1FA");
    }

    @Test
    void anUnknownMakerStillGetsItsCountryFromTheRegionCodes() {
        VinReport r = decoder.decode("VFA12345678901234");
        assertThat(r.manufacturer()).isEmpty();
        assertThat(r.country()).hasValue("France");
        assertThat(r.hasIssue("VIN-WMI-UNKNOWN")).isTrue();
        assertThat(decoder.decode("ZAM12345678901234").country()).hasValue("Italie");
        assertThat(decoder.decode("KNX12345678901234").country()).hasValue("Corée du Sud");
    }

    @Test
    void theModelYearRepeatsEvery30Years() {
        VinReport r = decoder.decode("VF1AAAAAAAAA12345");
        assertThat(r.modelYears()).containsExactly(1980, 2010);
        assertThat(r.modelYear()).hasValue(2010);
        assertThat(decoder.decode("VF1AAAAAATAA12345").modelYears()).containsExactly(1996, 2026);
        VinReport uncoded = decoder.decode("VF1AAAAAA0AA12345");
        assertThat(uncoded.modelYear()).isEmpty();
        assertThat(uncoded.hasIssue("VIN-YEAR-UNCODED")).isTrue();
        assertThat(uncoded.valid()).isTrue();
    }

    @Test
    void lengthAndForbiddenLettersAreErrors() {
        VinReport shortOne = decoder.decode("VF1RFB00X5678901");
        assertThat(shortOne.valid()).isFalse();
        assertThat(shortOne.hasIssue("VIN-LENGTH")).isTrue();
        VinReport withO = decoder.decode("VF1RFBO0X56789012");
        assertThat(withO.valid()).isFalse();
        assertThat(withO.hasIssue("VIN-CHARACTERS")).isTrue();
        assertThat(withO.issues().getFirst().french()).contains("O");
        assertThat(decoder.decode(null).valid()).isFalse();
        assertThat(decoder.decode("").wmi()).isEmpty();
    }

    @Test
    void aNorthAmericanVinWithItsComputedCheckDigitIsValidAndAnyOtherDigitIsNot() {
        RandomCases.check(1000, r -> {
            String body = fixedLength(r, "ABCDEFGH0123456789", 16);
            int other = r.nextInt(10);
            String draft = "1" + body.substring(0, 7) + "0" + body.substring(7, 15);
            char check = VinDecoder.checkDigit(draft);
            String vin = draft.substring(0, 8) + check + draft.substring(9);
            assertThat(decoder.decode(vin).valid()).isTrue();
            char wrong = (char) ('0' + other);
            if (wrong != check) {
                assertThat(decoder.decode(draft.substring(0, 8) + wrong + draft.substring(9))
                        .hasIssue("VIN-CHECK-DIGIT")).isTrue();
            }
        });
    }

    @Test
    void anyTextGivesAReportNeverAnException() {
        RandomCases.check(1000, r -> {
            // VIN-like text most of the time, any character (controls, accents, far Unicode) the rest
            String text = r.nextInt(3) == 0 ? RandomCases.string(r, '\u0000', '\uFFFF', 40)
                    : RandomCases.string(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 iOq-", 40);
            VinReport report = decoder.decode(text);
            assertThat(report.valid())
                    .isEqualTo(report.issues().stream().noneMatch(i -> i.level() == VinIssue.Level.ERROR));
        });
    }

    private static String fixedLength(java.util.SplittableRandom r, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
