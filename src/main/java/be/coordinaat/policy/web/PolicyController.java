package be.coordinaat.policy.web;

import be.coordinaat.policy.AcceptableUse;
import be.coordinaat.policy.Forms.DecisionForm;
import be.coordinaat.policy.Forms.VisionForm;
import be.coordinaat.policy.Pilots;
import be.coordinaat.policy.PolicyPlans;
import be.coordinaat.policy.SecurityBaseline;
import be.coordinaat.policy.Views.VisionOverview;
import be.coordinaat.policy.Views.VisionView;
import be.coordinaat.policy.Visions;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
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

/** The policy overview of a school and its ICT vision: versions, editing, submitting, approving, comparing. */
@Controller
class PolicyController {

    private final Visions visions;
    private final PolicyPlans plans;
    private final Pilots pilots;
    private final AcceptableUse aup;
    private final SecurityBaseline baseline;

    PolicyController(Visions visions, PolicyPlans plans, Pilots pilots, AcceptableUse aup, SecurityBaseline baseline) {
        this.visions = visions;
        this.plans = plans;
        this.pilots = pilots;
        this.aup = aup;
        this.baseline = baseline;
    }

    @GetMapping("/policy")
    String overview(@RequestParam(required = false) String school, Model model) {
        long id = SchoolChoice.pick(school, plans.readableSchools(), model);
        model.addAttribute("vision", visions.overview(id));
        model.addAttribute("plans", plans.list(id, PageQuery.of(0, 5, null, null)));
        model.addAttribute("pilots", pilots.list(id, null, PageQuery.of(0, 5, null, null)));
        model.addAttribute("aups", aup.overview(id));
        model.addAttribute("baseline", baseline.baseline(id));
        model.addAttribute("canManage", plans.canManage(id));
        return "policy/overview";
    }

    @GetMapping("/policy/vision")
    String vision(@RequestParam(required = false) String school, Model model) {
        long id = SchoolChoice.pick(school, plans.readableSchools(), model);
        VisionOverview overview = visions.overview(id);
        model.addAttribute("overview", overview);
        model.addAttribute("shown", overview.current());
        if (overview.current() != null) {
            model.addAttribute("decision", new DecisionForm(null, overview.current().version()));
        }
        return "policy/vision";
    }

    @GetMapping("/policy/vision/versions/{id}")
    String version(@PathVariable long id, Model model) {
        VisionView v = visions.version(id);
        SchoolChoice.pick(String.valueOf(v.schoolId()), plans.readableSchools(), model);
        VisionOverview overview = visions.overview(v.schoolId());
        model.addAttribute("overview", overview);
        model.addAttribute("shown", v);
        model.addAttribute("previous", visions.previous(id));
        model.addAttribute("diff", visions.diff(id, null));
        model.addAttribute("decision", new DecisionForm(null, v.version()));
        return "policy/vision";
    }

    @GetMapping("/policy/vision/edit")
    String edit(@RequestParam(required = false) String school, Model model) {
        long id = SchoolChoice.pick(school, plans.readableSchools(), model);
        if (!plans.canManage(id)) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        VisionOverview overview = visions.overview(id);
        VisionView current = overview.current();
        model.addAttribute("overview", overview);
        FormModel.put(model, new VisionForm(id, current == null ? "" : current.body(), current == null ? null : current.version()), null);
        return "policy/vision-form";
    }

    @PostMapping("/policy/vision")
    String save(@Valid @ModelAttribute("form") VisionForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> visions.save(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/vision?school=" + form.schoolId();
        }
        if (form.schoolId() == null) {
            throw new AccessDeniedException("no school");
        }
        SchoolChoice.pick(String.valueOf(form.schoolId()), plans.readableSchools(), model);
        model.addAttribute("overview", visions.overview(form.schoolId()));
        FormModel.put(model, form, errors);
        return "policy/vision-form";
    }

    @PostMapping("/policy/vision/versions/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        VisionView v = visions.version(id);
        visions.submit(id, version);
        redirect.addFlashAttribute("flash", "policy.flash.submitted");
        return "redirect:/policy/vision?school=" + v.schoolId();
    }

    @PostMapping("/policy/vision/versions/{id}/approve")
    String approve(@PathVariable long id, @ModelAttribute DecisionForm form, RedirectAttributes redirect) {
        VisionView v = visions.version(id);
        visions.approve(id, form);
        redirect.addFlashAttribute("flash", "policy.flash.approved");
        return "redirect:/policy/vision?school=" + v.schoolId();
    }

    @PostMapping("/policy/vision/versions/{id}/return")
    String giveBack(@PathVariable long id, @ModelAttribute DecisionForm form, RedirectAttributes redirect) {
        VisionView v = visions.version(id);
        try {
            visions.giveBack(id, form);
            redirect.addFlashAttribute("flash", "policy.flash.returned");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "policy.flash.remarksRequired");
        }
        return "redirect:/policy/vision?school=" + v.schoolId();
    }
}
