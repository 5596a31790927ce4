package be.coordinaat.privacy.web;

import be.coordinaat.privacy.Forms.ProcessingForm;
import be.coordinaat.privacy.Kinds.LegalBasis;
import be.coordinaat.privacy.Kinds.ProcessingStatus;
import be.coordinaat.privacy.Kinds.SubjectCategory;
import be.coordinaat.privacy.PrivacyChoices;
import be.coordinaat.privacy.ProcessingRegister;
import be.coordinaat.privacy.Reviews;
import be.coordinaat.privacy.Views.ProcessingView;
import be.coordinaat.shared.ConflictException;
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

/** The processing register pages: the list with its filters, an entry with the DPO's reviews, the form. */
@Controller
class RegisterController {

    private final ProcessingRegister register;
    private final PrivacyChoices choices;
    private final Reviews reviews;

    RegisterController(ProcessingRegister register, PrivacyChoices choices, Reviews reviews) {
        this.register = register;
        this.choices = choices;
        this.reviews = reviews;
    }

    @GetMapping("/privacy/processing")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, @RequestParam(required = false) String school,
            @RequestParam(required = false) String status, @RequestParam(required = false) String reviewDue, Model model) {
        PageQuery query = PageQuery.of(page, 50, sort, q);
        Long schoolId = FormModel.id(school);
        ProcessingStatus st = FormModel.parse(ProcessingStatus.class, status);
        boolean due = "true".equals(reviewDue);
        model.addAttribute("page", register.list(new ProcessingRegister.Filter(schoolId, st, null, null, due ? true : null, null), query));
        model.addAttribute("query", query);
        model.addAttribute("school", schoolId);
        model.addAttribute("status", st);
        model.addAttribute("reviewDue", due);
        model.addAttribute("statuses", ProcessingStatus.values());
        model.addAttribute("schools", choices.readableSchools());
        model.addAttribute("canCreate", choices.canCreate());
        return "privacy/processing-list";
    }

    @GetMapping("/privacy/processing/{id}")
    String show(@PathVariable long id, Model model) {
        ProcessingView p = register.processing(id);
        model.addAttribute("p", p);
        model.addAttribute("canManage", register.canManage(p));
        PrivacyController.reviews(model, reviews, "processing", id, "processing");
        return "privacy/processing";
    }

    @GetMapping("/privacy/processing/new")
    String create(@RequestParam(required = false) String software, Model model) {
        requireCreate();
        var own = choices.manageableSchools();
        Long school = own.size() == 1 && !choices.canManageBoardWide() ? own.get(0).id() : null;
        return form(model, new ProcessingForm(school, null, null, LegalBasis.PUBLIC_TASK, List.of(SubjectCategory.PUPILS),
                null, false, null, null, null, null, false, null, null, null, FormModel.id(software), null,
                ProcessingStatus.DRAFT, null, null), null, null);
    }

    @PostMapping("/privacy/processing")
    String save(@Valid @ModelAttribute("form") ProcessingForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        requireCreate();
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = register.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/processing/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/privacy/processing/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ProcessingView p = requireManage(id);
        return form(model, new ProcessingForm(p.schoolId(), p.name(), p.purpose(), p.legalBasis(), p.subjectCategories(),
                p.dataCategories(), p.specialCategories(), p.specialCategoriesDetail(), p.recipients(),
                p.processorOrganisationId(), p.processorName(), p.transfersOutsideEu(), p.transferSafeguards(),
                p.retention(), p.securityMeasures(), p.softwareId(), p.owner(), p.status(), p.reviewDate(), p.version()),
                p, null);
    }

    @PostMapping("/privacy/processing/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ProcessingForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        ProcessingView p = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> register.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/processing/" + id;
        }
        return form(model, form, p, errors);
    }

    @PostMapping("/privacy/processing/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            register.delete(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/privacy/processing/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/privacy/processing";
    }

    private void requireCreate() {
        if (!choices.canCreate()) {
            throw new AccessDeniedException("no PRIVACY_MANAGE");
        }
    }

    private ProcessingView requireManage(long id) {
        ProcessingView p = register.processing(id);
        if (!register.canManage(p)) {
            throw new AccessDeniedException("no PRIVACY_MANAGE for processing " + id);
        }
        return p;
    }

    private String form(Model model, ProcessingForm form, ProcessingView p, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("p", p);
        model.addAttribute("bases", LegalBasis.values());
        model.addAttribute("subjects", SubjectCategory.values());
        model.addAttribute("statuses", ProcessingStatus.values());
        model.addAttribute("schools", choices.manageableSchools());
        model.addAttribute("boardWideAllowed", choices.canManageBoardWide());
        model.addAttribute("software", choices.software());
        model.addAttribute("organisations", choices.organisations());
        return "privacy/processing-form";
    }
}
