package fr.novaevo.workstation.core.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import fr.novaevo.workstation.core.error.WorkstationException;

/**
 * Writes journal entries as a CSV file that French spreadsheet programs open directly: UTF-8 with a BOM,
 * {@code ;} as separator, local dates. Cells that a spreadsheet would take for a formula are neutralised.
 * The file is written under a temporary name and renamed, so a crash never leaves half a file.
 */
public final class AuditCsvExport {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private AuditCsvExport() {
    }

    public static void write(List<AuditEntry> entries, Path target, ZoneId zone, List<String> headers) {
        if (headers.size() != 7) {
            throw new IllegalArgumentException("7 headers expected");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                writeRow(out, headers);
                for (AuditEntry entry : entries) {
                    writeRow(out, List.of(Long.toString(entry.sequence()),
                            DATE_TIME.format(entry.occurredAt().atZone(zone)), entry.actor(), entry.action(),
                            entry.subject(), entry.details(), entry.hash()));
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
            throw new WorkstationException("EXPORT-WRITE", "cannot write " + target, e, target);
        }
    }

    private static void writeRow(BufferedWriter out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(quote(neutraliseFormula(cells.get(i))));
        }
        out.write("\r\n");
    }

    /** A cell starting with = + - @ (or a tab/CR) would be run as a formula by a spreadsheet. */
    static String neutraliseFormula(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String quote(String cell) {
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
