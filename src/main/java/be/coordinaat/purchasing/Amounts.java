package be.coordinaat.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Money of orders, exact to the cent: a line's net amount is quantity × unit price, its VAT is rounded per line
 * (half up, as on a Belgian invoice), and every total is the sum of the rounded lines, so the lines, the schools'
 * shares and the budget bookings always add up to the order's total. An invoice is spread over the lines it pays
 * in proportion to their amounts with the largest-remainder method, so the parts add up to the invoice exactly.
 */
public final class Amounts {
    private Amounts() {}

    /** The Belgian VAT rates. */
    public static final Set<BigDecimal> VAT_RATES = Set.of(new BigDecimal("0"), new BigDecimal("6"), new BigDecimal("12"),
            new BigDecimal("21"));
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** Net, VAT and gross of one line. */
    public record LineAmounts(BigDecimal net, BigDecimal vat, BigDecimal gross) {}

    public static boolean validRate(BigDecimal rate) {
        return rate != null && VAT_RATES.stream().anyMatch(r -> r.compareTo(rate) == 0);
    }

    /** At most two decimals, not negative, below {@link #MAX_AMOUNT}. */
    public static boolean validAmount(BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2
                && amount.compareTo(MAX_AMOUNT) < 0;
    }

    public static LineAmounts line(int quantity, BigDecimal unitPrice, BigDecimal vatRate) {
        BigDecimal net = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal vat = net.multiply(vatRate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return new LineAmounts(net, vat, net.add(vat));
    }

    public static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Spreads {@code total} (two decimals) over parts in proportion to {@code weights}: the result has one amount
     * per weight and adds up to {@code total} exactly. With no weight above zero, everything goes to the first part.
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            return List.of();
        }
        long cents = total.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> out = new ArrayList<>();
        if (sum.signum() <= 0) {
            for (int i = 0; i < weights.size(); i++) {
                out.add(i == 0 ? total.setScale(2) : BigDecimal.ZERO.setScale(2));
            }
            return out;
        }
        long[] parts = new long[weights.size()];
        BigDecimal[] remainders = new BigDecimal[weights.size()];
        long given = 0;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(cents).multiply(weights.get(i)).divide(sum, 10, RoundingMode.DOWN);
            parts[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(parts[i]));
            given += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        long left = cents - given;
        for (int k = 0; left != 0; k = (k + 1) % order.size()) {
            parts[order.get(k)] += Long.signum(left);
            left -= Long.signum(left);
        }
        for (long p : parts) {
            out.add(BigDecimal.valueOf(p, 2));
        }
        return out;
    }
}
