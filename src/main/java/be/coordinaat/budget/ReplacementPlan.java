package be.coordinaat.budget;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.budget.Forms.AdjustmentForm;
import be.coordinaat.budget.Forms.ConvertForm;
import be.coordinaat.budget.Forms.LifeForm;
import be.coordinaat.budget.Views.Conversion;
import be.coordinaat.budget.Views.Forecast;
import be.coordinaat.budget.Views.ForecastCell;
import be.coordinaat.budget.Views.ForecastYear;
import be.coordinaat.budget.Views.LifeView;
import be.coordinaat.budget.Views.LineView;
import be.coordinaat.budget.Views.YearView;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.ReplacementData;
import be.coordinaat.inventory.ReplacementData.Group;
import be.coordinaat.inventory.ReplacementData.MedianPrice;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The multi-year replacement plan of a school: from the inventory's working assets (not retired or disposed), when
 * each reaches its end of life — the end-of-life date set on the asset, else its purchase date plus the expected life
 * of its kind — and what replacing it costs at current prices: its own price, else the median price of its model in
 * the school, of its kind in the school, of its kind in the board. Assets already past their end of life count in the
 * first year. The coordinator corrects counts and amounts per year and kind and turns a forecast year into planned
 * lines of that budget year (created when missing); doing it again updates those lines.
 *
 * <p>Expected lives are set per board (board admins) with per-school overrides (BUDGET_MANAGE in the school), with
 * built-in defaults. Reading needs BUDGET_READ in the school, changing BUDGET_MANAGE; other schools answer 404.
 */
@Service
@Transactional(readOnly = true)
public class ReplacementPlan {

    /** How many budget years the forecast covers, from the current one. */
    public static final int YEARS = 5;
    public static final int MIN_LIFE = 1;
    public static final int MAX_LIFE = 30;
    public static final int MAX_COUNT = 100_000;

    static final Map<AssetKind, Integer> DEFAULT_LIFE = new EnumMap<>(AssetKind.class);
    static final Map<AssetKind, BudgetCategory> DEFAULT_CATEGORY = new EnumMap<>(AssetKind.class);

    static {
        life(4, BudgetCategory.PUPIL_DEVICES, AssetKind.CHROMEBOOK, AssetKind.TABLET);
        life(4, BudgetCategory.STAFF_DEVICES, AssetKind.LAPTOP, AssetKind.PHONE);
        life(6, BudgetCategory.STAFF_DEVICES, AssetKind.DESKTOP);
        life(7, BudgetCategory.STAFF_DEVICES, AssetKind.MONITOR);
        life(8, BudgetCategory.INFRASTRUCTURE, AssetKind.PROJECTOR, AssetKind.INTERACTIVE_DISPLAY, AssetKind.AUDIO);
        life(6, BudgetCategory.INFRASTRUCTURE, AssetKind.DOCUMENT_CAMERA, AssetKind.PRINTER, AssetKind.SERVER_NAS);
        life(7, BudgetCategory.INFRASTRUCTURE, AssetKind.NETWORK_SWITCH, AssetKind.ACCESS_POINT, AssetKind.ROUTER_FIREWALL);
        life(10, BudgetCategory.PUPIL_DEVICES, AssetKind.CHARGING_CART);
        life(5, BudgetCategory.OTHER, AssetKind.OTHER);
    }

    private static void life(int years, BudgetCategory category, AssetKind... kinds) {
        for (AssetKind k : kinds) {
            DEFAULT_LIFE.put(k, years);
            DEFAULT_CATEGORY.put(k, category);
        }
    }

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Budgets budgets;
    private final ReplacementData inventory;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ReplacementPlan(JdbcClient jdbc, AccessControl access, Budgets budgets, ReplacementData inventory,
            ApplicationEventPublisher events, MessageSource messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.budgets = budgets;
        this.inventory = inventory;
        this.events = events;
        this.messages = messages;
    }

    // ---- expected life ----

    /** The expected lives of every kind: the board's (schoolId null) or as they apply to one school. */
    public List<LifeView> lives(Long schoolId) {
        access.requireAnywhere(Permission.BUDGET_READ);
        if (schoolId != null) {
            budgets.school(schoolId);
        }
        return lifeViews(access.current().boardId(), schoolId);
    }

