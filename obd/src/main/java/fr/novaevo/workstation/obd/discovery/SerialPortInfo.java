package fr.novaevo.workstation.obd.discovery;

import java.util.Optional;

/**
 * A serial port as {@code workstation obd ports} lists it.
 *
 * @param path         the name to connect to ({@code /dev/ttyUSB0}, {@code COM3})
 * @param name         the system's friendly name ("USB-Serial Controller D")
 * @param description  the port or USB product description
 * @param vendorId     the USB vendor id, -1 when not a USB port
 * @param productId    the USB product id, -1 when not a USB port
 * @param serialNumber the USB serial number, "" when unknown
 * @param manufacturer the USB manufacturer string, "" when unknown
 * @param bridge       the USB-serial chip, when known
 * @param likelihood   how likely an OBD adapter sits behind it
 */
public record SerialPortInfo(String path, String name, String description, int vendorId, int productId,
        String serialNumber, String manufacturer, Optional<UsbBridge> bridge, Likelihood likelihood) {

    public enum Likelihood {
        /** A USB-serial bridge used by OBD adapters, or "OBD"/"ELM" in its names. */
        LIKELY,
        /** A Bluetooth serial port: Bluetooth ELM327 adapters appear so. */
        POSSIBLE,
        /** Nothing suggests an adapter (a modem, a built-in UART). */
        UNLIKELY
    }

    public boolean isUsb() {
        return vendorId >= 0 && productId >= 0;
    }

    /** "0403:6001", or "" for a non-USB port. */
    public String usbId() {
        return isUsb() ? String.format("%04X:%04X", vendorId, productId) : "";
    }
}
