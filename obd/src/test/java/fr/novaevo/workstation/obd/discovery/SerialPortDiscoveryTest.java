package fr.novaevo.workstation.obd.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.obd.discovery.SerialPortDiscovery.RawPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialPortDiscoveryTest {

    private static final RawPort FTDI = new RawPort("/dev/ttyUSB1", "FT232R USB UART", "OBDLink SX", 0x0403, 0x6015,
            "A1B2C3", "FTDI");
    private static final RawPort CH340 = new RawPort("/dev/ttyUSB0", "USB-Serial Controller", "USB2.0-Serial", 0x1A86,
            0x7523, "", "QinHeng");
    private static final RawPort CP2102 = new RawPort("COM7", "Silicon Labs CP210x USB to UART Bridge (COM7)", "",
            0x10C4, 0xEA60, "0001", "Silicon Labs");
    private static final RawPort PL2303 = new RawPort("COM4", "Prolific USB-to-Serial Comm Port (COM4)", "", 0x067B,
            0x2303, "", "Prolific");
    private static final RawPort BLUETOOTH = new RawPort("/dev/rfcomm0", "Bluetooth serial", "rfcomm0", -1, -1, "", "");
    private static final RawPort UART = new RawPort("/dev/ttyS0", "Physical Port S0", "", -1, -1, "", "");
    private static final RawPort NAMED = new RawPort("COM9", "Standard Serial over Bluetooth link (COM9)", "OBDII",
            -1, -1, "", "");

    @Test
    void usbBridgesOfObdAdaptersAreLikelyAndListedFirst() {
        List<SerialPortInfo> ports = new SerialPortDiscovery(() -> List.of(UART, BLUETOOTH, PL2303, FTDI, CP2102,
                CH340, NAMED)).list();
        assertThat(ports).extracting(SerialPortInfo::path)
                .containsExactly("/dev/ttyUSB0", "/dev/ttyUSB1", "COM4", "COM7", "COM9", "/dev/rfcomm0", "/dev/ttyS0");
        assertThat(ports).extracting(SerialPortInfo::likelihood).containsExactly(
                SerialPortInfo.Likelihood.LIKELY, SerialPortInfo.Likelihood.LIKELY, SerialPortInfo.Likelihood.LIKELY,
                SerialPortInfo.Likelihood.LIKELY, SerialPortInfo.Likelihood.LIKELY,
                SerialPortInfo.Likelihood.POSSIBLE, SerialPortInfo.Likelihood.UNLIKELY);
        SerialPortInfo ch340 = ports.getFirst();
        assertThat(ch340.bridge()).hasValue(UsbBridge.CH340);
        assertThat(ch340.usbId()).isEqualTo("1A86:7523");
        assertThat(ports.get(1).bridge()).hasValue(UsbBridge.FTDI);
        assertThat(ports.get(2).bridge()).hasValue(UsbBridge.PL2303);
        assertThat(ports.get(3).bridge()).hasValue(UsbBridge.CP210X);
        assertThat(ports.get(4).bridge()).as("named OBD, no USB id").isEmpty();
        assertThat(ports.getLast().usbId()).isEmpty();
        assertThat(UsbBridge.FTDI.knowsProduct(0x6015)).isTrue();
        assertThat(UsbBridge.CH340.knowsProduct(0x6015)).isFalse();
    }

    @Test
    void anUnknownUsbDeviceIsNotAnAdapter() {
        RawPort modem = new RawPort("/dev/ttyACM0", "Modem", "Sierra Wireless", 0x1199, 0x9071, "", "Sierra");
        assertThat(SerialPortDiscovery.classify(modem).likelihood()).isEqualTo(SerialPortInfo.Likelihood.UNLIKELY);
        assertThat(SerialPortDiscovery.classify(modem).isUsb()).isTrue();
    }

    @Test
    void pluggingAndUnpluggingShowInTheDifference() {
        List<SerialPortInfo> before = List.of(SerialPortDiscovery.classify(UART), SerialPortDiscovery.classify(CH340));
        List<SerialPortInfo> after = List.of(SerialPortDiscovery.classify(UART), SerialPortDiscovery.classify(FTDI));
        SerialPortDiscovery.Changes changes = SerialPortDiscovery.diff(before, after);
        assertThat(changes.added()).extracting(SerialPortInfo::path).containsExactly("/dev/ttyUSB1");
        assertThat(changes.removed()).extracting(SerialPortInfo::path).containsExactly("/dev/ttyUSB0");
        assertThat(SerialPortDiscovery.diff(after, after).isEmpty()).isTrue();
    }

    @Test
    void theSystemListingNamesEveryPortByAUsablePath() {
        List<SerialPortInfo> ports = SerialPortDiscovery.system().list();
        assertThat(ports).allSatisfy(p -> {
            assertThat(p.path()).isNotBlank();
            assertThat(p.likelihood()).isNotNull();
        });
    }
}
