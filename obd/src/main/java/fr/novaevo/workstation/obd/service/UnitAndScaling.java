package fr.novaevo.workstation.obd.service;

import java.util.HashMap;
import java.util.Map;

/**
 * The "unit and scaling identifiers" of mode 06 test results (SAE J1979 appendix E): how a raw 16-bit value
 * becomes a value with a unit. Identifiers from 0x80 are signed versions of their 0x00 counterparts.
 *
 * @param id     the identifier
 * @param scale  value per bit
 * @param offset added after scaling
 * @param unit   the unit symbol
 * @param signed whether the raw value is two's complement
 */
public record UnitAndScaling(int id, double scale, double offset, String unit, boolean signed) {

    private static final Map<Integer, UnitAndScaling> TABLE = new HashMap<>();

    static {
        u(0x01, 1, "");
        u(0x02, 0.1, "");
        u(0x03, 0.01, "");
        u(0x04, 0.001, "");
        u(0x05, 0.0000305, "");
        u(0x06, 0.000305, "");
        u(0x07, 0.25, "rpm");
        u(0x08, 0.01, "km/h");
        u(0x09, 1, "km/h");
        u(0x0A, 0.122, "mV");
        u(0x0B, 0.001, "V");
        u(0x0C, 0.01, "V");
        u(0x0D, 0.00390625, "mA");
        u(0x0E, 0.001, "A");
        u(0x0F, 0.01, "A");
        u(0x10, 1, "ms");
        u(0x11, 100, "ms");
        u(0x12, 1, "s");
        u(0x13, 1, "mΩ");
        u(0x14, 1, "Ω");
        u(0x15, 1, "kΩ");
        TABLE.put(0x16, new UnitAndScaling(0x16, 0.1, -40, "°C", false));
        u(0x17, 0.01, "kPa");
        u(0x18, 0.0117, "kPa");
        u(0x19, 0.079, "kPa");
        u(0x1A, 1, "kPa");
        u(0x1B, 10, "kPa");
        u(0x1C, 0.01, "°");
        u(0x1D, 0.5, "°");
        u(0x1E, 0.0000305, "λ");
        u(0x1F, 0.05, "A/F");
        u(0x20, 0.0039062, "");
        u(0x21, 1, "mHz");
        u(0x22, 1, "Hz");
        u(0x23, 1, "kHz");
        u(0x24, 1, "counts");
        u(0x25, 1, "km");
        u(0x26, 0.1, "mV/ms");
        u(0x27, 0.01, "g/s");
        u(0x28, 1, "g/s");
        u(0x29, 0.25, "Pa/s");
        u(0x2A, 0.001, "kg/h");
        u(0x2B, 1, "switches");
        u(0x2C, 0.01, "g/cyl");
        u(0x2D, 0.01, "mg/stroke");
        u(0x2E, 1, "");
        u(0x2F, 0.01, "%");
        u(0x30, 0.001526, "%");
        u(0x31, 0.001, "L");
        u(0x32, 0.0000305, "in");
        u(0x33, 0.00024414, "λ");
        u(0x34, 1, "min");
        u(0x35, 10, "ms");
        u(0x36, 0.01, "g");
        u(0x37, 0.1, "g");
        u(0x38, 1, "g");
        TABLE.put(0x39, new UnitAndScaling(0x39, 0.01, -327.68, "%", false));
        u(0x3A, 0.001, "g");
        u(0x3B, 0.0001, "g");
        u(0x3C, 0.1, "µs");
        u(0x3D, 0.01, "mA");
        u(0x3E, 0.00006103516, "mm²");
        u(0x3F, 0.01, "L");
        u(0x40, 1, "ppm");
        u(0x41, 0.01, "µA");
        s(0x81, 1, "");
        s(0x82, 0.1, "");
        s(0x83, 0.01, "");
        s(0x84, 0.001, "");
        s(0x85, 0.0000305, "");
        s(0x86, 0.000305, "");
        s(0x87, 0.25, "rpm");
        s(0x8A, 0.122, "mV");
        s(0x8B, 0.001, "V");
        s(0x8C, 0.01, "V");
        s(0x8D, 0.00390625, "mA");
        s(0x8E, 0.001, "A");
        s(0x90, 1, "ms");
        s(0x96, 0.1, "°C");
        s(0x99, 0.1, "kPa");
        s(0x9C, 0.01, "°");
        s(0x9D, 0.5, "°");
        s(0xA8, 1, "g/s");
        s(0xA9, 0.25, "Pa/s");
        s(0xAD, 0.01, "mg/stroke");
        s(0xAE, 0.1, "mg/stroke");
        s(0xAF, 0.01, "%");
        s(0xB0, 0.003052, "%");
        s(0xB1, 2, "mV/s");
        s(0xFC, 0.01, "kPa");
        s(0xFD, 0.001, "kPa");
        s(0xFE, 0.25, "Pa");
    }

    private static void u(int id, double scale, String unit) {
        TABLE.put(id, new UnitAndScaling(id, scale, 0, unit, false));
    }

    private static void s(int id, double scale, String unit) {
        TABLE.put(id, new UnitAndScaling(id, scale, 0, unit, true));
    }

    /** The identifier's scaling; an unknown one is shown raw, without a unit, rather than refused. */
    public static UnitAndScaling of(int id) {
        UnitAndScaling known = TABLE.get(id);
        return known != null ? known : new UnitAndScaling(id, 1, 0, "", id >= 0x80);
    }

    public double apply(int raw16) {
        int raw = signed ? (short) raw16 : raw16 & 0xFFFF;
        return raw * scale + offset;
    }
}
