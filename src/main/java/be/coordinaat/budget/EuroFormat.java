package be.coordinaat.budget;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Amounts in euros for pages and documents ({@code ${@euro.format(x)}}): "€ 1.234,56" in Dutch, "€1,234.56" in
 * English; {@link #input} writes an amount the way the forms read it back.
 */
@Component("euro")
public class EuroFormat {

    public String format(BigDecimal amount) {
        return format(amount, LocaleContextHolder.getLocale());
    }

    public static String format(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "—";
        }
        boolean dutch = !"en".equals(locale.getLanguage());
        String number = pattern(dutch, true).format(amount.abs());
        String sign = amount.signum() < 0 ? "-" : "";
        return dutch ? sign + "€ " + number : sign + "€" + number;
    }

    /** An amount for a form field: "1234,56" in Dutch, "1234.56" in English; empty for none. */
    public String input(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return pattern(!"en".equals(LocaleContextHolder.getLocale().getLanguage()), false).format(amount);
    }

    private static DecimalFormat pattern(boolean dutch, boolean grouping) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(dutch ? ',' : '.');
        symbols.setGroupingSeparator(dutch ? '.' : ',');
        DecimalFormat f = new DecimalFormat(grouping ? "#,##0.00" : "0.00", symbols);
        f.setParseBigDecimal(true);
        return f;
    }
}
