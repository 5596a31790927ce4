package be.coordinaat.budget.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.budget.BudgetCategory;
import be.coordinaat.budget.Budgets;
import be.coordinaat.budget.Forms.AdjustmentForm;
import be.coordinaat.budget.Forms.ConvertForm;
import be.coordinaat.budget.Forms.LifeForm;
import be.coordinaat.budget.FundingSource;
import be.coordinaat.budget.PlanExports;
import be.coordinaat.budget.ReplacementPlan;
import be.coordinaat.budget.Views.Conversion;
import be.coordinaat.budget.Views.Forecast;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The replacement plan pages: the forecast of a school with its corrections and the button that turns a year into
 * budget lines, the exports, and the expected lives per kind (board and school).
 */
@Controller
class ReplacementPlanController {

    private final Budgets budgets;
    private final ReplacementPlan plan;
    private final PlanExports exports;

    ReplacementPlanController(Budgets budgets, ReplacementPlan plan, PlanExports exports) {
        this.budgets = budgets;
        this.plan = plan;
        this.exports = exports;
    }

    /** The school asked for, else the user's first school with the budget; 404 for a school outside the scope. */
    private long school(String school) {
        Long id = BudgetController.parseId(school);
        if (id != null) {
            return budgets.school(id).id();
        }
        List<SchoolRef> schools = budgets.readableSchools();
        if (schools.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no BUDGET_READ");
        }
        return schools.get(0).id();
    }

    @GetMapping("/budget/plan")
    String plan(@RequestParam(required = false) String school, Model model) {
        long schoolId = school(school);
        Forecast forecast = plan.forecast(schoolId);
        model.addAttribute("forecast", forecast);
        model.addAttribute("kinds", kindsOf(forecast));
        model.addAttribute("allKinds", AssetKind.values());
        model.addAttribute("schools", budgets.readableSchools());
        model.addAttribute("canManage", budgets.canManage(schoolId));
        model.addAttribute("sources", FundingSource.values());
        return "budget/plan";
    }

    private static List<AssetKind> kindsOf(Forecast f) {
        java.util.Set<AssetKind> kinds = java.util.EnumSet.noneOf(AssetKind.class);
        f.years().forEach(y -> y.cells().forEach(c -> kinds.add(c.kind())));
        return List.copyOf(kinds);
    }

    @PostMapping("/budget/plan/adjust")
    String adjust(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String startYear,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String count,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        long school = school(schoolId);
        Integer parsedCount = null;
        if (count != null && !count.isBlank()) {
            parsedCount = BudgetController.parseInt(count);
            if (parsedCount == null && !"0".equals(count.strip())) {
                redirect.addFlashAttribute("flashError", "budget.flash.adjust.invalid");
                return "redirect:/budget/plan?school=" + school;
            }
            if (parsedCount == null) {
                parsedCount = 0;
            }
        }
        try {
            plan.adjust(new AdjustmentForm(school, BudgetController.parseInt(startYear),
                    BudgetController.parseEnum(AssetKind.class, kind), parsedCount, amount, note));
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "budget.flash.adjust.invalid");
        }
        return "redirect:/budget/plan?school=" + school;
    }

    @PostMapping("/budget/plan/convert")
    String convert(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String startYear,
            @RequestParam(required = false) String fundingSource, RedirectAttributes redirect) {
        long school = school(schoolId);
        try {
            Conversion c = plan.convert(new ConvertForm(school, BudgetController.parseInt(startYear),
                    BudgetController.parseEnum(FundingSource.class, fundingSource)));
            redirect.addFlashAttribute("flash", "budget.flash.converted");
            return "redirect:/budget/years/" + c.budgetYearId();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "budget.error.year.closed".equals(e.problems().get(0).messageKey())
                    ? "budget.flash.year.closed" : e.problems().get(0).messageKey().equals("budget.error.year.overlaps")
                    ? "budget.flash.convert.overlaps" : "budget.flash.convert.invalid");
            return "redirect:/budget/plan?school=" + school;
        }
    }

    @GetMapping("/budget/plan/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String school) {
        Forecast f = exports.forecast(school(school));
        return download(exports.xlsx(f), exports.fileName(f, "xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/budget/plan/export.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String school) {
        Forecast f = exports.forecast(school(school));
        return download(exports.pdf(f), exports.fileName(f, "pdf"), MediaType.APPLICATION_PDF_VALUE);
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    // ---- expected lives ----

    /** The board's settings (no school) or a school's. */
    @GetMapping("/budget/settings")
    String settings(@RequestParam(required = false) String school, Model model) {
        Long schoolId = BudgetController.parseId(school);
        if (schoolId != null) {
            budgets.school(schoolId);
        }
        model.addAttribute("lives", plan.lives(schoolId));
        model.addAttribute("school", schoolId == null ? null : budgets.school(schoolId));
        model.addAttribute("schools", budgets.readableSchools());
        model.addAttribute("categories", BudgetCategory.values());
        model.addAttribute("canManage", schoolId == null ? plan.canManageBoard() : budgets.canManage(schoolId));
        return "budget/settings";
    }

    @PostMapping("/budget/settings")
    String setLife(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String lifeYears, @RequestParam(required = false) String category,
            RedirectAttributes redirect) {
        Long school = BudgetController.parseId(schoolId);
        try {
            plan.setLife(new LifeForm(school, BudgetController.parseEnum(AssetKind.class, kind),
                    BudgetController.parseInt(lifeYears), BudgetController.parseEnum(BudgetCategory.class, category)));
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "budget.flash.life.invalid");
        }
        return "redirect:/budget/settings" + (school == null ? "" : "?school=" + school);
    }

    @PostMapping("/budget/settings/clear")
    String clearLife(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String kind,
            RedirectAttributes redirect) {
        Long school = BudgetController.parseId(schoolId);
        try {
            plan.clearLife(school, BudgetController.parseEnum(AssetKind.class, kind));
            redirect.addFlashAttribute("flash", "budget.flash.life.cleared");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "budget.flash.life.invalid");
        }
        return "redirect:/budget/settings" + (school == null ? "" : "?school=" + school);
    }
}
