package fr.novaevo.workstation.obd.discovery;

import java.util.Set;

/**
 * The USB-to-serial chips inside OBD adapters, by USB vendor and product id: genuine OBDLink and most good
 * adapters use FTDI, cheap ELM327 clones CH340 or PL2303, some CP210x.
 */
public enum UsbBridge {
    FTDI("FTDI", 0x0403, Set.of(0x6001, 0x6010, 0x6011, 0x6014, 0x6015)),
    CH340("WCH CH340/CH341", 0x1A86, Set.of(0x7523, 0x5523, 0x7522, 0x55D4)),
    CP210X("Silicon Labs CP210x", 0x10C4, Set.of(0xEA60, 0xEA70, 0xEA71)),
    PL2303("Prolific PL2303", 0x067B, Set.of(0x2303, 0x23A3, 0x23C3, 0x23D3));

    private final String label;
    private final int vendorId;
    private final Set<Integer> productIds;

    UsbBridge(String label, int vendorId, Set<Integer> productIds) {
        this.label = label;
        this.vendorId = vendorId;
        this.productIds = productIds;
    }

    public String label() {
        return label;
    }

    public int vendorId() {
        return vendorId;
    }

    /** The bridge with this vendor id; a product id it does not list still counts (new chip revisions). */
    public static java.util.Optional<UsbBridge> of(int vendorId, int productId) {
        for (UsbBridge b : values()) {
            if (b.vendorId == vendorId) {
                return java.util.Optional.of(b);
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether the product id is one this bridge is known to use. */
    public boolean knowsProduct(int productId) {
        return productIds.contains(productId);
    }
}
