package fr.novaevo.workstation.obd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.novaevo.workstation.obd.ObdErrorCode;
import fr.novaevo.workstation.obd.ObdException;
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

    /**
     * Non-CAN answers as SAE J1979 lays them out ({@code 46 TID CID value limit}), as a K-line ECU at 10 and a
     * second one at 18 send them with headers off: supported test ids at 00, then one message per component.
     */
    @Test
    void legacyTestAndComponentIdsWithOneLimitEach() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_9141_2)
                .answer("0600", "10:46 00 8C 00 00 00", "18:46 00 00 00 00 00")
                // TID 05: rich to lean switch time, component 01 at 0.12 s under a 0.20 s maximum, component 02
                // at 0.30 s over it.
                .answer("0605", "10:46 05 01 00 1E 00 32", "10:46 05 02 00 4B 00 32")
                // TID 01: rich to lean threshold 0.45 V, at its maximum; TID 06: lean to rich switch time.
                .answer("0601", "10:46 01 01 00 5A 00 5A")
                .answer("0606", "10:46 06 01 00 23 00 32");
        MonitorService svc = new MonitorService(ch);
        assertThat(svc.supportedMonitors()).containsExactly(0x01, 0x05, 0x06);
        List<MonitorTest> all = svc.allResults();
        assertThat(all).extracting(MonitorTest::tid).containsExactly(0x01, 0x05, 0x05, 0x06);
        MonitorTest slow = all.get(2);
        assertThat(slow.legacy()).isTrue();
        assertThat(slow.mid()).isZero();
        assertThat(slow.ecu()).isEqualTo("10");
        assertThat(slow.component()).hasValue(0x02);
        assertThat(slow.monitor()).isEqualTo("Rich to lean sensor switch time");
        assertThat(slow.value()).isCloseTo(0.30, within(1e-9));
        assertThat(slow.min()).isZero();
        assertThat(slow.max()).isCloseTo(0.20, within(1e-9));
        assertThat(slow.unit()).isEqualTo("s");
        assertThat(slow.passed()).isFalse();
        assertThat(all.get(0).value()).isCloseTo(0.45, within(1e-9));
        assertThat(all.get(0).unit()).isEqualTo("V");
        assertThat(all.get(0).passed()).as("the limit itself passes").isTrue();
    }

    @Test
    void legacyMinimumLimitsAndManufacturerTestsAreRaw() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.J1850_VPW)
                .answer("0681", "10:46 81 81 01 20 01 80", "10:46 81 02 00 10 00 40");
        List<MonitorTest> tests = new MonitorService(ch).results(0x81);
        assertThat(tests.get(0).monitor()).isEqualTo("Manufacturer test 81");
        assertThat(tests.get(0).component()).hasValue(0x01);
        assertThat(tests.get(0).min()).isEqualTo(384.0);
        assertThat(tests.get(0).max()).isInfinite();
        assertThat(tests.get(0).value()).isEqualTo(288.0);
        assertThat(tests.get(0).unit()).isEmpty();
        assertThat(tests.get(0).passed()).isFalse();
        assertThat(tests.get(1).max()).isEqualTo(64.0);
        assertThat(tests.get(1).passed()).isTrue();
    }

    @Test
    void legacyAnswersOfTheWrongShapeAreMalformed() {
        ScriptedChannel ch = new ScriptedChannel(ObdProtocol.ISO_14230_4_KWP_FAST)
                .answer("0605", "10:46 05 01 00 1E 00")
                .answer("0606", "10:46 07 01 00 1E 00 32");
        MonitorService svc = new MonitorService(ch);
        assertThatThrownBy(() -> svc.results(0x05)).isInstanceOf(ObdException.class)
                .extracting(e -> ((ObdException) e).reason()).isEqualTo(ObdErrorCode.MALFORMED_RESPONSE);
        assertThatThrownBy(() -> svc.results(0x06)).isInstanceOf(ObdException.class)
                .hasMessageContaining("TID 07 where 06 was asked");
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
