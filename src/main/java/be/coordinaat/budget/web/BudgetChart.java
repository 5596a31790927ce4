package be.coordinaat.budget.web;

import be.coordinaat.budget.EuroFormat;
import be.coordinaat.budget.Views.MonthPoint;
import be.coordinaat.budget.Views.YearOverview;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The year chart as server-rendered SVG coordinates: the planned total as a level line and the cumulative committed
 * and spent amounts per month (no script, so the Content-Security-Policy stays strict).
 */
public record BudgetChart(int width, int height, int left, int right, int top, int bottom, double plannedY, String committed,
        String spent, String used, List<Tick> ticks, List<Tick> months) {

    /** A label on an axis at {@code position} (y for amounts, x for months). */
    public record Tick(double position, String label) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    static final int LEFT = 88;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    static BudgetChart of(YearOverview overview, Locale locale) {
        List<MonthPoint> months = overview.months();
        BigDecimal planned = overview.year().totals().planned();
        BigDecimal max = planned;
        for (MonthPoint m : months) {
            max = max.max(m.committed()).max(m.spent()).max(m.committed().add(m.spent()));
        }
        double top = max.signum() == 0 ? 1 : max.doubleValue() * 1.08;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        int n = months.size();
        StringBuilder committed = new StringBuilder();
        StringBuilder spent = new StringBuilder();
        StringBuilder used = new StringBuilder();
        List<Tick> monthTicks = new ArrayList<>();
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMM", locale);
        for (int i = 0; i < n; i++) {
            double x = LEFT + (n == 1 ? plotW / 2 : i * plotW / (n - 1));
            MonthPoint m = months.get(i);
            point(committed, x, y(m.committed().doubleValue(), top, plotH));
            point(spent, x, y(m.spent().doubleValue(), top, plotH));
            point(used, x, y(m.committed().add(m.spent()).doubleValue(), top, plotH));
            monthTicks.add(new Tick(round(x), m.month().format(monthName)));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            ticks.add(new Tick(round(y(value, top, plotH)),
                    EuroFormat.format(BigDecimal.valueOf(Math.round(value)).setScale(2), locale).replaceAll("[.,]00$", "")));
        }
        return new BudgetChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, round(y(planned.doubleValue(), top, plotH)),
                committed.toString().strip(), spent.toString().strip(), used.toString().strip(), ticks, monthTicks);
    }

    public int plotRight() {
        return width - right;
    }

    public int plotBottom() {
        return height - bottom;
    }

    private static double y(double value, double top, double plotH) {
        return TOP + plotH - value / top * plotH;
    }

    private static void point(StringBuilder b, double x, double y) {
        b.append(round(x)).append(',').append(round(y)).append(' ');
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
