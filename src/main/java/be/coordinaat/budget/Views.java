package be.coordinaat.budget;

import be.coordinaat.inventory.AssetKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the budget module shows. Amounts are euros with two decimals; remaining = planned - committed - spent. */
public final class Views {
    private Views() {}

    /** Planned, committed, spent and remaining of a group of lines. */
    public record Totals(BigDecimal planned, BigDecimal committed, BigDecimal spent, BigDecimal remaining) {

        public static Totals of(BigDecimal planned, BigDecimal committed, BigDecimal spent) {
            BigDecimal p = planned.setScale(2, java.math.RoundingMode.UNNECESSARY);
            BigDecimal c = committed.setScale(2, java.math.RoundingMode.UNNECESSARY);
            BigDecimal s = spent.setScale(2, java.math.RoundingMode.UNNECESSARY);
            return new Totals(p, c, s, p.subtract(c).subtract(s));
        }

        /** Committed and spent together as a share of planned, in whole percent (0 when nothing is planned). */
        public int usedPercent() {
            if (planned.signum() == 0) {
                return committed.add(spent).signum() > 0 ? 100 : 0;
            }
            return committed.add(spent).multiply(BigDecimal.valueOf(100))
                    .divide(planned, 0, java.math.RoundingMode.HALF_UP).intValue();
        }

        public boolean exceeded() {
            return remaining.signum() < 0;
        }
    }

    public record YearView(long id, long schoolId, String schoolName, String label, YearKind kind, LocalDate startsOn,
            LocalDate endsOn, boolean closed, String notes, int version, Totals totals, long lines, long linesOverBudget,
            Instant createdAt, Instant updatedAt) {}

    public record LineView(long id, long budgetYearId, long schoolId, String yearLabel, boolean yearClosed,
            FundingSource fundingSource, BudgetCategory category, String description, BigDecimal planned,
            BigDecimal committed, BigDecimal spent, BigDecimal remaining, boolean overBudget, long bookings,
            AssetKind replacementKind, String notes, int version) {}

    /** The totals of the lines of one category or funding source ({@code key} is the enum name). */
    public record GroupTotal(String key, long lines, Totals totals) {}

    /** Committed and spent up to the end of a month of the year (cumulative, by booking date). */
    public record MonthPoint(LocalDate month, BigDecimal committed, BigDecimal spent) {}

    /** A budget year: totals per category and per funding source, and the months for the chart. */
    public record YearOverview(YearView year, List<GroupTotal> byCategory, List<GroupTotal> bySource,
            List<MonthPoint> months) {}

    /** One school in the board overview: its budget year that contains the chosen date (none: yearId null). */
    public record SchoolRow(long schoolId, String schoolName, Long yearId, String yearLabel, boolean closed,
            Totals totals, long lines, long linesOverBudget) {}

    /** The board (or school community) overview: one row per school, and the totals over all matching schools. */
    public record BoardOverview(LocalDate on, Long communityId, be.coordinaat.shared.Page<SchoolRow> schools,
            Totals totals, long schoolsWithYear) {}

    // ---- replacement plan ----

    /** The expected life of a kind for a school: its own override, else the board's setting, else the default. */
    public record LifeView(AssetKind kind, int lifeYears, BudgetCategory category, Integer boardLifeYears,
            BudgetCategory boardCategory, Integer schoolLifeYears, BudgetCategory schoolCategory, int defaultLifeYears) {

        public boolean overridden() {
            return schoolLifeYears != null;
        }
    }

    /**
     * One kind in one forecast year: the devices reaching their end of life and the budget to replace them at current
     * prices, computed from the inventory, and what the coordinator set instead ({@code count}/{@code amount} are what
     * counts).
     *
     * @param overdue       of the computed count, how many were already past their end of life (first year only)
     * @param estimated     of the computed count, how many had no price and were priced at a median
     * @param unpriced      of the computed count, how many had no price and no median to go by (counted at 0)
     */
    public record ForecastCell(AssetKind kind, long computedCount, BigDecimal computedAmount, long overdue,
            long estimated, long unpriced, Integer adjustedCount, BigDecimal adjustedAmount, String note, long count,
            BigDecimal amount) {

        public boolean adjusted() {
            return adjustedCount != null || adjustedAmount != null;
        }
    }

    /**
     * One forecast year of a school: the cells per kind (only kinds with something to replace or adjusted), the
     * totals, and the school's budget year for that period, if any, with what it plans for devices and
     * infrastructure (the categories the plan's kinds map to) and in all.
     */
    public record ForecastYear(int startYear, String label, LocalDate startsOn, LocalDate endsOn, List<ForecastCell> cells,
            long count, BigDecimal amount, Long budgetYearId, boolean budgetYearClosed, BigDecimal plannedForReplacement,
            BigDecimal plannedTotal, BigDecimal gap) {

        /** The cell of a kind in this year; null when nothing of that kind is due or adjusted. */
        public ForecastCell cellOf(AssetKind kind) {
            return cells.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
        }
    }

    /**
     * The multi-year replacement plan of a school: {@code years} forecast years from the current one.
     *
     * @param unknownAge working assets with neither a purchase date nor an end-of-life date (not in the forecast)
     */
    public record Forecast(long schoolId, String schoolName, YearKind yearKind, List<ForecastYear> years,
            List<LifeView> lives, long unknownAge, long assets, BigDecimal totalAmount) {}

    /** The lines a forecast year became: the budget year, and how many lines were added or updated. */
    public record Conversion(long budgetYearId, boolean yearCreated, int linesCreated, int linesUpdated) {}
}
