package be.coordinaat.shared.transfer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values typed the Belgian way: dates as dd/mm/yyyy (also with - or .) or yyyy-mm-dd (what an XLSX date cell
 * reads as), decimals with a decimal comma and dots for thousands ("1.234,56") or with a decimal dot ("1234.56",
 * "1,234.56"). Unparseable text gives null; the caller reports it.
 */
public final class CellValues {
    private CellValues() {}

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern BELGIAN = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");

    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = BELGIAN.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?|-?\\d+(,\\d+)?");
    private static final Pattern DOT_DECIMAL = Pattern.compile("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?");

    /**
     * "1.234,56", "1234,56", "1234.56", "1,234.56", "€ 12", "12 EUR" → a number; ambiguous "1.234" reads as the
     * Belgian thousand (1234) only with a comma elsewhere, otherwise as a decimal dot (1.234).
     */
    public static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("€", "").replaceAll("(?i)eur$", "").replace("\u00A0", "").replace(" ", "")
                .replace("'", "");
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        try {
            if (t.indexOf(',') >= 0 && COMMA_DECIMAL.matcher(t).matches()) {
                return new BigDecimal(t.replace(".", "").replace(',', '.'));
            }
            if (DOT_DECIMAL.matcher(t).matches()) {
                return new BigDecimal(t.replace(",", ""));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
