package fr.novaevo.workstation.app.cli.obd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import fr.novaevo.workstation.obd.service.PidCatalog;
import fr.novaevo.workstation.obd.service.PidDefinition;
import fr.novaevo.workstation.obd.service.PidReading;
import fr.novaevo.workstation.obd.session.LiveSample;

/**
 * The lines {@code workstation obd watch} streams, one per sample: CSV with one column per watched PID and
 * answering ECU (header first), or JSON Lines with every decoded value.
 */
sealed interface LiveOutput {

    enum Format { csv, jsonl }

    /** The lines to print for this sample (the CSV header comes with the first one). */
    List<String> lines(LiveSample sample);

    /**
     * @param columns the watched (ECU, PID) pairs in the order of the columns, known before the first sample
     */
    static LiveOutput of(Format format, List<Column> columns, PidCatalog catalog) {
        return switch (format) {
            case csv -> new Csv(columns, catalog);
            case jsonl -> new JsonLines();
        };
    }

    /** One CSV column: a PID as one ECU answers it. */
    record Column(String ecu, int pid) {
    }

    final class Csv implements LiveOutput {

        private final List<Column> columns;
        private final PidCatalog catalog;
        private boolean headerWritten;

        Csv(List<Column> columns, PidCatalog catalog) {
            this.columns = List.copyOf(columns);
            this.catalog = catalog;
        }

        @Override
        public List<String> lines(LiveSample sample) {
            Map<Column, PidReading> byColumn = new HashMap<>();
            for (PidReading r : sample.readings()) {
                byColumn.putIfAbsent(new Column(r.ecu(), r.pid()), r);
            }
            List<String> out = new ArrayList<>(2);
            if (!headerWritten) {
                out.add(header(byColumn));
                headerWritten = true;
            }
            List<String> cells = new ArrayList<>();
            cells.add(sample.time().toString());
            cells.add(Long.toString(sample.sequence()));
            for (Column c : columns) {
                PidReading r = byColumn.get(c);
                cells.add(r == null ? "" : Double.isNaN(r.value()) ? quote(r.text()) : number(r.value()));
            }
            out.add(String.join(",", cells));
            return out;
        }

        /** "0C Engine speed (rpm) 7E8": the unit comes from the first sample's value, the name from the catalogue. */
        private String header(Map<Column, PidReading> first) {
            List<String> cells = new ArrayList<>(List.of("time", "sample"));
            for (Column c : columns) {
                String name = catalog.find(c.pid()).map(PidDefinition::name).orElse("PID");
                PidReading r = first.get(c);
                String unit = r == null || r.unit().isEmpty() ? "" : " (" + r.unit() + ")";
                cells.add(quote(String.format("%02X %s%s %s", c.pid(), name, unit, c.ecu())));
            }
            return String.join(",", cells);
        }

        static String quote(String text) {
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                return "\"" + text.replace("\"", "\"\"") + "\"";
            }
            return text;
        }
    }

    final class JsonLines implements LiveOutput {
        @Override
        public List<String> lines(LiveSample sample) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sample", sample.sequence());
            m.put("time", sample.time().toString());
            List<Object> values = new ArrayList<>();
            for (PidReading r : sample.readings()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("ecu", r.ecu());
                v.put("pid", String.format("%02X", r.pid()));
                v.put("name", r.name());
                v.put("value", Double.isNaN(r.value()) ? null : new BigDecimal(number(r.value())));
                v.put("unit", r.unit());
                v.put("text", r.text());
                values.add(v);
            }
            m.put("values", values);
            return List.of(ObdJson.line(m));
        }
    }

    /** A value to 4 decimals at most, without binary noise or trailing zeros: 2150, 13.5, 0.455. */
    static String number(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
