package fr.novaevo.workstation.ocr.kbis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    @Test
    void parsesTheCapitalAsPrinted() {
        assertThat(ValueText.parseAmount("100 000,00 Euros")).contains("100000.00");
        assertThat(ValueText.parseAmount("15 244,90 euros")).contains("15244.90");
        assertThat(ValueText.parseAmount("1.000,00 EUR")).contains("1000.00");
        assertThat(ValueText.parseAmount("8 000 Euros")).contains("8000.00");
        assertThat(ValueText.parseAmount("Euros")).isEmpty();
    }

    @Test
    void putsOcrSlipsInTheClosingDateRight() {
        assertThat(ValueText.dayAndMonth("31 décembre")).isEqualTo("31 décembre");
        assertThat(ValueText.dayAndMonth("31 decembre")).isEqualTo("31 décembre");
        assertThat(ValueText.dayAndMonth("30 septernbre")).isEqualTo("30 septembre");
    }

    @Test
    void readsDigitsThroughOcrConfusions() {
        assertThat(ValueText.digits("5l8 452 7O0")).isEqualTo("518452700");
        assertThat(ValueText.nafLetter("7")).isEqualTo("Z");
        assertThat(ValueText.nafLetter("a")).isEqualTo("A");
    }

    @Test
    void cleansValuesOfOcrMarks() {
        assertThat(ValueText.cleanValue("| 52 Rue du Moulin .79180 Chauray ™")).isEqualTo("52 Rue du Moulin 79180 Chauray");
        assertThat(ValueText.cleanValue("Commerce de gros d' équipements")).isEqualTo("Commerce de gros d'équipements");
        assertThat(ValueText.cleanValue("Jusqu’ au 12/07/2115")).isEqualTo("Jusqu’au 12/07/2115");
        assertThat(ValueText.address("ZI NORD: 57 RUE DE L'INDUSTRIE")).isEqualTo("ZI NORD 57 RUE DE L'INDUSTRIE");
    }

    @Test
    void tellsTheSurnameFromTheFirstNames() {
        assertThat(ValueText.isSurnameWord("GRONDIN-PAYET")).isTrue();
        assertThat(ValueText.isSurnameWord("D'ARTAGNAN")).isTrue();
        assertThat(ValueText.isSurnameWord("Ghislaine")).isFalse();
    }

    @Test
    void readsFrenchDates() {
        assertThat(FrenchDates.numeric("Le 12/09/1975 à PORTO")).contains(LocalDate.of(1975, 9, 12));
        assertThat(FrenchDates.numeric("31/02/2020")).isEmpty();
        assertThat(FrenchDates.inWords("à jour au 1er mars 2024")).contains(LocalDate.of(2024, 3, 1));
        assertThat(FrenchDates.inWords("a jour au 15 juillet 2024")).contains(LocalDate.of(2024, 7, 15));
    }
}
