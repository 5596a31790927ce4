package be.coordinaat.purchasing;

import be.coordinaat.shared.ConflictException;
import java.math.BigDecimal;

/**
 * A commitment would take a budget line below zero and the user did not confirm it: 409, nothing booked. The form
 * shows what remains and asks to confirm; the API sends {@code "confirmOverBudget": true}.
 */
public class OverBudgetException extends ConflictException {

    private final String lineLabel;
    private final BigDecimal remaining;
    private final BigDecimal amount;

    public OverBudgetException(String lineLabel, BigDecimal remaining, BigDecimal amount) {
        super("purchase.error.overBudget", "Committing " + amount.toPlainString() + " EUR exceeds budget line '" + lineLabel
                + "', which has " + remaining.toPlainString() + " EUR left; send \"confirmOverBudget\": true to commit anyway");
        this.lineLabel = lineLabel;
        this.remaining = remaining;
        this.amount = amount;
    }

    public String lineLabel() {
        return lineLabel;
    }

    public BigDecimal remaining() {
        return remaining;
    }

    public BigDecimal amount() {
        return amount;
    }
}
