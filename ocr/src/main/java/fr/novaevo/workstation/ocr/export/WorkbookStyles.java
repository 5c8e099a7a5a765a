package fr.novaevo.workstation.ocr.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles every workbook of the workstation shares: bold headers, amounts with two decimals, text kept as
 * text ({@link FormulaGuard}), and number or date formats. A workbook holds a limited number of styles: make each
 * once per workbook and reuse it.
 */
public final class WorkbookStyles {

    public final CellStyle header;
    public final CellStyle amount;
    public final CellStyle quoted;
    private final Workbook workbook;

    public WorkbookStyles(Workbook workbook) {
        this.workbook = workbook;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        amount = format("#,##0.00");
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
    }

    /** A new style showing numbers or dates with an Excel format such as {@code dd/mm/yyyy} or {@code 0%}. */
    public CellStyle format(String excelFormat) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(excelFormat));
        return style;
    }
}
