package fr.novaevo.workstation.ocr.supervision;

import java.util.EnumMap;
import java.util.Map;

/** The limit of each kind of alert; the defaults unless the user changed them. */
public record AlertThresholds(Map<AlertKind, Double> limits) {

    public AlertThresholds {
        EnumMap<AlertKind, Double> all = new EnumMap<>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            all.put(kind, kind.defaultLimit());
        }
        all.putAll(limits);
        limits = Map.copyOf(all);
    }

    public static AlertThresholds defaults() {
        return new AlertThresholds(Map.of());
    }

    public double limit(AlertKind kind) {
        return limits.get(kind);
    }
}
