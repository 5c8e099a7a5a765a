package fr.novaevo.workstation.ocr.supervision;

import fr.novaevo.workstation.ocr.export.AtomicFile;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The supervision history as a file a French spreadsheet opens directly: CSV (UTF-8 with a BOM, {@code ;},
 * decimal commas, local times) or Excel (real dates and numbers). French headers; written to a temporary file
 * then renamed.
 */
public final class HistoryExport {

    static final List<String> HEADERS = List.of("Début", "Échantillons", "Lots actifs (max)", "Lots en attente (max)",
            "Documents traités", "Documents en erreur", "Pages traitées", "Documents/min", "Pages/min",
            "Mémoire max (Mo)", "CPU moyen (%)", "CPU max (%)");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final ZoneId zone;

    public HistoryExport(ZoneId zone) {
        this.zone = zone;
    }

    /** @throws fr.novaevo.workstation.core.error.WorkstationException {@code EXPORT-WRITE-FAILED} */
    public void writeCsv(List<HistoryPoint> points, Path target) {
        DecimalFormat decimal = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        AtomicFile.write(target, temp -> {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                out.write(String.join(";", HEADERS));
                out.write("\r\n");
                for (HistoryPoint p : points) {
                    List<String> cells = new ArrayList<>();
                    cells.add(LOCAL.format(p.from().atZone(zone)));
                    for (Number n : numbers(p)) {
                        cells.add(n == null ? "" : decimal.format(n));
                    }
                    out.write(String.join(";", cells));
                    out.write("\r\n");
                }
            }
        });
    }

    /** @throws fr.novaevo.workstation.core.error.WorkstationException {@code EXPORT-WRITE-FAILED} */
    public void writeExcel(List<HistoryPoint> points, Path target) {
        AtomicFile.write(target, temp -> {
            SXSSFWorkbook book = new SXSSFWorkbook(200);
            try {
                Font bold = book.createFont();
                bold.setBold(true);
                CellStyle header = book.createCellStyle();
                header.setFont(bold);
                CellStyle date = book.createCellStyle();
                date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
                CellStyle number = book.createCellStyle();
                number.setDataFormat(book.createDataFormat().getFormat("0.##"));
                SXSSFSheet sheet = book.createSheet("Historique");
                Row first = sheet.createRow(0);
                for (int i = 0; i < HEADERS.size(); i++) {
                    Cell cell = first.createCell(i);
                    cell.setCellValue(HEADERS.get(i));
                    cell.setCellStyle(header);
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (HistoryPoint p : points) {
                    Row row = sheet.createRow(r++);
                    Cell when = row.createCell(0);
                    when.setCellValue(p.from().atZone(zone).toLocalDateTime());
                    when.setCellStyle(date);
                    int c = 1;
                    for (Number n : numbers(p)) {
                        Cell cell = row.createCell(c++);
                        if (n != null) {
                            cell.setCellValue(n.doubleValue());
                            cell.setCellStyle(number);
                        }
                    }
                }
                try (OutputStream out = Files.newOutputStream(temp)) {
                    book.write(out);
                }
            } finally {
                book.dispose();
                book.close();
            }
        });
    }

    /** The columns after the date, in header order; null where nothing was measured. */
    private static List<Number> numbers(HistoryPoint p) {
        List<Number> n = new ArrayList<>();
        n.add(p.samples());
        n.add(p.activeBatches());
        n.add(p.queuedBatches());
        n.add(p.documentsFinished());
        n.add(p.documentsFailed());
        n.add(p.pagesFinished());
        n.add(p.documentsPerMinute());
        n.add(p.pagesPerMinute());
        n.add(p.samples() == 0 ? null : p.heapUsedMbMax());
        n.add(value(p.cpuPercentAverage()));
        n.add(value(p.cpuPercentMax()));
        return n;
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
