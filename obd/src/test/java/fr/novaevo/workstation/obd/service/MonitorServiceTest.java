package fr.novaevo.workstation.obd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.novaevo.workstation.obd.frames.ObdProtocol;
import fr.novaevo.workstation.obd.testing.ScriptedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorServiceTest {

    @Test
    void catalystAndMisfireResultsWithLimits() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_15765_4_CAN_11_500)
                .answer("0600", "7E8:4600 00008001".replace(" ", ""))
                .answer("0620", "7E8:4620 80000000".replace(" ", ""))
                .answer("06A2", "7E8:46 A2 0B 24 0003 0000 000A".replace(" ", ""))
                // Catalyst: ratio 0.5 against max 0.75 (pass), and a second test failing its minimum.
                .answer("0621", "7E8:46 21 80 01 01F4 0000 02EE 21 81 01 0005 000A FFFF".replace(" ", ""));
        MonitorService svc = new MonitorService(ch);
        assertThat(svc.supportedMonitors()).containsExactly(0x11, 0x21);
        List<MonitorTest> cat = svc.results(0x21);
        assertThat(cat).hasSize(2);
        assertThat(cat.get(0).monitor()).isEqualTo("Catalyst bank 1");
        assertThat(cat.get(0).value()).isEqualTo(500.0);
        assertThat(cat.get(0).passed()).isTrue();
        assertThat(cat.get(1).passed()).isFalse();
        MonitorTest misfire = svc.results(0xA2).getFirst();
        assertThat(misfire.monitor()).isEqualTo("Misfire cylinder 1");
        assertThat(misfire.unit()).isEqualTo("counts");
        assertThat(misfire.passed()).isTrue();
    }

    @Test
    void signedAndOffsetScalings() {
        assertThat(UnitAndScaling.of(0x16).apply(0x0190)).isEqualTo(0.0, within(1e-9));
        assertThat(UnitAndScaling.of(0x96).apply(0xFFF6)).isEqualTo(-1.0, within(1e-9));
        assertThat(UnitAndScaling.of(0x0B).apply(0x0FA0)).isEqualTo(4.0, within(1e-9));
        assertThat(UnitAndScaling.of(0x7E).unit()).isEmpty();
    }

    @Test
    void monitorNames() {
        assertThat(MonitorService.monitorName(0x01)).isEqualTo("Oxygen sensor bank 1 sensor 1");
        assertThat(MonitorService.monitorName(0x06)).isEqualTo("Oxygen sensor bank 2 sensor 2");
        assertThat(MonitorService.monitorName(0x3B)).isEqualTo("EVAP (0.040\")");
        assertThat(MonitorService.monitorName(0xAD)).isEqualTo("Misfire cylinder 12");
    }
}
