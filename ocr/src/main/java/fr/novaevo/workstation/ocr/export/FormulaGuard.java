package fr.novaevo.workstation.ocr.export;

/** Spreadsheet formula injection: text a spreadsheet would evaluate if it were typed in a cell. */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** Starts with =, +, -, @, or a tab / carriage return that some spreadsheets skip before one of them. */
    public static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
