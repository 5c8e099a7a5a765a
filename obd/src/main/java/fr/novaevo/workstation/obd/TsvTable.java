package fr.novaevo.workstation.obd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's own reference tables (fault codes, severity rules, manufacturers) are tab-separated UTF-8 text:
 * blank lines and {@code #} comments are skipped and the first other line is the header. Each table checks its
 * own columns; this only splits the lines, keeping their numbers for the error messages.
 */
public final class TsvTable {

    /** A data line: its number in the file (from 1) and its fields, empty ones kept. */
    public record Row(int line, String[] fields) {
    }

    private TsvTable() {
    }

    public static List<Row> read(Reader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        boolean header = true;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(new Row(number, line.split("\t", -1)));
        }
        return rows;
    }
}
