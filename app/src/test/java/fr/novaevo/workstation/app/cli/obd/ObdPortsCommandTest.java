package fr.novaevo.workstation.app.cli.obd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import fr.novaevo.workstation.obd.discovery.SerialPortInfo;
import fr.novaevo.workstation.obd.discovery.UsbBridge;
import org.junit.jupiter.api.Test;

/** What {@code obd ports} shows of the ports the discovery found: identity, and the likely adapters marked. */
class ObdPortsCommandTest {

    private static final SerialPortInfo FTDI = new SerialPortInfo("/dev/ttyUSB0", "FT232R USB UART",
            "FT232R USB UART", 0x0403, 0x6001, "A50285BI", "FTDI", Optional.of(UsbBridge.FTDI),
            SerialPortInfo.Likelihood.LIKELY);
    private static final SerialPortInfo BLUETOOTH = new SerialPortInfo("/dev/rfcomm0", "rfcomm0",
            "Bluetooth serial", -1, -1, "", "", Optional.empty(), SerialPortInfo.Likelihood.POSSIBLE);
    private static final SerialPortInfo UART = new SerialPortInfo("/dev/ttyS0", "Physical Port S0", "Unknown", -1,
            -1, "Unknown", "Unknown", Optional.empty(), SerialPortInfo.Likelihood.UNLIKELY);

    @Test
    void tableMarksLikelyAdaptersAndShowsTheUsbIdentity() {
        List<String> lines = ObdPortsCommand.table(List.of(FTDI, BLUETOOTH, UART));
        assertThat(lines.get(0)).contains("PORT").contains("USB ID").contains("USB BRIDGE");
        assertThat(lines.get(1)).startsWith("* /dev/ttyUSB0").contains("0403:6001").contains("FTDI")
                .contains("FT232R USB UART").contains("serial A50285BI");
        assertThat(lines.get(2)).startsWith("? /dev/rfcomm0").contains("Bluetooth serial");
        assertThat(lines.get(3)).startsWith("  /dev/ttyS0").contains("Physical Port S0").doesNotContain("Unknown");
        assertThat(lines.get(4)).startsWith("  sim ").contains("Virtual vehicle").contains("sim:misfire");
        assertThat(lines).last().asString().contains("* likely OBD adapter");
    }

    @Test
    void tableSaysWhatToDoWhenNoPortIsFound() {
        assertThat(ObdPortsCommand.table(List.of())).anyMatch(l -> l.startsWith("No serial port found"))
                .anyMatch(l -> l.startsWith("  sim "));
    }

    @Test
    void jsonGivesTheIdentityInHexAndTheVirtualVehicleLast() {
        List<Map<String, Object>> json = ObdPortsCommand.describe(List.of(FTDI, UART));
        assertThat(json).hasSize(3);
        assertThat(json.get(0)).containsEntry("port", "/dev/ttyUSB0").containsEntry("kind", "serial")
                .containsEntry("likelihood", "likely").containsEntry("vendorId", "0403")
                .containsEntry("productId", "6001").containsEntry("bridge", "FTDI");
        assertThat(json.get(1)).containsEntry("likelihood", "unlikely").containsEntry("vendorId", null)
                .containsEntry("bridge", null);
        assertThat(json.get(2)).containsEntry("port", "sim").containsEntry("kind", "virtual");
        assertThat(json.get(0).keySet()).isEqualTo(json.get(2).keySet());
    }
}
