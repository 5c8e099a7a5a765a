package fr.novaevo.workstation.ocr.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+33 1 23", "-2", "@SUM(A1)", "\t=1", "\r=1"})
    void flagsWhatASpreadsheetWouldEvaluate(String text) {
        assertThat(FormulaGuard.looksLikeFormula(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GARAGE DU PORT", "12 Rue de la Paix", "Société à responsabilité limitée", " =1"})
    void leavesOrdinaryTextAlone(String text) {
        assertThat(FormulaGuard.looksLikeFormula(text)).isFalse();
    }
}
