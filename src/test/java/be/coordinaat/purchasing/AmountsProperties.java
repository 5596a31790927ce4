package be.coordinaat.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.purchasing.Amounts.LineAmounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Order money never drifts by a cent: lines with VAT rounded per line add up to the order's totals, the schools'
 * shares of a joint order add up to the total, and an invoice spread over the lines adds up to the invoice exactly,
 * for any lines, rates and invoice amounts.
 */
class AmountsProperties {

    record Line(int quantity, BigDecimal unitPrice, BigDecimal rate, int school) {}

    @Provide
    Arbitrary<List<Line>> orderLines() {
        Arbitrary<Integer> quantity = Arbitraries.integers().between(1, 500);
        Arbitrary<BigDecimal> price = Arbitraries.longs().between(0, 5_000_000).map(c -> BigDecimal.valueOf(c, 2));
        Arbitrary<BigDecimal> rate = Arbitraries.of("0", "6", "12", "21").map(BigDecimal::new);
        Arbitrary<Integer> school = Arbitraries.integers().between(0, 3);
        return Combinators.combine(quantity, price, rate, school).as(Line::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property
    void lineTotalsAndSchoolSharesAddUpToTheOrderTotal(@ForAll("orderLines") List<Line> lines) {
        List<LineAmounts> amounts = lines.stream().map(l -> Amounts.line(l.quantity(), l.unitPrice(), l.rate())).toList();
        BigDecimal net = Amounts.sum(amounts.stream().map(LineAmounts::net).toList());
        BigDecimal vat = Amounts.sum(amounts.stream().map(LineAmounts::vat).toList());
        BigDecimal gross = Amounts.sum(amounts.stream().map(LineAmounts::gross).toList());
        assertThat(net.add(vat)).isEqualByComparingTo(gross);
        assertThat(gross.scale()).isEqualTo(2);
        for (int i = 0; i < lines.size(); i++) {
            LineAmounts a = amounts.get(i);
            Line l = lines.get(i);
            assertThat(a.net()).isEqualByComparingTo(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())));
            // VAT per line is the exact VAT rounded half up: never more than half a cent away
            BigDecimal exact = a.net().multiply(l.rate()).divide(new BigDecimal("100"));
            assertThat(a.vat().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
        }
        BigDecimal shares = BigDecimal.ZERO;
        for (int school = 0; school < 4; school++) {
            int s = school;
            List<BigDecimal> mine = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).school() == s) {
                    mine.add(amounts.get(i).gross());
                }
            }
            shares = shares.add(Amounts.sum(mine));
        }
        assertThat(shares).isEqualByComparingTo(gross);
    }

    @Property
    void anInvoiceSpreadOverTheLinesAddsUpExactly(@ForAll("orderLines") List<Line> lines,
            @ForAll @IntRange(min = 1, max = 200_000_000) int invoiceCents) {
        List<BigDecimal> gross = lines.stream().map(l -> Amounts.line(l.quantity(), l.unitPrice(), l.rate()).gross()).toList();
        BigDecimal invoice = BigDecimal.valueOf(invoiceCents, 2);
        List<BigDecimal> parts = Amounts.allocate(invoice, gross);
        assertThat(parts).hasSize(lines.size());
        assertThat(Amounts.sum(parts)).isEqualByComparingTo(invoice);
        BigDecimal total = Amounts.sum(gross);
        if (total.signum() > 0) {
            for (int i = 0; i < parts.size(); i++) {
                assertThat(parts.get(i).scale()).isEqualTo(2);
                assertThat(parts.get(i).signum()).isGreaterThanOrEqualTo(0);
                // each part is within a cent of its exact proportional share
                BigDecimal exact = invoice.multiply(gross.get(i)).divide(total, 10, RoundingMode.HALF_UP);
                assertThat(parts.get(i).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
            }
        }
        // committed + spent per line never exceeds the line once the invoice covers the order
        if (invoice.compareTo(total) >= 0) {
            for (int i = 0; i < parts.size(); i++) {
                assertThat(gross.get(i).subtract(parts.get(i)).max(BigDecimal.ZERO).signum()).isEqualTo(0);
            }
        }
    }

    @Property
    void anyAmountSplitsExactlyOverAnyWeights(@ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 1_000_000) Integer> weights,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cents) {
        BigDecimal total = BigDecimal.valueOf(cents, 2);
        List<BigDecimal> parts = Amounts.allocate(total, weights.stream().map(BigDecimal::valueOf).toList());
        assertThat(Amounts.sum(parts)).isEqualByComparingTo(total);
    }

    @Test
    void belgianVatIsRoundedPerLine() {
        assertThat(Amounts.line(3, new BigDecimal("189.99"), new BigDecimal("21")).gross()).isEqualByComparingTo("689.66");
        assertThat(Amounts.line(1, new BigDecimal("0.05"), new BigDecimal("21")).vat()).isEqualByComparingTo("0.01");
        assertThat(Amounts.line(1, new BigDecimal("0.02"), new BigDecimal("21")).vat()).isEqualByComparingTo("0.00");
        assertThat(Amounts.validRate(new BigDecimal("21.00"))).isTrue();
        assertThat(Amounts.validRate(new BigDecimal("7"))).isFalse();
        assertThat(Amounts.validAmount(new BigDecimal("1.005"))).isFalse();
        assertThat(Amounts.validAmount(new BigDecimal("1E+400"))).isFalse();
    }
}
