package be.coordinaat.purchasing.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Euro amounts in templates, Belgian style: {@code ${@money.eur(x)}} gives "€ 1.234,50". */
@Component("money")
class Money {

    public String eur(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-BE")));
        return "€ " + f.format(amount);
    }

    /** The Bootstrap badge of a request or order status: waiting grey, good green, refused red, returned yellow. */
    public String badge(Object status) {
        return switch (String.valueOf(status)) {
            case "REQUESTED", "ORDERED" -> "text-bg-secondary";
            case "ADVISED", "PARTLY_DELIVERED" -> "text-bg-info";
            case "APPROVED", "DELIVERED", "INVOICED" -> "text-bg-success";
            case "REJECTED" -> "text-bg-danger";
            case "CHANGES_REQUESTED" -> "text-bg-warning";
            default -> "text-bg-dark";
        };
    }

    /** A VAT rate as "21 %". */
    public String rate(BigDecimal rate) {
        return rate == null ? "" : rate.stripTrailingZeros().toPlainString() + " %";
    }
}
