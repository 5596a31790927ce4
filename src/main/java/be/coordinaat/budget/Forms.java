package be.coordinaat.budget;

import be.coordinaat.inventory.AssetKind;
import jakarta.validation.constraints.Size;

/**
 * The forms (and JSON bodies) of the budget module. Amounts are text, read by {@link Amounts}: forms take
 * "1.234,56" as well as "1234.56", JSON takes a number ({@code 1234.56}) or a string; every rule (required fields,
 * amounts, periods, closed years) is checked by the facades and reported per field. {@code version} is the
 * optimistic-lock version read.
 */
public final class Forms {
    private Forms() {}

    /**
     * A new budget year of a school: a school year from 1 September of {@code startYear} (the default) or the calendar
     * year {@code startYear}. {@code copyPrevious} copies the lines (not the bookings) of the school's latest earlier
     * year as a start.
     */
    public record YearForm(Long schoolId, YearKind kind, Integer startYear, Boolean copyPrevious,
            @Size(max = 2000) String notes) {}

    /** A change of a budget year: its notes, and closed (no new bookings or line changes) or open again. */
    public record YearUpdateForm(Boolean closed, @Size(max = 2000) String notes, Integer version) {}

    /** A line of a budget year: funding source, category, what it is for, and the planned amount in euros. */
    public record LineForm(FundingSource fundingSource, BudgetCategory category, @Size(max = 200) String description,
            String planned, @Size(max = 2000) String notes, Integer version) {}

    /**
     * The expected life of an asset kind in years and the budget category its replacement is planned under: for the
     * board (no {@code schoolId}; board admins) or as one school's override.
     */
    public record LifeForm(Long schoolId, AssetKind kind, Integer lifeYears, BudgetCategory category) {}

    /**
     * The coordinator's correction of the forecast of one school, forecast year (its first calendar year) and kind:
     * a count and/or an amount that replace the computed ones; both empty removes the correction.
     */
    public record AdjustmentForm(Long schoolId, Integer startYear, AssetKind kind, Integer count, String amount,
            @Size(max = 500) String note) {}

    /** Turns the forecast of one school and year into planned lines of that budget year, paid from {@code fundingSource}. */
    public record ConvertForm(Long schoolId, Integer startYear, FundingSource fundingSource) {}
}
