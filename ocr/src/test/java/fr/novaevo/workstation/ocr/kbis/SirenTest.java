package fr.novaevo.workstation.ocr.kbis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SirenTest {

    @Test
    void acceptsSirensThatPassLuhn() {
        assertThat(Siren.isValid("466897030")).isTrue();
        assertThat(Siren.isValid("844157552")).isTrue();
        assertThat(Siren.isValid("356000000")).isTrue();
    }

    @Test
    void refusesOneWrongDigitOrAWrongShape() {
        assertThat(Siren.isValid("466897031")).isFalse();
        assertThat(Siren.isValid("46689703")).isFalse();
        assertThat(Siren.isValid("46689703A")).isFalse();
        assertThat(Siren.isValid(null)).isFalse();
    }

    @Test
    void laPostesEstablishmentsFollowTheDigitSumRuleInsteadOfLuhn() {
        String siret = "35600000000056"; // 3+5+6+5+6 = 25, a multiple of 5
        assertThat(Siren.luhn(siret)).isFalse();
        assertThat(Siren.isValidSiret(siret)).isTrue();
        assertThat(Siren.isValidSiret("35600000000057")).isFalse();
        assertThat(Siren.isValidSiret("46689703000011")).isEqualTo(Siren.luhn("46689703000011"));
    }

    @Test
    void derivesTheVatNumberFromTheSiren() {
        assertThat(Siren.vatNumber("466897030")).isEqualTo("FR44466897030");
        assertThat(Siren.vatNumber("844157552")).isEqualTo("FR63844157552");
        assertThat(Siren.vatNumber("516128105")).isEqualTo("FR02516128105");
        assertThatThrownBy(() -> Siren.vatNumber("12")).isInstanceOf(IllegalArgumentException.class);
    }
}
