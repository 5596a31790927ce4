package be.coordinaat.shared.transfer;

/**
 * Neutralises spreadsheet formula injection (CSV injection): a cell that starts with = + - @, a tab or a carriage
 * return gets a leading apostrophe, so a spreadsheet shows it as text instead of evaluating it.
 */
public final class FormulaGuard {
    private FormulaGuard() {}

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + value;
        }
        return value;
    }
}