    private List<LifeView> lifeViews(long boardId, Long schoolId) {
        Map<AssetKind, Object[]> board = new EnumMap<>(AssetKind.class);
        Map<AssetKind, Object[]> school = new EnumMap<>(AssetKind.class);
        jdbc.sql("""
                SELECT school_id, kind, life_years, category FROM budget_asset_life
                WHERE board_id = :board AND (school_id IS NULL OR school_id = :school)""")
                .param("board", boardId).param("school", schoolId == null ? -1L : schoolId)
                .query((rs, n) -> (rs.getObject("school_id") == null ? board : school).put(AssetKind.valueOf(rs.getString("kind")),
                        new Object[] {rs.getInt("life_years"), BudgetCategory.valueOf(rs.getString("category"))}))
                .list();
        List<LifeView> views = new ArrayList<>();
        for (AssetKind kind : AssetKind.values()) {
            Object[] b = board.get(kind);
            Object[] s = school.get(kind);
            Object[] effective = s != null ? s : b != null ? b : new Object[] {DEFAULT_LIFE.get(kind), DEFAULT_CATEGORY.get(kind)};
            views.add(new LifeView(kind, (Integer) effective[0], (BudgetCategory) effective[1],
                    b == null ? null : (Integer) b[0], b == null ? null : (BudgetCategory) b[1],
                    s == null ? null : (Integer) s[0], s == null ? null : (BudgetCategory) s[1], DEFAULT_LIFE.get(kind)));
        }
        return views;
    }

    public boolean canManageBoard() {
        return access.canForBoard(Permission.BUDGET_MANAGE);
    }

