package fr.novaevo.workstation.app.bootstrap.platform;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.ocr.export.AtomicFile;
import fr.novaevo.workstation.ocr.export.FormulaGuard;
import fr.novaevo.workstation.ocr.export.WorkbookStyles;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The commissions as an Excel workbook for the garage's accountant: a "Commissions" sheet, one row per
 * commission, and a "Totaux mensuels" sheet whose sums are computed in cents (exact) from those same rows.
 * French headers; amounts are numbers shown with two decimals, exact to the cent; dates are dates (in France);
 * text that comes from the platform and that a spreadsheet would take for a formula stays text (the documents
 * export's {@link FormulaGuard}). Written to a temporary file beside the target, then renamed.
 */
public final class CommissionsWorkbook {

    static final List<String> HEADERS = List.of("Mois", "Partenaire", "Commande", "Montant de la vente", "Devise",
            "Taux", "Commission", "Statut", "Créée le", "Validée le", "Payée le", "Rendez-vous", "Vente");
    static final List<String> TOTAL_HEADERS = List.of("Mois", "Devise", "Ventes", "Total des ventes",
            "Total des commissions");
    private static final Map<CommissionStatus, String> STATUS = Map.of(CommissionStatus.PENDING, "En attente",
            CommissionStatus.VALIDATED, "Validée", CommissionStatus.CANCELLED, "Annulée", CommissionStatus.PAID, "Payée");

    private final ZoneId zone;

    /** @param zone where dates are shown (the garage's: Europe/Paris) */
    public CommissionsWorkbook(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Writes {@code commissions} (already filtered by period and status) to {@code target}.
     *
     * @throws WorkstationException {@code EXPORT-WRITE-FAILED} when the file cannot be written; nothing is left
     */
    public void write(List<Commission> commissions, Path target) {
        AtomicFile.write(target, temp -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(temp)) {
                Styles styles = new Styles(workbook);
                commissionsSheet(workbook.createSheet("Commissions"), commissions, styles);
                totalsSheet(workbook.createSheet("Totaux mensuels"), commissions, styles);
                workbook.write(out);
            }
        });
    }

    private void commissionsSheet(Sheet sheet, List<Commission> commissions, Styles styles) {
        header(sheet, HEADERS, styles);
        int r = 1;
        for (Commission c : commissions) {
            Row row = sheet.createRow(r++);
            month(row.createCell(0), c.period(), styles);
            text(row.createCell(1), c.partner() == null ? "" : c.partner().name(), styles);
            text(row.createCell(2), c.orderRef(), styles);
            amount(row.createCell(3), c.saleAmountCents(), styles);
            text(row.createCell(4), c.currency(), styles);
            Cell rate = row.createCell(5);
            rate.setCellValue(BigDecimal.valueOf(c.rateBps(), 4).doubleValue());
            rate.setCellStyle(styles.percent);
            amount(row.createCell(6), c.commissionCents(), styles);
            text(row.createCell(7), STATUS.getOrDefault(c.status(), String.valueOf(c.status())), styles);
            date(row.createCell(8), c.createdAt(), styles);
            date(row.createCell(9), c.validatedAt(), styles);
            date(row.createCell(10), c.paidAt(), styles);
            text(row.createCell(11), c.bookingId() == null ? "" : c.bookingId().toString(), styles);
            text(row.createCell(12), c.saleId() == null ? "" : c.saleId().toString(), styles);
        }
        widths(sheet, HEADERS.size());
    }

    private void totalsSheet(Sheet sheet, List<Commission> commissions, Styles styles) {
        header(sheet, TOTAL_HEADERS, styles);
        // Sums in cents, exact; a month paid in two currencies has two lines.
        Map<String, long[]> sums = new TreeMap<>();
        for (Commission c : commissions) {
            long[] s = sums.computeIfAbsent(c.period() + " " + c.currency(), k -> new long[3]);
            s[0]++;
            s[1] = Math.addExact(s[1], c.saleAmountCents());
            s[2] = Math.addExact(s[2], c.commissionCents());
        }
        int r = 1;
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            String[] key = e.getKey().split(" ");
            Row row = sheet.createRow(r++);
            month(row.createCell(0), YearMonth.parse(key[0]), styles);
            text(row.createCell(1), key[1], styles);
            row.createCell(2).setCellValue(e.getValue()[0]);
            amount(row.createCell(3), e.getValue()[1], styles);
            amount(row.createCell(4), e.getValue()[2], styles);
        }
        widths(sheet, TOTAL_HEADERS.size());
    }

    private static void header(Sheet sheet, List<String> headers, Styles styles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(styles.header);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void widths(Sheet sheet, int columns) {
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, 18 * 256);
        }
    }

    /** Cents as a number of euros: the nearest double to the exact decimal, shown with two decimals. */
    private static void amount(Cell cell, long cents, Styles styles) {
        cell.setCellValue(BigDecimal.valueOf(cents, 2).doubleValue());
        cell.setCellStyle(styles.amount);
    }

    private static void month(Cell cell, YearMonth month, Styles styles) {
        if (month != null) {
            cell.setCellValue(month.atDay(1));
            cell.setCellStyle(styles.month);
        }
    }

    private void date(Cell cell, Instant instant, Styles styles) {
        if (instant != null) {
            cell.setCellValue(instant.atZone(zone).toLocalDateTime());
            cell.setCellStyle(styles.date);
        }
    }

    private static void text(Cell cell, String value, Styles styles) {
        cell.setCellValue(value == null ? "" : value);
        if (FormulaGuard.looksLikeFormula(value)) {
            cell.setCellStyle(styles.quoted);
        }
    }

    /** Each style once: a workbook holds a limited number of them. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle amount;
        final CellStyle percent;
        final CellStyle month;
        final CellStyle date;
        final CellStyle quoted;

        Styles(XSSFWorkbook workbook) {
            WorkbookStyles common = new WorkbookStyles(workbook);
            header = common.header;
            amount = common.amount;
            quoted = common.quoted;
            percent = common.format("0.00%");
            month = common.format("mm/yyyy");
            date = common.format("dd/mm/yyyy hh:mm");
        }
    }
}
