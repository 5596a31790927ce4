package be.coordinaat.privacy.web;

import be.coordinaat.privacy.Dpias;
import be.coordinaat.privacy.Forms.DecisionForm;
import be.coordinaat.privacy.Forms.DpiaForm;
import be.coordinaat.privacy.Forms.RiskForm;
import be.coordinaat.privacy.Kinds.DpiaCriterion;
import be.coordinaat.privacy.Kinds.DpiaDecision;
import be.coordinaat.privacy.PrivacyChoices;
import be.coordinaat.privacy.Reviews;
import be.coordinaat.privacy.Views.DpiaView;
import be.coordinaat.shared.PageQuery;
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

/** The DPIA pages: the list, a DPIA with its screening, risks, the DPO's advice and the decision, the form. */
@Controller
class DpiaController {

    private final Dpias dpias;
    private final PrivacyChoices choices;
    private final Reviews reviews;

    DpiaController(Dpias dpias, PrivacyChoices choices, Reviews reviews) {
        this.dpias = dpias;
        this.choices = choices;
        this.reviews = reviews;
    }

    @GetMapping("/privacy/dpias")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, @RequestParam(required = false) String school,
            @RequestParam(required = false) String decision, Model model) {
        PageQuery query = PageQuery.of(page, 50, sort, q);
        Long schoolId = FormModel.id(school);
        DpiaDecision d = FormModel.parse(DpiaDecision.class, decision);
        model.addAttribute("page", dpias.list(new Dpias.Filter(schoolId, d, null, null), query));
        model.addAttribute("query", query);
        model.addAttribute("school", schoolId);
        model.addAttribute("decision", d);
        model.addAttribute("decisions", DpiaDecision.values());
        model.addAttribute("schools", choices.readableSchools());
        model.addAttribute("canCreate", choices.canCreate());
        return "privacy/dpia-list";
    }

    @GetMapping("/privacy/dpias/{id}")
    String show(@PathVariable long id, Model model) {
        DpiaView d = dpias.dpia(id);
        return page(model, d, new RiskForm(null, 2, 2, null), null, new DecisionForm(d.decision(), d.decisionNote(), d.version()), null);
    }

    private String page(Model model, DpiaView d, RiskForm risk, BindingResult riskErrors, DecisionForm decision,
            BindingResult decisionErrors) {
        model.addAttribute("d", d);
        model.addAttribute("canManage", dpias.canManage(d));
        model.addAttribute("allCriteria", DpiaCriterion.values());
        model.addAttribute("decisions", DpiaDecision.values());
        model.addAttribute("neededFrom", Dpias.NEEDED_FROM);
        model.addAttribute("risk", risk);
        if (riskErrors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "risk", riskErrors);
        }
        model.addAttribute("decisionForm", decision);
        if (decisionErrors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "decisionForm", decisionErrors);
        }
        PrivacyController.reviews(model, reviews, "dpia", d.id(), "dpias");
        return "privacy/dpia";
    }

    @PostMapping("/privacy/dpias/{id}/risks")
    String addRisk(@PathVariable long id, @Valid @ModelAttribute("risk") RiskForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        DpiaView d = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> dpias.addRisk(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/dpias/" + id + "#risks";
        }
        return page(model, d, form, errors, new DecisionForm(d.decision(), d.decisionNote(), d.version()), null);
    }

    @PostMapping("/privacy/dpias/{id}/risks/{riskId}/delete")
    String removeRisk(@PathVariable long id, @PathVariable long riskId, RedirectAttributes redirect) {
        dpias.removeRisk(id, riskId);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/privacy/dpias/" + id + "#risks";
    }

    @PostMapping("/privacy/dpias/{id}/decision")
    String decide(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        DpiaView d = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> dpias.decide(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/dpias/" + id;
        }
        return page(model, d, new RiskForm(null, 2, 2, null), null, form, errors);
    }

    @GetMapping("/privacy/dpias/new")
    String create(@RequestParam(required = false) String software, Model model) {
        requireCreate();
        var own = choices.manageableSchools();
        Long school = own.size() == 1 && !choices.canManageBoardWide() ? own.get(0).id() : null;
        return form(model, new DpiaForm(school, null, FormModel.id(software), null, List.of(), null, null, null), null, null);
    }

    @PostMapping("/privacy/dpias")
    String save(@Valid @ModelAttribute("form") DpiaForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        requireCreate();
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = dpias.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/dpias/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/privacy/dpias/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        DpiaView d = requireManage(id);
        return form(model, new DpiaForm(d.schoolId(), d.title(), d.softwareId(), d.processingId(), d.criteria(),
                d.description(), d.necessity(), d.version()), d, null);
    }

    @PostMapping("/privacy/dpias/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") DpiaForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        DpiaView d = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> dpias.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/dpias/" + id;
        }
        return form(model, form, d, errors);
    }

    @PostMapping("/privacy/dpias/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        dpias.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/privacy/dpias";
    }

    private void requireCreate() {
        if (!choices.canCreate()) {
            throw new AccessDeniedException("no PRIVACY_MANAGE");
        }
    }

    private DpiaView requireManage(long id) {
        DpiaView d = dpias.dpia(id);
        if (!dpias.canManage(d)) {
            throw new AccessDeniedException("no PRIVACY_MANAGE for dpia " + id);
        }
        return d;
    }

    private String form(Model model, DpiaForm form, DpiaView d, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("d", d);
        model.addAttribute("allCriteria", DpiaCriterion.values());
        model.addAttribute("neededFrom", Dpias.NEEDED_FROM);
        model.addAttribute("schools", choices.manageableSchools());
        model.addAttribute("boardWideAllowed", choices.canManageBoardWide());
        model.addAttribute("software", choices.software());
        model.addAttribute("processing", choices.processing());
        return "privacy/dpia-form";
    }
}
