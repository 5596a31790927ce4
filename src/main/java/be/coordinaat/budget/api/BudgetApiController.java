package be.coordinaat.budget.api;

import be.coordinaat.budget.BudgetCategory;
import be.coordinaat.budget.Budgets;
import be.coordinaat.budget.Forms.AdjustmentForm;
import be.coordinaat.budget.Forms.ConvertForm;
import be.coordinaat.budget.Forms.LifeForm;
import be.coordinaat.budget.Forms.LineForm;
import be.coordinaat.budget.Forms.YearForm;
import be.coordinaat.budget.Forms.YearUpdateForm;
import be.coordinaat.budget.FundingSource;
import be.coordinaat.budget.PlanExports;
import be.coordinaat.budget.ReplacementPlan;
import be.coordinaat.budget.Views.BoardOverview;
import be.coordinaat.budget.Views.Conversion;
import be.coordinaat.budget.Views.Forecast;
import be.coordinaat.budget.Views.LifeView;
import be.coordinaat.budget.Views.LineView;
import be.coordinaat.budget.Views.YearOverview;
import be.coordinaat.budget.Views.YearView;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the budget: years and lines per school, the year overview, the board overview across schools, the
 * replacement forecast with its corrections, exports and expected-life settings. Amounts are JSON numbers (or
 * strings) in euros with at most two decimals. BUDGET_READ reads, BUDGET_MANAGE changes; another school's records
 * answer 404.
 */
@RestController
@RequestMapping("/api/v1/budget")
@Tag(name = "Budget")
class BudgetApiController {

    private final Budgets budgets;
    private final ReplacementPlan plan;
    private final PlanExports exports;

    BudgetApiController(Budgets budgets, ReplacementPlan plan, PlanExports exports) {
        this.budgets = budgets;
        this.plan = plan;
        this.exports = exports;
    }

    // ---- years ----

    @GetMapping("/years")
    @Operation(summary = "Budget years of your schools (or of school=ID) with their totals; q matches label or school; "
            + "sort by start (default: newest first), school, planned or remaining (prefix - for descending)")
    Page<YearView> years(@RequestParam(required = false) Long school, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return budgets.years(school, PageQuery.of(page, size, sort, q));
    }

    @PostMapping("/years")
    @Operation(summary = "Creates a budget year: schoolId, kind SCHOOL_YEAR (1 Sep–31 Aug, default) or CALENDAR_YEAR, "
            + "startYear, copyPrevious=true to copy the lines of the school's latest earlier year")
    ResponseEntity<YearView> createYear(@Valid @RequestBody YearForm form) {
        long id = budgets.createYear(form);
        return ResponseEntity.created(URI.create("/api/v1/budget/years/" + id)).body(budgets.year(id));
    }

    @GetMapping("/years/{id}")
    YearView year(@PathVariable long id) {
        return budgets.year(id);
    }

    @PutMapping("/years/{id}")
    @Operation(summary = "Closes (closed=true: no new bookings or line changes) or reopens a year, and sets its notes; "
            + "send the version you read")
    YearView updateYear(@PathVariable long id, @Valid @RequestBody YearUpdateForm form) {
        budgets.updateYear(id, form);
        return budgets.year(id);
    }

    @DeleteMapping("/years/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a year with its lines; refused (400) while an order or invoice is booked on it")
    void deleteYear(@PathVariable long id) {
        budgets.deleteYear(id);
    }

    @GetMapping("/years/{id}/overview")
    @Operation(summary = "Totals per category and funding source, and committed/spent per month (cumulative)")
    YearOverview overview(@PathVariable long id) {
        return budgets.overview(id);
    }

    // ---- lines ----

    @GetMapping("/years/{id}/lines")
    @Operation(summary = "The lines of a year with planned, committed, spent and remaining. Filters: category, source, "
            + "over=true (over budget only), q (description). Sort by category (default), source, description, planned, "
            + "committed, spent or remaining")
    Page<LineView> lines(@PathVariable long id, @RequestParam(required = false) BudgetCategory category,
            @RequestParam(required = false) FundingSource source, @RequestParam(required = false) Boolean over,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return budgets.lines(id, category, source, Boolean.TRUE.equals(over), PageQuery.of(page, size, sort, q));
    }

