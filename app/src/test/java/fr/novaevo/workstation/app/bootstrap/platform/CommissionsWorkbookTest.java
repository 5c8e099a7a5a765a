package fr.novaevo.workstation.app.bootstrap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import fr.novaevo.workstation.core.error.WorkstationException;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import fr.novaevo.workstation.sync.model.Partner;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commissions workbook read back with POI: headers, numbers exact to the cent, dates, text kept text. */
class CommissionsWorkbookTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private static Commission commission(String partner, String order, long sale, int bps, CommissionStatus status,
                                         String period, Instant created, Instant validated) {
        return new Commission(UUID.randomUUID(), 3, "g-123", null, UUID.randomUUID(), new Partner("p-x", partner), order,
                sale, "EUR", bps, Commission.commissionCents(sale, bps), status, YearMonth.parse(period), validated,
                null, created, created);
    }

    @Test
    void aWorkbookAnAccountantCanUse() throws Exception {
        Instant created = Instant.parse("2026-10-31T23:30:00Z"); // 1 November in France
        List<Commission> rows = List.of(
                commission("Pièces Express", "PX-2026-118822", 18_990, 550, CommissionStatus.VALIDATED, "2026-11",
                        created, Instant.parse("2026-11-22T09:00:00Z")),
                commission("=HYPERLINK(\"http://x\")", "+33 612", 1, 550, CommissionStatus.PENDING, "2026-11", created, null),
                commission("Autodistri", "-AD-7", 3_333_333, 725, CommissionStatus.PAID, "2026-10", created, null));
        Path file = dir.resolve("commissions.xlsx");

        new CommissionsWorkbook(PARIS).write(rows, file);

        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet("Commissions");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Mois");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Montant de la vente");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Commission");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);

            Row first = sheet.getRow(1);
            assertThat(cents(first.getCell(3))).isEqualTo(18_990);
            assertThat(cents(first.getCell(6))).isEqualTo(1_044);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(0.055);
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("Validée");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
            assertThat(first.getCell(0).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2026-11-01T00:00"));
            assertThat(DateUtil.isCellDateFormatted(first.getCell(8))).isTrue();
            assertThat(first.getCell(8).getLocalDateTimeCellValue()).as("in France")
                    .isEqualTo(LocalDateTime.parse("2026-11-01T00:30"));
            assertThat(first.getCell(9).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2026-11-22T10:00"));
            assertThat(first.getCell(10).getCellType()).as("not paid: empty").isEqualTo(CellType.BLANK);

            Row injected = sheet.getRow(2);
            assertThat(injected.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(injected.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(injected.getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(cents(injected.getCell(6))).as("half up: 0.055 cent rounds to 0").isZero();
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(cents(sheet.getRow(3).getCell(3))).isEqualTo(3_333_333);
            assertThat(cents(sheet.getRow(3).getCell(6))).isEqualTo(241_667);

            Sheet totals = workbook.getSheet("Totaux mensuels");
            assertThat(totals.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Total des commissions");
            assertThat(totals.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate()).hasMonthValue(10);
            assertThat(cents(totals.getRow(2).getCell(3))).isEqualTo(18_991);
            assertThat(cents(totals.getRow(2).getCell(4))).isEqualTo(1_044);
            assertThat(totals.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(2);
        }
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(file);
    }

    @Test
    void manyAmountsAddUpExactlyToTheCent() throws Exception {
        List<Commission> rows = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 1_000; i++) {
            long sale = 1_999 + 7L * i; // 19.99 €, 20.06 €, ...: no binary fraction is exact
            rows.add(commission("P", "O-" + i, sale, 333, CommissionStatus.VALIDATED, "2026-11",
                    Instant.parse("2026-11-02T10:00:00Z"), null));
            total += Commission.commissionCents(sale, 333);
        }
        Path file = dir.resolve("many.xlsx");

        new CommissionsWorkbook(PARIS).write(rows, file);

        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet("Commissions");
            for (int i = 0; i < rows.size(); i++) {
                assertThat(cents(sheet.getRow(i + 1).getCell(6))).isEqualTo(rows.get(i).commissionCents());
            }
            assertThat(cents(workbook.getSheet("Totaux mensuels").getRow(1).getCell(4))).isEqualTo(total);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsAClearErrorAndLeavesNothing() {
        Path missing = dir.resolve("absent").resolve("commissions.xlsx");
        assertThatThrownBy(() -> new CommissionsWorkbook(PARIS).write(List.of(), missing))
                .isInstanceOfSatisfying(WorkstationException.class,
                        e -> assertThat(e.code()).isEqualTo("EXPORT-WRITE-FAILED"));
        assertThat(Files.exists(missing)).isFalse();
    }

    /** The number a cell holds, in cents: it must be exactly a whole number of cents. */
    private static long cents(Cell cell) {
        double value = cell.getNumericCellValue() * 100;
        long rounded = Math.round(value);
        assertThat(Math.abs(value - rounded)).as("a whole number of cents").isLessThan(1e-6);
        return rounded;
    }
}
