package be.coordinaat.policy.web;

import be.coordinaat.policy.BaselineStatus;
import be.coordinaat.policy.Forms.BaselineItemForm;
import be.coordinaat.policy.Forms.ToActionForm;
import be.coordinaat.policy.Horizon;
import be.coordinaat.policy.PolicyPlans;
import be.coordinaat.policy.SecurityBaseline;
import be.coordinaat.policy.Views.BaselineItemView;
import be.coordinaat.policy.Views.GoalRef;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.List;
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

/** The security baseline checklist: the list, an item's form, adding an item, turning an item into a plan action. */
@Controller
class PolicyBaselineController {

    private final SecurityBaseline baseline;
    private final PolicyPlans plans;

    PolicyBaselineController(SecurityBaseline baseline, PolicyPlans plans) {
        this.baseline = baseline;
        this.plans = plans;
    }

    @GetMapping("/policy/baseline")
    String list(@RequestParam(required = false) String school, Model model) {
        long id = SchoolChoice.pick(school, baseline.readableSchools(), model);
        model.addAttribute("baseline", baseline.baseline(id));
        model.addAttribute("canManage", baseline.canManage(id));
        return "policy/baseline";
    }

    @GetMapping("/policy/baseline/new")
    String newItem(@RequestParam(required = false) String school, Model model) {
        long id = SchoolChoice.pick(school, baseline.readableSchools(), model);
        if (!baseline.canManage(id)) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        return form(model, id, null, new BaselineItemForm(id, null, BaselineStatus.NOT_STARTED, null, null, null, null), null);
    }

    @PostMapping("/policy/baseline")
    String create(@Valid @ModelAttribute("form") BaselineItemForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> baseline.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/baseline?school=" + form.schoolId();
        }
        if (form.schoolId() == null || !baseline.canManage(form.schoolId())) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        return form(model, form.schoolId(), null, form, errors);
    }

    @GetMapping("/policy/baseline/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        BaselineItemView item = requireManage(id);
        return form(model, item.schoolId(), item, new BaselineItemForm(item.schoolId(), item.title(), item.status(), item.ownerUserId(),
                item.evidence(), item.reviewDate(), item.version()), null);
    }

    @PostMapping("/policy/baseline/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") BaselineItemForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        BaselineItemView item = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> baseline.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/baseline?school=" + item.schoolId();
        }
        return form(model, item.schoolId(), item, form, errors);
    }

    @PostMapping("/policy/baseline/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        BaselineItemView item = baseline.item(id);
        baseline.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/policy/baseline?school=" + item.schoolId();
    }

    @PostMapping("/policy/baseline/{id}/action")
    String toAction(@PathVariable long id, @Valid @ModelAttribute ToActionForm form, BindingResult errors, RedirectAttributes redirect) {
        BaselineItemView item = requireManage(id);
        try {
            if (errors.hasErrors()) {
                throw InvalidInputException.of("goalId", "error.required", "is required");
            }
            baseline.toAction(id, form);
            redirect.addFlashAttribute("flash", "policy.flash.actionCreated");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "policy.flash.actionInvalid");
            return "redirect:/policy/baseline/" + id + "/edit";
        }
        return "redirect:/policy/baseline?school=" + item.schoolId();
    }

    private BaselineItemView requireManage(long id) {
        BaselineItemView item = baseline.item(id);
        if (!baseline.canManage(item.schoolId())) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        return item;
    }

    private String form(Model model, long school, BaselineItemView item, BaselineItemForm form, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("item", item);
        model.addAttribute("schoolId", school);
        model.addAttribute("owners", baseline.owners(school));
        model.addAttribute("statuses", BaselineStatus.values());
        model.addAttribute("horizons", Horizon.values());
        List<GoalRef> goals = plans.goalChoices(school).stream().filter(g -> plans.plan(g.planId()).editable()).toList();
        model.addAttribute("draftGoals", goals);
        return "policy/baseline-form";
    }
}
