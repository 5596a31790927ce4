package be.coordinaat.privacy.web;

import be.coordinaat.privacy.Forms.AgreementForm;
import be.coordinaat.privacy.Kinds.AgreementState;
import be.coordinaat.privacy.Kinds.AgreementStatus;
import be.coordinaat.privacy.Kinds.ModelAgreement;
import be.coordinaat.privacy.PrivacyChoices;
import be.coordinaat.privacy.ProcessorAgreements;
import be.coordinaat.privacy.Reviews;
import be.coordinaat.privacy.Views.AgreementView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The processor agreement pages: the list, the tools without a signed agreement, an agreement with its PDF, the form. */
@Controller
class AgreementController {

    private final ProcessorAgreements agreements;
    private final PrivacyChoices choices;
    private final Reviews reviews;

    AgreementController(ProcessorAgreements agreements, PrivacyChoices choices, Reviews reviews) {
        this.agreements = agreements;
        this.choices = choices;
        this.reviews = reviews;
    }

    @GetMapping("/privacy/agreements")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, @RequestParam(required = false) String school,
            @RequestParam(required = false) String state, Model model) {
        PageQuery query = PageQuery.of(page, 50, sort, q);
        Long schoolId = FormModel.id(school);
        AgreementState st = FormModel.parse(AgreementState.class, state);
        model.addAttribute("page", agreements.list(new ProcessorAgreements.Filter(schoolId, st, null), query));
        model.addAttribute("warnings", agreements.warnings(schoolId, PageQuery.of(0, 1, null, null)).total());
        model.addAttribute("query", query);
        model.addAttribute("school", schoolId);
        model.addAttribute("state", st);
        model.addAttribute("states", AgreementState.values());
        model.addAttribute("schools", choices.readableSchools());
        model.addAttribute("canCreate", choices.canCreate());
        return "privacy/agreement-list";
    }

    @GetMapping("/privacy/agreements/warnings")
    String warnings(@RequestParam(required = false) Integer page, @RequestParam(required = false) String school, Model model) {
        Long schoolId = FormModel.id(school);
        model.addAttribute("page", agreements.warnings(schoolId, PageQuery.of(page, 100, null, null)));
        model.addAttribute("school", schoolId);
        model.addAttribute("schools", choices.readableSchools());
        model.addAttribute("canCreate", choices.canCreate());
        return "privacy/agreement-warnings";
    }

    @GetMapping("/privacy/agreements/{id}")
    String show(@PathVariable long id, Model model) {
        AgreementView a = agreements.agreement(id);
        model.addAttribute("a", a);
        model.addAttribute("canManage", agreements.canManage(a));
        PrivacyController.reviews(model, reviews, "agreement", id, "agreements");
        return "privacy/agreement";
    }

    @GetMapping("/privacy/agreements/new")
    String create(@RequestParam(required = false) String software, @RequestParam(required = false) String school, Model model) {
        requireCreate();
        Long schoolId = FormModel.id(school);
        var own = choices.manageableSchools();
        if (schoolId == null && own.size() == 1 && !choices.canManageBoardWide()) {
            schoolId = own.get(0).id();
        }
        return form(model, new AgreementForm(schoolId, FormModel.id(software), null, null, AgreementStatus.REQUESTED,
                ModelAgreement.FLEMISH_EDUCATION, null, null, null, null, null, null), null, null);
    }

    @PostMapping("/privacy/agreements")
    String save(@Valid @ModelAttribute("form") AgreementForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        requireCreate();
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = agreements.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/agreements/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/privacy/agreements/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        AgreementView a = requireManage(id);
        return form(model, new AgreementForm(a.schoolId(), a.softwareId(), a.vendorOrganisationId(), a.vendorName(),
                a.status(), a.model(), a.requestedOn(), a.signedOn(), a.endDate(), a.reference(), a.notes(), a.version()), a, null);
    }

    @PostMapping("/privacy/agreements/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AgreementForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        AgreementView a = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> agreements.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/agreements/" + id;
        }
        return form(model, form, a, errors);
    }

    @PostMapping("/privacy/agreements/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        agreements.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/privacy/agreements";
    }

    @GetMapping("/privacy/agreements/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        var file = agreements.document(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(file.bytes());
    }

    @PostMapping("/privacy/agreements/{id}/document")
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        try {
            agreements.attachDocument(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("flash", "privacy.flash.documentAttached");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", switch (e.problems().get(0).messageKey()) {
                case "privacy.error.file.tooLarge" -> "privacy.flash.file.tooLarge";
                case "privacy.error.file.type" -> "privacy.flash.file.type";
                default -> "privacy.flash.file.empty";
            });
        }
        return "redirect:/privacy/agreements/" + id;
    }

    @PostMapping("/privacy/agreements/{id}/document/delete")
    String removeDocument(@PathVariable long id, RedirectAttributes redirect) {
        agreements.removeDocument(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/privacy/agreements/" + id;
    }

    private void requireCreate() {
        if (!choices.canCreate()) {
            throw new AccessDeniedException("no PRIVACY_MANAGE");
        }
    }

    private AgreementView requireManage(long id) {
        AgreementView a = agreements.agreement(id);
        if (!agreements.canManage(a)) {
            throw new AccessDeniedException("no PRIVACY_MANAGE for agreement " + id);
        }
        return a;
    }

    private String form(Model model, AgreementForm form, AgreementView a, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("a", a);
        model.addAttribute("statuses", AgreementStatus.values());
        model.addAttribute("models", ModelAgreement.values());
        model.addAttribute("schools", choices.manageableSchools());
        model.addAttribute("boardWideAllowed", choices.canManageBoardWide());
        model.addAttribute("software", choices.software());
        model.addAttribute("organisations", choices.organisations());
        return "privacy/agreement-form";
    }
}
