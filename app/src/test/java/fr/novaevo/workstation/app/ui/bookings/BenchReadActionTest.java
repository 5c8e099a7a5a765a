package fr.novaevo.workstation.app.ui.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mileage a user types when the car does not give its odometer. */
class BenchReadActionTest {

    @Test
    void aMileageIsWholeKilometresWrittenTheFrenchWay() {
        assertThat(BenchReadAction.parseMileage("48210")).contains(48_210L);
        assertThat(BenchReadAction.parseMileage(" 48 210 km")).contains(48_210L);
        assertThat(BenchReadAction.parseMileage("48\u202f210")).contains(48_210L);
        assertThat(BenchReadAction.parseMileage("48.210")).contains(48_210L);
        assertThat(BenchReadAction.parseMileage("0")).contains(0L);
        assertThat(BenchReadAction.parseMileage("9999999")).contains(9_999_999L);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(BenchReadAction.parseMileage("")).isEmpty();
        assertThat(BenchReadAction.parseMileage(null)).isEmpty();
        assertThat(BenchReadAction.parseMileage("-5")).isEmpty();
        assertThat(BenchReadAction.parseMileage("48,5")).isEmpty();
        assertThat(BenchReadAction.parseMileage("12345678")).isEmpty();
        assertThat(BenchReadAction.parseMileage("abc")).isEmpty();
    }
}
