package be.coordinaat.budget.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.budget.BudgetCategory;
import be.coordinaat.budget.Budgets;
import be.coordinaat.budget.EuroFormat;
import be.coordinaat.budget.Forms.LineForm;
import be.coordinaat.budget.Forms.YearForm;
import be.coordinaat.budget.Forms.YearUpdateForm;
import be.coordinaat.budget.FundingSource;
import be.coordinaat.budget.Views.LineView;
import be.coordinaat.budget.Views.YearOverview;
import be.coordinaat.budget.Views.YearView;
import be.coordinaat.budget.YearKind;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import be.coordinaat.shared.web.Formats;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The budget pages: the years of the schools, a year with its overview, chart and lines, the forms, the board overview. */
@Controller
class BudgetController {

    private static final List<String> LINE_SORTS = List.of("category", "source", "description", "planned", "committed",
            "spent", "remaining");
    private static final List<String> BOARD_SORTS = List.of("school", "planned", "committed", "spent", "remaining", "used",
            "over");

    private final Budgets budgets;
    private final EuroFormat euro;

    BudgetController(Budgets budgets, EuroFormat euro) {
        this.budgets = budgets;
        this.euro = euro;
    }

    // ---- years ----

    @GetMapping("/budget")
    String years(@RequestParam(required = false) String school, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort, Model model) {
        Long schoolId = parseId(school);
        PageQuery query = PageQuery.of(page, 25, sort, null);
        model.addAttribute("page", budgets.years(schoolId, query));
        model.addAttribute("schools", budgets.readableSchools());
        model.addAttribute("school", schoolId);
        model.addAttribute("canCreate", budgets.canCreate());
        model.addAttribute("pageBase", "/budget" + (schoolId == null ? "" : "?school=" + schoolId));
        return "budget/years";
    }

    @GetMapping("/budget/years/new")
    String newYear(@RequestParam(required = false) String school, Model model) {
        requireCreate();
        Long schoolId = parseId(school);
        List<SchoolRef> manageable = budgets.manageableSchools();
        if (schoolId == null && manageable.size() == 1) {
            schoolId = manageable.get(0).id();
        }
        int start = YearKind.SCHOOL_YEAR.yearOf(LocalDate.now(Formats.ZONE)) + 1;
        return yearForm(model, new YearForm(schoolId, YearKind.SCHOOL_YEAR, start, true, null), null);
    }

    @PostMapping("/budget/years")
    String createYear(@Valid @ModelAttribute("form") YearForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        requireCreate();
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = budgets.createYear(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/budget/years/" + id[0];
        }
        return yearForm(model, form, errors);
    }

    private String yearForm(Model model, YearForm form, BindingResult errors) {
        put(model, form, errors);
        model.addAttribute("schools", budgets.manageableSchools());
        model.addAttribute("kinds", YearKind.values());
        return "budget/year-form";
    }

