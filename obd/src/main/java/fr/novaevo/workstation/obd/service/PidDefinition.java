package fr.novaevo.workstation.obd.service;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How one mode 01 PID is laid out and decoded (SAE J1979 / ISO 15031-5).
 *
 * @param pid     its number
 * @param length  data bytes after the PID byte
 * @param name    English name
 * @param decoder from the data bytes (unsigned, {@code length} of them) to values
 */
public record PidDefinition(int pid, int length, String name, Decoder decoder) {

    /** Decodes the data bytes of the PID. */
    @FunctionalInterface
    public interface Decoder {
        Decoded decode(int[] data);
    }

    /** Values and their readable rendering. */
    public record Decoded(List<Quantity> quantities, String text) {
    }

    public PidReading decode(String ecu, int[] data) {
        Decoded d = decoder.decode(data);
        return new PidReading(ecu, pid, name, d.quantities(), d.text());
    }

    /** A single value with a unit. */
    static Decoder number(String label, String unit, ToDoubleFunction<int[]> formula) {
        return data -> {
            double v = formula.applyAsDouble(data);
            return new Decoded(List.of(new Quantity(label, v, unit)), format(v, unit));
        };
    }

    static String format(double value, String unit) {
        String n = value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? n : n + " " + unit;
    }
}