    /** Sets the expected life (and category) of a kind for the board (no school) or as a school's override. */
    @Transactional
    public void setLife(LifeForm form) {
        long board = access.current().boardId();
        requireLifeManage(form.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        if (form.kind() == null) {
            problems.add(new FieldProblem("kind", "error.required", "is required"));
        }
        if (form.lifeYears() == null) {
            problems.add(new FieldProblem("lifeYears", "error.required", "is required"));
        } else if (form.lifeYears() < MIN_LIFE || form.lifeYears() > MAX_LIFE) {
            problems.add(new FieldProblem("lifeYears", "budget.error.life.range",
                    "must be between " + MIN_LIFE + " and " + MAX_LIFE + " years", MIN_LIFE, MAX_LIFE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LifeView before = lifeViews(board, form.schoolId()).stream().filter(l -> l.kind() == form.kind()).findFirst().orElseThrow();
        BudgetCategory category = form.category() != null ? form.category() : before.category();
        Long id = jdbc.sql(form.schoolId() == null ? """
                        INSERT INTO budget_asset_life (board_id, school_id, kind, life_years, category) VALUES (?, NULL, ?, ?, ?)
                        ON CONFLICT (board_id, kind) WHERE school_id IS NULL
                        DO UPDATE SET life_years = EXCLUDED.life_years, category = EXCLUDED.category,
                                      version = budget_asset_life.version + 1, updated_at = now()
                        RETURNING id""" : """
                        INSERT INTO budget_asset_life (board_id, school_id, kind, life_years, category) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (school_id, kind) WHERE school_id IS NOT NULL
                        DO UPDATE SET life_years = EXCLUDED.life_years, category = EXCLUDED.category,
                                      version = budget_asset_life.version + 1, updated_at = now()
                        RETURNING id""")
                .params(form.schoolId() == null ? List.of(board, form.kind().name(), form.lifeYears(), category.name())
                        : List.of(board, form.schoolId(), form.kind().name(), form.lifeYears(), category.name()))
                .query(Long.class).single();
        Integer oldYears = form.schoolId() == null ? before.boardLifeYears() : before.schoolLifeYears();
        BudgetCategory oldCategory = form.schoolId() == null ? before.boardCategory() : before.schoolCategory();
        publishLife(id, board, form.schoolId(), oldYears == null ? RecordChanged.CREATED : RecordChanged.UPDATED,
                form.kind(), mapOf("lifeYears", oldYears, "category", oldCategory),
                mapOf("lifeYears", form.lifeYears(), "category", category));
    }

    /** Removes the board's setting or a school's override of a kind: the default (or the board's) applies again. */
    @Transactional
    public void clearLife(Long schoolId, AssetKind kind) {
        long board = access.current().boardId();
        requireLifeManage(schoolId);
        if (kind == null) {
            throw InvalidInputException.of("kind", "error.required", "is required");
        }
        Map<String, Object> row = jdbc.sql(schoolId == null
                        ? "DELETE FROM budget_asset_life WHERE board_id = ? AND school_id IS NULL AND kind = ? RETURNING id, life_years, category"
                        : "DELETE FROM budget_asset_life WHERE board_id = ? AND school_id = ? AND kind = ? RETURNING id, life_years, category")
                .params(schoolId == null ? List.of(board, kind.name()) : List.of(board, schoolId, kind.name()))
                .query().listOfRows().stream().findFirst().orElse(null);
        if (row != null) {
            publishLife(((Number) row.get("id")).longValue(), board, schoolId, RecordChanged.DELETED, kind,
                    mapOf("lifeYears", row.get("life_years"), "category", row.get("category")), Map.of());
        }
    }

    private void requireLifeManage(Long schoolId) {
        if (schoolId == null) {
            access.requireForBoard(Permission.BUDGET_MANAGE);
        } else {
            budgets.school(schoolId);
            access.require(Permission.BUDGET_MANAGE, schoolId);
        }
    }

    private void publishLife(long id, long board, Long schoolId, String action, AssetKind kind, Map<String, ?> before,
            Map<String, ?> after) {
        events.publishEvent(new RecordChanged("budget_asset_life", id, board, schoolId, action,
                "expected life " + kind.name(), RecordChanged.diff(before, after)));
    }

    // ---- forecast ----

    /** The forecast of a school for {@link #YEARS} budget years from the current one. */
    public Forecast forecast(long schoolId) {
        access.requireAnywhere(Permission.BUDGET_READ);
        SchoolRef school = budgets.school(schoolId);
        long board = access.current().boardId();
        YearKind yearKind = budgets.yearKindOf(schoolId);
        int first = yearKind.yearOf(LocalDate.now(Formats.ZONE));
        List<LifeView> lives = lifeViews(board, schoolId);
        Map<AssetKind, LifeView> life = new EnumMap<>(AssetKind.class);
        lives.forEach(l -> life.put(l.kind(), l));

        List<Group> groups = inventory.groups(schoolId);
        Map<Long, BigDecimal> modelMedian = new HashMap<>();
        Map<AssetKind, BigDecimal> kindMedian = new EnumMap<>(AssetKind.class);
        for (MedianPrice m : inventory.medianPrices(schoolId)) {
            if (m.modelId() != null) {
                modelMedian.put(m.modelId(), m.median());
            } else if (m.median() != null) {
                kindMedian.put(m.kind(), m.median());
            }
        }
        Set<AssetKind> boardKinds = EnumSet.noneOf(AssetKind.class);
        for (Group g : groups) {
            if (g.count() > g.priced() && !kindMedian.containsKey(g.kind())
                    && (g.modelId() == null || !modelMedian.containsKey(g.modelId()))) {
                boardKinds.add(g.kind());
            }
        }
        for (MedianPrice m : inventory.boardMedianPrices(board, boardKinds)) {
            kindMedian.putIfAbsent(m.kind(), m.median());
        }

        LocalDate[] starts = new LocalDate[YEARS];
        LocalDate[] ends = new LocalDate[YEARS];
        for (int i = 0; i < YEARS; i++) {
            starts[i] = yearKind.start(first + i);
            ends[i] = yearKind.end(first + i);
        }
        // per year and kind: count, amount, overdue, estimated, unpriced
        List<Map<AssetKind, long[]>> counts = new ArrayList<>();
        List<Map<AssetKind, BigDecimal>> amounts = new ArrayList<>();
        for (int i = 0; i < YEARS; i++) {
            counts.add(new EnumMap<>(AssetKind.class));
            amounts.add(new EnumMap<>(AssetKind.class));
        }
        long unknownAge = 0;
        long assets = 0;
        for (Group g : groups) {
            assets += g.count();
            LocalDate due = g.endOfLifeMonth() != null ? g.endOfLifeMonth()
                    : g.purchaseMonth() != null ? g.purchaseMonth().plusYears(life.get(g.kind()).lifeYears()) : null;
            if (due == null) {
                unknownAge += g.count();
                continue;
            }
            int index = -1;
            boolean overdue = due.isBefore(starts[0]);
            if (overdue) {
                index = 0;
            } else {
                for (int i = 0; i < YEARS; i++) {
                    if (!due.isBefore(starts[i]) && !due.isAfter(ends[i])) {
                        index = i;
                        break;
                    }
                }
            }
            if (index < 0) {
                continue;
            }
            long missing = g.count() - g.priced();
            BigDecimal median = g.modelId() != null && modelMedian.containsKey(g.modelId()) ? modelMedian.get(g.modelId())
                    : kindMedian.get(g.kind());
            BigDecimal amount = g.priceSum();
            if (missing > 0 && median != null) {
                amount = amount.add(median.multiply(BigDecimal.valueOf(missing)));
            }
            long[] c = counts.get(index).computeIfAbsent(g.kind(), k -> new long[4]);
            c[0] += g.count();
            c[1] += overdue ? g.count() : 0;
            c[2] += median != null ? missing : 0;
            c[3] += median == null ? missing : 0;
            amounts.get(index).merge(g.kind(), amount, BigDecimal::add);
        }

        Map<String, Object[]> adjustments = new HashMap<>();
        jdbc.sql("""
                SELECT starts_on, kind, count, amount, note FROM budget_forecast_adjustment
                WHERE school_id = ? AND starts_on BETWEEN ? AND ?""").params(schoolId, starts[0], starts[YEARS - 1])
                .query((rs, n) -> adjustments.put(rs.getObject("starts_on", LocalDate.class) + "/" + rs.getString("kind"),
                        new Object[] {rs.getObject("count"), rs.getBigDecimal("amount"), rs.getString("note")}))
                .list();
        Set<String> replacementCategories = new java.util.HashSet<>();
        lives.forEach(l -> replacementCategories.add(l.category().name()));
        Map<LocalDate, Object[]> budgetYears = new HashMap<>();
        jdbc.sql("""
                SELECT y.id, y.starts_on, y.closed, coalesce(sum(l.planned), 0) AS total,
                       coalesce(sum(l.planned) FILTER (WHERE l.category = ANY(:categories)), 0) AS replacement
                FROM budget_year y LEFT JOIN budget_line l ON l.budget_year_id = y.id
                WHERE y.school_id = :school AND y.starts_on BETWEEN :first AND :last
                GROUP BY y.id""")
                .param("school", schoolId).param("categories", replacementCategories.toArray(String[]::new))
                .param("first", starts[0]).param("last", starts[YEARS - 1])
                .query((rs, n) -> budgetYears.put(rs.getObject("starts_on", LocalDate.class), new Object[] {rs.getLong("id"),
                        rs.getBoolean("closed"), rs.getBigDecimal("total"), rs.getBigDecimal("replacement")}))
                .list();

        List<ForecastYear> years = new ArrayList<>();
        BigDecimal grand = zero();
        for (int i = 0; i < YEARS; i++) {
            List<ForecastCell> cells = new ArrayList<>();
            long yearCount = 0;
            BigDecimal yearAmount = zero();
            for (AssetKind kind : AssetKind.values()) {
                long[] c = counts.get(i).get(kind);
                Object[] adj = adjustments.get(starts[i] + "/" + kind.name());
                if (c == null && adj == null) {
                    continue;
                }
                long computedCount = c == null ? 0 : c[0];
                BigDecimal computedAmount = amounts.get(i).getOrDefault(kind, zero()).setScale(2);
                Integer adjustedCount = adj == null ? null : (Integer) adj[0];
                BigDecimal adjustedAmount = adj == null || adj[1] == null ? null : ((BigDecimal) adj[1]).setScale(2);
                long count = adjustedCount != null ? adjustedCount : computedCount;
                BigDecimal amount = adjustedAmount != null ? adjustedAmount : computedAmount;
                cells.add(new ForecastCell(kind, computedCount, computedAmount, c == null ? 0 : c[1], c == null ? 0 : c[2],
                        c == null ? 0 : c[3], adjustedCount, adjustedAmount, adj == null ? null : (String) adj[2], count,
                        amount));
                yearCount += count;
                yearAmount = yearAmount.add(amount);
            }
            Object[] by = budgetYears.get(starts[i]);
            BigDecimal planned = by == null ? null : ((BigDecimal) by[3]).setScale(2);
            years.add(new ForecastYear(first + i, yearKind.label(first + i), starts[i], ends[i], cells, yearCount, yearAmount,
                    by == null ? null : (Long) by[0], by != null && (Boolean) by[1], planned,
                    by == null ? null : ((BigDecimal) by[2]).setScale(2), planned == null ? null : planned.subtract(yearAmount)));
            grand = grand.add(yearAmount);
        }
        return new Forecast(schoolId, school.name(), yearKind, years, lives, unknownAge, assets, grand);
    }

    /** Sets (or, with count, amount and note all empty, removes) the correction of one school, year and kind. */
    @Transactional
    public void adjust(AdjustmentForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.schoolId() == null) {
            throw InvalidInputException.of("schoolId", "error.required", "is required");
        }
        if (!access.can(Permission.BUDGET_READ, form.schoolId())) {
            throw InvalidInputException.of("schoolId", "error.reference", "does not exist");
        }
        access.require(Permission.BUDGET_MANAGE, form.schoolId());
        checkStartYear(form.startYear(), problems);
        if (form.kind() == null) {
            problems.add(new FieldProblem("kind", "error.required", "is required"));
        }
        if (form.count() != null && (form.count() < 0 || form.count() > MAX_COUNT)) {
            problems.add(new FieldProblem("count", "budget.error.count.range", "must be between 0 and " + MAX_COUNT, MAX_COUNT));
        }
        BigDecimal amount = Amounts.parse("amount", form.amount(), false, problems);
        if (form.note() != null && form.note().length() > 500) {
            problems.add(new FieldProblem("note", "budget.error.tooLong", "is longer than 500 characters", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        YearKind kind = budgets.yearKindOf(form.schoolId());
        LocalDate start = kind.start(form.startYear());
        String note = Budgets.blank(form.note());
        Map<String, Object> before = jdbc.sql("SELECT id, count, amount, note FROM budget_forecast_adjustment WHERE school_id = ? AND starts_on = ? AND kind = ?")
                .params(form.schoolId(), start, form.kind().name()).query().listOfRows().stream().findFirst().orElse(null);
        Map<String, Object> old = before == null ? Map.of() : mapOf("count", before.get("count"),
                "amount", before.get("amount") == null ? null : ((BigDecimal) before.get("amount")).toPlainString(), "note", before.get("note"));
        long board = access.current().boardId();
        String label = kind.label(form.startYear()) + " – " + form.kind().name();
        if (form.count() == null && amount == null && note == null) {
            if (before != null) {
                long id = ((Number) before.get("id")).longValue();
                jdbc.sql("DELETE FROM budget_forecast_adjustment WHERE id = ?").param(id).update();
                events.publishEvent(new RecordChanged("budget_forecast_adjustment", id, board, form.schoolId(),
                        RecordChanged.DELETED, label, RecordChanged.diff(old, Map.of())));
            }
            return;
        }
        long id = jdbc.sql("""
                INSERT INTO budget_forecast_adjustment (school_id, starts_on, kind, count, amount, note) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, starts_on, kind) DO UPDATE SET count = EXCLUDED.count, amount = EXCLUDED.amount,
                    note = EXCLUDED.note, version = budget_forecast_adjustment.version + 1, updated_at = now()
                RETURNING id""")
                .params(form.schoolId(), start, form.kind().name(), form.count(), amount, note).query(Long.class).single();
        events.publishEvent(new RecordChanged("budget_forecast_adjustment", id, board, form.schoolId(),
                before == null ? RecordChanged.CREATED : RecordChanged.UPDATED, label, RecordChanged.diff(old,
                        mapOf("count", form.count(), "amount", amount == null ? null : amount.toPlainString(), "note", note))));
    }

    /**
     * Turns one forecast year into planned lines of the school's budget year for that period (created when missing):
     * one line per kind with an amount, in the kind's category, paid from the chosen funding source. A kind that
     * already has its line in that year gets the new amount instead of a second line.
     */
    @Transactional
    public Conversion convert(ConvertForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.schoolId() == null) {
            throw InvalidInputException.of("schoolId", "error.required", "is required");
        }
        if (!access.can(Permission.BUDGET_READ, form.schoolId())) {
            throw InvalidInputException.of("schoolId", "error.reference", "does not exist");
        }
        access.require(Permission.BUDGET_MANAGE, form.schoolId());
        checkStartYear(form.startYear(), problems);
        if (form.fundingSource() == null) {
            problems.add(new FieldProblem("fundingSource", "error.required", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Forecast forecast = forecast(form.schoolId());
        ForecastYear year = forecast.years().stream().filter(y -> y.startYear() == form.startYear()).findFirst()
                .orElseThrow(() -> InvalidInputException.of("startYear", "budget.error.forecast.year",
                        "is not one of the forecast's years"));
        YearView budgetYear = budgets.yearStarting(form.schoolId(), year.startsOn()).orElse(null);
        boolean created = false;
        if (budgetYear == null) {
            long id = budgets.insertYear(form.schoolId(), forecast.yearKind(), year.startYear(), false, null);
            budgetYear = budgets.year(id);
            created = true;
        }
        if (budgetYear.closed()) {
            throw InvalidInputException.of("startYear", "budget.error.year.closed",
                    "the budget year " + budgetYear.label() + " is closed; open it again to change its lines", budgetYear.label());
        }
        Map<AssetKind, LineView> existing = new EnumMap<>(AssetKind.class);
        for (LineView l : budgets.lines(budgetYear.id(), null, null, false,
                new be.coordinaat.shared.PageQuery(0, be.coordinaat.shared.PageQuery.MAX_SIZE, null, false, null)).items()) {
            if (l.replacementKind() != null) {
                existing.put(l.replacementKind(), l);
            }
        }
        Map<AssetKind, LifeView> life = new EnumMap<>(AssetKind.class);
        forecast.lives().forEach(l -> life.put(l.kind(), l));
        int added = 0;
        int updated = 0;
        var locale = LocaleContextHolder.getLocale();
        for (ForecastCell cell : year.cells()) {
            if (cell.amount().signum() == 0 && cell.count() == 0) {
                continue;
            }
            String kindName = messages.getMessage("asset.kind." + cell.kind().name(), null, cell.kind().name(), locale);
            String description = messages.getMessage("budget.plan.lineDescription", new Object[] {cell.count(), kindName},
                    "Replacement: " + cell.count() + " × " + kindName + " (replacement plan)", locale);
            LineView line = existing.get(cell.kind());
            if (line == null) {
                budgets.insertLine(budgetYear.id(), form.schoolId(), budgetYear.label(), form.fundingSource(),
                        life.get(cell.kind()).category(), description, cell.amount(), null, cell.kind());
                added++;
            } else if (line.planned().compareTo(cell.amount()) != 0 || !Objects.equals(line.description(), description)) {
                budgets.replan(line, cell.amount(), description);
                updated++;
            }
        }
        return new Conversion(budgetYear.id(), created, added, updated);
    }

    private static void checkStartYear(Integer startYear, List<FieldProblem> problems) {
        if (startYear == null) {
            problems.add(new FieldProblem("startYear", "error.required", "is required"));
        } else if (startYear < Budgets.MIN_YEAR || startYear > Budgets.MAX_YEAR) {
            problems.add(new FieldProblem("startYear", "budget.error.startYear.range",
                    "must be between " + Budgets.MIN_YEAR + " and " + Budgets.MAX_YEAR, Budgets.MIN_YEAR, Budgets.MAX_YEAR));
        }
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static Map<String, Object> mapOf(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