    @GetMapping("/budget/years/{id}")
    String year(@PathVariable long id, @RequestParam(required = false) String category,
            @RequestParam(required = false) String source, @RequestParam(required = false) Boolean over,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model, Locale locale) {
        YearOverview overview = budgets.overview(id);
        BudgetCategory cat = parseEnum(BudgetCategory.class, category);
        FundingSource src = parseEnum(FundingSource.class, source);
        boolean overOnly = Boolean.TRUE.equals(over);
        PageQuery query = PageQuery.of(page, 50, sort, q);
        model.addAttribute("overview", overview);
        model.addAttribute("year", overview.year());
        model.addAttribute("chart", BudgetChart.of(overview, locale));
        model.addAttribute("lines", budgets.lines(id, cat, src, overOnly, query));
        model.addAttribute("category", cat);
        model.addAttribute("source", src);
        model.addAttribute("over", overOnly);
        model.addAttribute("query", query);
        model.addAttribute("categories", BudgetCategory.values());
        model.addAttribute("sources", FundingSource.values());
        model.addAttribute("canManage", budgets.canManage(overview.year().schoolId()));
        String base = "/budget/years/" + id;
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : LINE_SORTS) {
            String current = query.sort() == null ? "category" : query.sort();
            sortUrls.put(key, url(base, cat, src, overOnly, q, key.equals(current) && !query.descending() ? "-" + key : key));
        }
        model.addAttribute("sortUrls", sortUrls);
        model.addAttribute("pageBase", url(base, cat, src, overOnly, q, query.sortParam()));
        return "budget/year";
    }

    private static String url(String base, BudgetCategory cat, FundingSource src, boolean over, String q, String sort) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        if (cat != null) b.queryParam("category", cat.name());
        if (src != null) b.queryParam("source", src.name());
        if (over) b.queryParam("over", "true");
        if (q != null && !q.isBlank()) b.queryParam("q", q);
        if (sort != null && !sort.isEmpty()) b.queryParam("sort", sort);
        return b.encode().build().toUriString();
    }

    @GetMapping("/budget/years/{id}/edit")
    String editYear(@PathVariable long id, Model model) {
        YearView y = requireManage(id);
        put(model, new YearUpdateForm(y.closed(), y.notes(), y.version()), null);
        model.addAttribute("year", y);
        return "budget/year-edit";
    }

    @PostMapping("/budget/years/{id}")
    String updateYear(@PathVariable long id, @Valid @ModelAttribute("form") YearUpdateForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        YearView y = requireManage(id);
        YearUpdateForm f = new YearUpdateForm(Boolean.TRUE.equals(form.closed()), form.notes(), form.version());
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> budgets.updateYear(id, f))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/budget/years/" + id;
        }
        put(model, form, errors);
        model.addAttribute("year", y);
        return "budget/year-edit";
    }

    @PostMapping("/budget/years/{id}/delete")
    String deleteYear(@PathVariable long id, RedirectAttributes redirect) {
        YearView y = requireManage(id);
        try {
            budgets.deleteYear(id);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "budget.flash.year.hasBookings");
            return "redirect:/budget/years/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/budget?school=" + y.schoolId();
    }

    // ---- lines ----

    @GetMapping("/budget/years/{id}/lines/new")
    String newLine(@PathVariable long id, Model model) {
        YearView y = requireManage(id);
        return lineForm(model, new LineForm(FundingSource.OPERATING, BudgetCategory.PUPIL_DEVICES, null, null, null, null),
                y, null, null);
    }

    @PostMapping("/budget/years/{id}/lines")
    String createLine(@PathVariable long id, @Valid @ModelAttribute("form") LineForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        YearView y = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> budgets.createLine(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/budget/years/" + id;
        }
        return lineForm(model, form, y, null, errors);
    }

    @GetMapping("/budget/lines/{id}/edit")
    String editLine(@PathVariable long id, Model model) {
        LineView l = requireManageLine(id);
        return lineForm(model, new LineForm(l.fundingSource(), l.category(), l.description(), euro.input(l.planned()),
                l.notes(), l.version()), budgets.year(l.budgetYearId()), l, null);
    }

    @PostMapping("/budget/lines/{id}")
    String updateLine(@PathVariable long id, @Valid @ModelAttribute("form") LineForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        LineView l = requireManageLine(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> budgets.updateLine(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/budget/years/" + l.budgetYearId();
        }
        return lineForm(model, form, budgets.year(l.budgetYearId()), l, errors);
    }

    @PostMapping("/budget/lines/{id}/delete")
    String deleteLine(@PathVariable long id, RedirectAttributes redirect) {
        LineView l = requireManageLine(id);
        try {
            budgets.deleteLine(id);
            redirect.addFlashAttribute("flash", "flash.deleted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "budget.error.year.closed".equals(e.problems().get(0).messageKey())
                    ? "budget.flash.year.closed" : "budget.flash.line.hasBookings");
        }
        return "redirect:/budget/years/" + l.budgetYearId();
    }

    private String lineForm(Model model, LineForm form, YearView year, LineView line, BindingResult errors) {
        put(model, form, errors);
        model.addAttribute("year", year);
        model.addAttribute("line", line);
        model.addAttribute("categories", BudgetCategory.values());
        model.addAttribute("sources", FundingSource.values());
        return "budget/line-form";
    }

    // ---- board overview ----

    @GetMapping("/budget/overview")
    String board(@RequestParam(required = false) String on, @RequestParam(required = false) String community,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model) {
        LocalDate date = parseDate(on);
        Long communityId = parseId(community);
        PageQuery query = PageQuery.of(page, 50, sort, q);
        var overview = budgets.boardOverview(date, communityId, query);
        model.addAttribute("overview", overview);
        model.addAttribute("query", query);
        model.addAttribute("communities", budgets.communities());
        model.addAttribute("community", communityId);
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : BOARD_SORTS) {
            String current = query.sort() == null ? "school" : query.sort();
            sortUrls.put(key, boardUrl(overview.on(), communityId, q, key.equals(current) && !query.descending() ? "-" + key : key));
        }
        model.addAttribute("sortUrls", sortUrls);
        model.addAttribute("pageBase", boardUrl(overview.on(), communityId, q, query.sortParam()));
        return "budget/board";
    }

    private static String boardUrl(LocalDate on, Long community, String q, String sort) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/budget/overview").queryParam("on", on.toString());
        if (community != null) b.queryParam("community", community);
        if (q != null && !q.isBlank()) b.queryParam("q", q);
        if (sort != null && !sort.isEmpty()) b.queryParam("sort", sort);
        return b.encode().build().toUriString();
    }

    // ---- helpers ----

    private void requireCreate() {
        if (!budgets.canCreate()) {
            throw new AccessDeniedException("no BUDGET_MANAGE");
        }
    }

    private YearView requireManage(long id) {
        YearView y = budgets.year(id);
        if (!budgets.canManage(y.schoolId())) {
            throw new AccessDeniedException("no BUDGET_MANAGE for budget year " + id);
        }
        return y;
    }

    private LineView requireManageLine(long id) {
        LineView l = budgets.line(id);
        if (!budgets.canManage(l.schoolId())) {
            throw new AccessDeniedException("no BUDGET_MANAGE for budget line " + id);
        }
        return l;
    }

    /** Puts a form back with the errors of its binding (kept when a value did not convert). */
    static void put(Model model, Object form, BindingResult errors) {
        model.addAttribute("form", form);
        if (errors != null && errors.hasErrors() && errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, "form");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
    }

    static Long parseId(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer parseInt(String s) {
        Long v = parseId(s);
        return v == null || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(s.strip());
            return d.getYear() < 1900 || d.getYear() > 2200 ? null : d;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
