package fr.novaevo.workstation.app.cli.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.service.Quantity;
import fr.novaevo.workstation.obd.session.LiveSample;
import org.junit.jupiter.api.Test;

/** The lines of {@code obd watch}: columns stay in place when an ECU misses a pass, text is quoted. */
class ObdLiveOutputTest {

    private static final Instant T = Instant.parse("2026-11-21T08:00:00Z");
    private static final List<LiveOutput.Column> COLUMNS = List.of(new LiveOutput.Column("7E8", 0x0C),
            new LiveOutput.Column("7E8", 0x0D), new LiveOutput.Column("7E9", 0x0D), new LiveOutput.Column("7E8", 0x03));

    private static PidReading rpm(double value) {
        return new PidReading("7E8", 0x0C, "Engine speed", List.of(new Quantity("Engine speed", value, "rpm")),
                value + " rpm");
    }

    private static PidReading speed(String ecu, double value) {
        return new PidReading(ecu, 0x0D, "Vehicle speed", List.of(new Quantity("Vehicle speed", value, "km/h")),
                value + " km/h");
    }

    private static PidReading fuelSystem(String text) {
        return new PidReading("7E8", 0x03, "Fuel system status", List.of(), text);
    }

    @Test
    void csvHeaderOnceThenOneRowPerSampleWithEmptyCellsForMissingAnswers() {
        LiveOutput csv = LiveOutput.of(LiveOutput.Format.csv, COLUMNS, new PidCatalog());
        List<String> first = csv.lines(new LiveSample(1, T, List.of(rpm(2150.25), speed("7E8", 50), speed("7E9", 51),
                fuelSystem("Closed loop, using oxygen sensor"))));
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).startsWith("time,sample,0C ").contains("(rpm) 7E8,").contains("(km/h) 7E9,");
        assertThat(first.get(1)).isEqualTo("2026-11-21T08:00:00Z,1,2150.25,50,51,\"Closed loop, using oxygen sensor\"");

        List<String> second = csv.lines(new LiveSample(2, T.plusMillis(100), List.of(rpm(0.1 + 0.2),
                speed("7E8", 52), fuelSystem("Open loop \"cold\""))));
        assertThat(second).containsExactly("2026-11-21T08:00:00.100Z,2,0.3,52,,\"Open loop \"\"cold\"\"\"");
    }

    @Test
    void jsonLinesOneObjectPerSampleWithNullForAStateOnlyValue() {
        LiveOutput jsonl = LiveOutput.of(LiveOutput.Format.jsonl, COLUMNS, new PidCatalog());
        List<String> lines = jsonl.lines(new LiveSample(7, T, List.of(rpm(800), fuelSystem("Open loop"))));
        assertThat(lines).containsExactly("{\"sample\":7,\"time\":\"2026-11-21T08:00:00Z\",\"values\":["
                + "{\"ecu\":\"7E8\",\"pid\":\"0C\",\"name\":\"Engine speed\",\"value\":800,\"unit\":\"rpm\","
                + "\"text\":\"800.0 rpm\"},"
                + "{\"ecu\":\"7E8\",\"pid\":\"03\",\"name\":\"Fuel system status\",\"value\":null,\"unit\":\"\","
                + "\"text\":\"Open loop\"}]}");
    }

    @Test
    void numbersWithoutBinaryNoise() {
        assertThat(LiveOutput.number(2150)).isEqualTo("2150");
        assertThat(LiveOutput.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(LiveOutput.number(-40)).isEqualTo("-40");
        assertThat(LiveOutput.number(1.99996)).isEqualTo("2");
        assertThat(LiveOutput.number(0.455)).isEqualTo("0.455");
        assertThat(LiveOutput.number(1e6)).isEqualTo("1000000");
    }
}
