package be.coordinaat.policy.web;

import be.coordinaat.policy.ActionStatus;
import be.coordinaat.policy.Conclusion;
import be.coordinaat.policy.Forms.ActionForm;
import be.coordinaat.policy.Forms.CommentForm;
import be.coordinaat.policy.Forms.DecisionForm;
import be.coordinaat.policy.Forms.GoalForm;
import be.coordinaat.policy.Forms.PlanForm;
import be.coordinaat.policy.Forms.ProgressForm;
import be.coordinaat.policy.Forms.ReviewForm;
import be.coordinaat.policy.FunctionTheme;
import be.coordinaat.policy.Horizon;
import be.coordinaat.policy.PlanExport;
import be.coordinaat.policy.PolicyPlans;
import be.coordinaat.policy.Views.ActionView;
import be.coordinaat.policy.Views.GoalView;
import be.coordinaat.policy.Views.PlanView;
import be.coordinaat.selfevaluation.Area;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The policy plan pages: list, plan with goals and actions, forms, approval, comments, monitoring, PDF. */
@Controller
class PolicyPlanController {

    private final PolicyPlans plans;
    private final PlanExport export;

    PolicyPlanController(PolicyPlans plans, PlanExport export) {
        this.plans = plans;
        this.export = export;
    }

    @GetMapping("/policy/plans")
    String list(@RequestParam(required = false) String school, @RequestParam(required = false) Integer page, Model model) {
        long id = SchoolChoice.pick(school, plans.readableSchools(), model);
        model.addAttribute("page", plans.list(id, PageQuery.of(page, 25, null, null)));
        model.addAttribute("pageBase", "/policy/plans?school=" + id);
        model.addAttribute("canManage", plans.canManage(id));
        return "policy/plans";
    }

    @GetMapping("/policy/plans/new")
    String newPlan(@RequestParam(required = false) String school, Model model) {
        long id = SchoolChoice.pick(school, plans.readableSchools(), model);
        if (!plans.canManage(id)) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        int year = LocalDate.now().getMonthValue() >= 9 ? LocalDate.now().getYear() : LocalDate.now().getYear() - 1;
        return planForm(model, new PlanForm(id, null, year, year + 3, null, null), null, null);
    }

