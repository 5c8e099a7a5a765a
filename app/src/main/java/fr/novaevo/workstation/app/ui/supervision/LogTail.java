package fr.novaevo.workstation.app.ui.supervision;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The end of a log file, filtered by level; a stack trace stays with the line it belongs to. */
final class LogTail {

    enum Filter { ALL, WARN, ERROR }

    static final int MAX_BYTES = 512 * 1024;
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} (\\w+)\\s.*");

    private LogTail() {
    }

    static List<String> read(Path file, Filter filter) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        String text;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0) {
                text = text.substring(Math.max(0, text.indexOf('\n') + 1)); // drop the cut first line
            }
        }
        List<String> kept = new ArrayList<>();
        boolean keeping = false;
        for (String line : text.split("\n")) {
            var entry = ENTRY.matcher(line);
            if (entry.matches()) {
                keeping = accepts(filter, entry.group(1));
            }
            if (keeping && !line.isEmpty()) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static boolean accepts(Filter filter, String level) {
        return switch (filter) {
            case ALL -> true;
            case WARN -> level.equals("WARN") || level.equals("ERROR");
            case ERROR -> level.equals("ERROR");
        };
    }
}
