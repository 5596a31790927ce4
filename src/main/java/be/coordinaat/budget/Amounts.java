package be.coordinaat.budget;

import be.coordinaat.shared.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Amounts in euros as people type them: "1.234,56" (Belgian), "1234,56", "1234.56" and "1,234.56" all read as the
 * same amount; "€" and spaces are ignored. A dot or comma followed by exactly three digits and nothing else
 * ("1.234", "1,234") is refused: it is a thousand for one reader and three decimals for another. Amounts are exact
 * ({@link BigDecimal}), never negative, at most two decimals and below one billion.
 */
public final class Amounts {
    private Amounts() {}

    public static final BigDecimal MAX = new BigDecimal("1000000000");

    private static final Pattern PLAIN = Pattern.compile("\\d+([.,]\\d+)?");
    private static final Pattern BELGIAN = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern ENGLISH = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern AMBIGUOUS = Pattern.compile("\\d{1,3}[.,]\\d{3}");

    /**
     * The amount in {@code text}, or null when it is blank; a problem on {@code field} (and null) when it is not an
     * amount in euros.
     */
    public static BigDecimal parse(String field, String text, boolean required, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "error.required", "is required"));
            }
            return null;
        }
        String t = text.strip().replace("€", "").replace("\u00A0", "").replace(" ", "");
        if (t.length() > 30) {
            problems.add(new FieldProblem(field, "budget.error.amount.tooLarge", "must be below 1,000,000,000"));
            return null;
        }
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        BigDecimal value;
        if (AMBIGUOUS.matcher(t).matches()) {
            problems.add(new FieldProblem(field, "budget.error.amount.ambiguous",
                    "is ambiguous: write 1234 or 1.234,00 for a thousand, or at most 2 decimals"));
            return null;
        } else if (BELGIAN.matcher(t).matches()) {
            value = new BigDecimal(t.replace(".", "").replace(',', '.'));
        } else if (ENGLISH.matcher(t).matches()) {
            value = new BigDecimal(t.replace(",", ""));
        } else if (PLAIN.matcher(t).matches()) {
            value = new BigDecimal(t.replace(',', '.'));
        } else {
            problems.add(new FieldProblem(field, "budget.error.amount.format", "is not an amount in euros, e.g. 1.234,56"));
            return null;
        }
        return check(field, negative ? value.negate() : value, problems);
    }

    /** Checks an amount given as a number: not negative, at most two decimals, below {@link #MAX}. */
    public static BigDecimal check(String field, BigDecimal value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            problems.add(new FieldProblem(field, "budget.error.amount.negative", "must not be negative"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(field, "budget.error.amount.decimals", "has more than 2 decimals"));
            return null;
        }
        if (value.compareTo(MAX) >= 0) {
            problems.add(new FieldProblem(field, "budget.error.amount.tooLarge", "must be below 1,000,000,000"));
            return null;
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The exact sum of amounts (zero for none). */
    public static BigDecimal sum(Iterable<BigDecimal> amounts) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (BigDecimal a : amounts) {
            if (a != null) {
                total = total.add(a);
            }
        }
        return total;
    }
}