    @PostMapping("/policy/plans")
    String create(@Valid @ModelAttribute("form") PlanForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = plans.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/plans/" + id[0];
        }
        if (form.schoolId() == null) {
            throw new AccessDeniedException("no school");
        }
        SchoolChoice.pick(String.valueOf(form.schoolId()), plans.readableSchools(), model);
        return planForm(model, form, null, errors);
    }

    @GetMapping("/policy/plans/{id}")
    String show(@PathVariable long id, Model model) {
        PlanView plan = plans.plan(id);
        model.addAttribute("plan", plan);
        boolean editor = plans.isEditor(plan.schoolId());
        model.addAttribute("editor", editor);
        model.addAttribute("canManage", plans.canManage(plan.schoolId()));
        model.addAttribute("canApprove", plans.canApprove(plan.schoolId()));
        model.addAttribute("comments", editor ? plans.comments(id) : List.of());
        model.addAttribute("versions", plans.snapshots(id));
        model.addAttribute("decision", new DecisionForm(null, plan.version()));
        return "policy/plan";
    }

    @GetMapping("/policy/plans/{id}/versions/{number}")
    String snapshot(@PathVariable long id, @PathVariable int number, Model model) {
        PlanView plan = plans.snapshot(id, number);
        model.addAttribute("plan", plan);
        model.addAttribute("editor", false);
        model.addAttribute("canManage", false);
        model.addAttribute("canApprove", false);
        model.addAttribute("comments", List.of());
        model.addAttribute("versions", plans.snapshots(id));
        return "policy/plan";
    }

    @GetMapping("/policy/plans/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        PlanView plan = requireManage(id);
        SchoolChoice.pick(String.valueOf(plan.schoolId()), plans.readableSchools(), model);
        return planForm(model, new PlanForm(plan.schoolId(), plan.title(), plan.startYear(), plan.endYear(), null, plan.version()), plan, null);
    }

    @PostMapping("/policy/plans/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PlanForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        PlanView plan = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> plans.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/plans/" + id;
        }
        SchoolChoice.pick(String.valueOf(plan.schoolId()), plans.readableSchools(), model);
        return planForm(model, form, plan, errors);
    }

    @PostMapping("/policy/plans/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        PlanView plan = plans.plan(id);
        plans.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/policy/plans?school=" + plan.schoolId();
    }

    private String planForm(Model model, PlanForm form, PlanView plan, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("plan", plan);
        model.addAttribute("earlierPlans", plan == null ? plans.list(form.schoolId(), PageQuery.of(0, 50, null, null)).items() : List.of());
        return "policy/plan-form";
    }

    // ---- approval ----

    @PostMapping("/policy/plans/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        plans.submit(id, version);
        redirect.addFlashAttribute("flash", "policy.flash.submitted");
        return "redirect:/policy/plans/" + id;
    }

    @PostMapping("/policy/plans/{id}/approve")
    String approve(@PathVariable long id, @ModelAttribute DecisionForm form, RedirectAttributes redirect) {
        plans.approve(id, form);
        redirect.addFlashAttribute("flash", "policy.flash.approved");
        return "redirect:/policy/plans/" + id;
    }

    @PostMapping("/policy/plans/{id}/return")
    String giveBack(@PathVariable long id, @ModelAttribute DecisionForm form, RedirectAttributes redirect) {
        try {
            plans.giveBack(id, form);
            redirect.addFlashAttribute("flash", "policy.flash.returned");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "policy.flash.remarksRequired");
        }
        return "redirect:/policy/plans/" + id;
    }

    @PostMapping("/policy/plans/{id}/revise")
    String revise(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        plans.revise(id, version);
        redirect.addFlashAttribute("flash", "policy.flash.revised");
        return "redirect:/policy/plans/" + id;
    }

    @PostMapping("/policy/plans/{id}/comments")
    String comment(@PathVariable long id, @ModelAttribute CommentForm form, BindingResult errors, RedirectAttributes redirect) {
        try {
            if (errors.hasErrors()) {
                throw InvalidInputException.of("body", "error.required", "is required");
            }
            plans.comment(id, form);
            redirect.addFlashAttribute("flash", "policy.flash.commented");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "policy.flash.commentInvalid");
        }
        return "redirect:/policy/plans/" + id + "#comments";
    }

    // ---- monitoring and export ----

    @GetMapping("/policy/plans/{id}/monitor")
    String monitor(@PathVariable long id, Model model) {
        var monitor = plans.monitor(id);
        model.addAttribute("monitor", monitor);
        model.addAttribute("plan", monitor.plan());
        model.addAttribute("canManage", plans.canManage(monitor.plan().schoolId()));
        model.addAttribute("conclusions", Conclusion.values());
        return "policy/monitor";
    }

    @PostMapping("/policy/goals/{id}/review")
    String review(@PathVariable long id, @Valid @ModelAttribute ReviewForm form, BindingResult errors, RedirectAttributes redirect) {
        PlanView plan = plans.planOfGoal(id);
        try {
            if (errors.hasErrors()) {
                throw InvalidInputException.of("conclusion", "error.required", "is required");
            }
            plans.review(id, form);
            redirect.addFlashAttribute("flash", "policy.flash.reviewed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "policy.flash.reviewInvalid");
        }
        return "redirect:/policy/plans/" + plan.id() + "/monitor#goal-" + id;
    }

    @GetMapping("/policy/plans/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String lang, Locale locale) {
        Locale chosen = lang == null ? locale : Locale.forLanguageTag("en".equals(lang) ? "en" : "nl-BE");
        PlanExport.Pdf pdf = export.pdf(id, chosen);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf.content());
    }

    // ---- goals ----

    @GetMapping("/policy/plans/{id}/goals/new")
    String newGoal(@PathVariable long id, Model model) {
        PlanView plan = requireManage(id);
        return goalForm(model, plan, null, new GoalForm(null, null, null, null, null, List.of(), null), null);
    }

    @PostMapping("/policy/plans/{id}/goals")
    String addGoal(@PathVariable long id, @Valid @ModelAttribute("form") GoalForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        PlanView plan = requireManage(id);
        long[] goal = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> goal[0] = plans.addGoal(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/plans/" + id + "#goal-" + goal[0];
        }
        return goalForm(model, plan, null, form, errors);
    }

    @GetMapping("/policy/goals/{id}/edit")
    String editGoal(@PathVariable long id, Model model) {
        PlanView plan = plans.planOfGoal(id);
        GoalView g = plans.goal(id);
        requireManage(plan.id());
        return goalForm(model, plan, g, new GoalForm(g.title(), g.measure(), g.target(), g.deadline(), g.area(), g.themes(), g.version()), null);
    }

    @PostMapping("/policy/goals/{id}")
    String updateGoal(@PathVariable long id, @Valid @ModelAttribute("form") GoalForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        PlanView plan = plans.planOfGoal(id);
        requireManage(plan.id());
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> plans.updateGoal(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/plans/" + plan.id() + "#goal-" + id;
        }
        return goalForm(model, plan, plans.goal(id), form, errors);
    }

    @PostMapping("/policy/goals/{id}/delete")
    String deleteGoal(@PathVariable long id, RedirectAttributes redirect) {
        PlanView plan = plans.planOfGoal(id);
        plans.deleteGoal(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/policy/plans/" + plan.id();
    }

    private String goalForm(Model model, PlanView plan, GoalView goal, GoalForm form, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("plan", plan);
        model.addAttribute("goal", goal);
        model.addAttribute("areas", Area.values());
        model.addAttribute("themes", FunctionTheme.values());
        return "policy/goal-form";
    }

    // ---- actions ----

    @GetMapping("/policy/goals/{id}/actions/new")
    String newAction(@PathVariable long id, Model model) {
        PlanView plan = plans.planOfGoal(id);
        requireManage(plan.id());
        return actionForm(model, plan, plans.goal(id), null,
                new ActionForm(null, null, null, null, Horizon.SHORT, ActionStatus.PLANNED, null, null, null, null, null), null);
    }

    @PostMapping("/policy/goals/{id}/actions")
    String addAction(@PathVariable long id, @Valid @ModelAttribute("form") ActionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        PlanView plan = plans.planOfGoal(id);
        requireManage(plan.id());
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> plans.addAction(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/plans/" + plan.id() + "#goal-" + id;
        }
        return actionForm(model, plan, plans.goal(id), null, form, errors);
    }

    @GetMapping("/policy/actions/{id}/edit")
    String editAction(@PathVariable long id, Model model) {
        ActionView a = plans.action(id);
        PlanView plan = plans.planOfGoal(a.goalId());
        requireManage(plan.id());
        return actionForm(model, plan, plans.goal(a.goalId()), a, new ActionForm(a.title(), a.ownerUserId(), a.startDate(), a.deadline(),
                a.horizon(), a.status(), a.budgetLineId(), a.amount(), a.evidence(), a.evidenceUrl(), a.version()), null);
    }

    @PostMapping("/policy/actions/{id}")
    String updateAction(@PathVariable long id, @Valid @ModelAttribute("form") ActionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        ActionView a = plans.action(id);
        PlanView plan = plans.planOfGoal(a.goalId());
        requireManage(plan.id());
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> plans.updateAction(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/plans/" + plan.id() + "#goal-" + a.goalId();
        }
        return actionForm(model, plan, plans.goal(a.goalId()), a, form, errors);
    }

    @PostMapping("/policy/actions/{id}/progress")
    String progress(@PathVariable long id, @Valid @ModelAttribute("form") ProgressForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        ActionView a = plans.action(id);
        PlanView plan = plans.planOfGoal(a.goalId());
        requireManage(plan.id());
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> plans.progress(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/plans/" + plan.id() + "#goal-" + a.goalId();
        }
        ActionForm full = new ActionForm(a.title(), a.ownerUserId(), a.startDate(), a.deadline(), a.horizon(), form.status(),
                a.budgetLineId(), a.amount(), form.evidence(), form.evidenceUrl(), form.version());
        return actionForm(model, plan, plans.goal(a.goalId()), a, full, errors);
    }

    @PostMapping("/policy/actions/{id}/delete")
    String deleteAction(@PathVariable long id, RedirectAttributes redirect) {
        ActionView a = plans.action(id);
        PlanView plan = plans.planOfGoal(a.goalId());
        plans.deleteAction(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/policy/plans/" + plan.id() + "#goal-" + a.goalId();
    }

    private String actionForm(Model model, PlanView plan, GoalView goal, ActionView action, ActionForm form, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("plan", plan);
        model.addAttribute("goal", goal);
        model.addAttribute("action", action);
        model.addAttribute("owners", plans.owners(plan.schoolId()));
        model.addAttribute("budgetLines", plans.budgetLines(plan.schoolId()));
        model.addAttribute("horizons", Horizon.values());
        model.addAttribute("statuses", ActionStatus.values());
        return "policy/action-form";
    }

    private PlanView requireManage(long id) {
        PlanView plan = plans.plan(id);
        if (!plans.canManage(plan.schoolId())) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        return plan;
    }
}