    @PostMapping("/years/{id}/lines")
    @Operation(summary = "Adds a line: fundingSource, category, description, planned (euros, at most 2 decimals), notes")
    ResponseEntity<LineView> createLine(@PathVariable long id, @Valid @RequestBody LineForm form) {
        long line = budgets.createLine(id, form);
        return ResponseEntity.created(URI.create("/api/v1/budget/lines/" + line)).body(budgets.line(line));
    }

    @GetMapping("/lines/{id}")
    LineView line(@PathVariable long id) {
        return budgets.line(id);
    }

    @PutMapping("/lines/{id}")
    @Operation(summary = "Replaces a line's data; send the version you read")
    LineView updateLine(@PathVariable long id, @Valid @RequestBody LineForm form) {
        budgets.updateLine(id, form);
        return budgets.line(id);
    }

    @DeleteMapping("/lines/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a line; refused (400) while an order or invoice is booked on it")
    void deleteLine(@PathVariable long id) {
        budgets.deleteLine(id);
    }

    // ---- board overview ----

    @GetMapping("/overview")
    @Operation(summary = "One row per school you may read (optionally of one school community, or whose name contains q): "
            + "its budget year containing the date on (default today) with planned, committed, spent and remaining; "
            + "totals over all matching schools. Sort by school (default), planned, committed, spent, remaining, used or over")
    BoardOverview boardOverview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) Long community, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return budgets.boardOverview(on, community, PageQuery.of(page, size, sort, q));
    }

    // ---- replacement plan ----

    @GetMapping("/forecast")
    @Operation(summary = "The school's replacement forecast for 5 budget years from the current one: per year and asset "
            + "kind the devices reaching their end of life and the budget to replace them, corrections, and the planned "
            + "budget for devices and infrastructure of that year")
    Forecast forecast(@RequestParam long school) {
        return plan.forecast(school);
    }

    @PutMapping("/forecast/adjustments")
    @Operation(summary = "Corrects the count and/or amount of one school, year (startYear) and kind; all of count, amount "
            + "and note empty removes the correction. Answers the forecast")
    Forecast adjust(@Valid @RequestBody AdjustmentForm form) {
        plan.adjust(form);
        return plan.forecast(form.schoolId());
    }

    @PostMapping("/forecast/convert")
    @Operation(summary = "Turns a forecast year (startYear) into planned lines of that budget year (created when missing), "
            + "paid from fundingSource; again later updates those lines")
    Conversion convert(@Valid @RequestBody ConvertForm form) {
        return plan.convert(form);
    }

    @GetMapping("/forecast/export.xlsx")
    @Operation(summary = "The replacement plan as a spreadsheet")
    ResponseEntity<byte[]> xlsx(@RequestParam long school) {
        Forecast f = exports.forecast(school);
        return download(exports.xlsx(f), exports.fileName(f, "xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/forecast/export.pdf")
    @Operation(summary = "The replacement plan as a print-ready PDF (A4 landscape)")
    ResponseEntity<byte[]> pdf(@RequestParam long school) {
        Forecast f = exports.forecast(school);
        return download(exports.pdf(f), exports.fileName(f, "pdf"), MediaType.APPLICATION_PDF_VALUE);
    }

    static ResponseEntity<byte[]> download(byte[] bytes, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    // ---- settings ----

    @GetMapping("/settings")
    @Operation(summary = "Expected life and category per asset kind: the board's (without school) or as they apply to a "
            + "school (its overrides, the board's settings, the defaults)")
    List<LifeView> settings(@RequestParam(required = false) Long school) {
        return plan.lives(school);
    }

    @PutMapping("/settings")
    @Operation(summary = "Sets the expected life (1–30 years) and category of a kind for the board (no schoolId; board "
            + "admins) or as a school's override")
    List<LifeView> setLife(@Valid @RequestBody LifeForm form) {
        plan.setLife(form);
        return plan.lives(form.schoolId());
    }

    @DeleteMapping("/settings")
    @Operation(summary = "Removes the board's setting (no school) or a school's override of a kind")
    List<LifeView> clearLife(@RequestParam(required = false) Long school, @RequestParam AssetKind kind) {
        plan.clearLife(school, kind);
        return plan.lives(school);
    }
}
