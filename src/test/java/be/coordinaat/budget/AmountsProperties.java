package be.coordinaat.budget;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.shared.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Amounts never drift: what people type reads back exactly, and sums of many amounts are exact in every notation. */
class AmountsProperties {

    @Provide
    Arbitrary<Long> cents() {
        return Arbitraries.longs().between(0, 99_999_999_999L);
    }

    @Property
    void everyNotationOfAnAmountReadsBackExactly(@ForAll("cents") long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        EuroFormat euro = new EuroFormat();
        for (String typed : List.of(amount.toPlainString(), amount.toPlainString().replace('.', ','),
                EuroFormat.format(amount, Locale.forLanguageTag("nl-BE")), EuroFormat.format(amount, Locale.ENGLISH),
                euro.input(amount))) {
            if (cents >= 100 && typed.matches("€?\\s?\\d{1,3}[.,]\\d{3}")) {
                continue; // "1.234" alone is refused as ambiguous, never read wrongly
            }
            List<FieldProblem> problems = new ArrayList<>();
            BigDecimal read = Amounts.parse("planned", typed, true, problems);
            assertThat(problems).as(typed).isEmpty();
            assertThat(read).as(typed).isEqualTo(amount);
        }
    }

    @Property
    void sumsOfManyAmountsAreExact(@ForAll @Size(min = 1, max = 500) List<@net.jqwik.api.constraints.LongRange(min = 0, max = 9_999_999_99L) Long> cents) {
        long total = 0;
        List<BigDecimal> amounts = new ArrayList<>();
        for (long c : cents) {
            total += c;
            List<FieldProblem> problems = new ArrayList<>();
            amounts.add(Amounts.parse("planned", EuroFormat.format(BigDecimal.valueOf(c, 2), Locale.forLanguageTag("nl-BE")), true,
                    problems));
            assertThat(problems).isEmpty();
        }
        assertThat(Amounts.sum(amounts)).isEqualTo(BigDecimal.valueOf(total, 2));
        Views.Totals t = Views.Totals.of(Amounts.sum(amounts), Amounts.sum(amounts.subList(0, amounts.size() / 2)),
                Amounts.sum(amounts.subList(amounts.size() / 2, amounts.size())));
        assertThat(t.remaining()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Property
    void anyTextIsAnAmountOrAFieldProblemNeverAnException(@ForAll String text) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal read = Amounts.parse("planned", text, true, problems);
        if (read == null) {
            assertThat(problems).isNotEmpty().allMatch(p -> p.field().equals("planned"));
        } else {
            assertThat(read.scale()).isEqualTo(2);
            assertThat(read.signum()).isNotNegative();
            assertThat(read).isLessThan(Amounts.MAX);
        }
    }

    @Property
    void threeDecimalsAndNegativesAreRefused(@ForAll("cents") long cents) {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(Amounts.parse("planned", "-" + BigDecimal.valueOf(cents + 1, 2).toPlainString(), true, problems)).isNull();
        assertThat(problems).extracting(FieldProblem::messageKey).containsExactly("budget.error.amount.negative");
        problems.clear();
        assertThat(Amounts.parse("planned", BigDecimal.valueOf(cents * 10 + 1, 3).toPlainString() + "1", true, problems)).isNull();
        assertThat(problems).hasSize(1);
    }
}
