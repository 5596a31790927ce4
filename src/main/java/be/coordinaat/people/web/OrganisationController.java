package be.coordinaat.people.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.people.Forms.ContactForm;
import be.coordinaat.people.Forms.OrganisationForm;
import be.coordinaat.people.OrganisationKind;
import be.coordinaat.people.Organisations;
import be.coordinaat.people.Views.ContactView;
import be.coordinaat.people.Views.OrganisationView;
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

/** Pages for external organisations and their contacts. */
@Controller
class OrganisationController {

    private final Organisations organisations;
    private final AccessControl access;

    OrganisationController(Organisations organisations, AccessControl access) {
        this.organisations = organisations;
        this.access = access;
    }

    @GetMapping("/organisations")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) OrganisationKind kind, Model model) {
        PageQuery query = PageQuery.of(page, size, sort, q);
        model.addAttribute("page", organisations.list(query, kind));
        model.addAttribute("query", query);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("canCreate", organisations.canCreate());
        return "people/organisations";
    }

    @GetMapping("/organisations/{id}")
    String show(@PathVariable long id, Model model) {
        OrganisationView o = organisations.organisation(id);
        model.addAttribute("organisation", o);
        model.addAttribute("contacts", organisations.contacts(id));
        model.addAttribute("canManage", organisations.canManage(o));
        return "people/organisation";
    }

    @GetMapping("/organisations/new")
    String newOrganisation(Model model) {
        access.requireAnywhere(Permission.ORGANISATIONS_MANAGE);
        var schools = access.visibleSchools(Permission.ORGANISATIONS_MANAGE);
        // a coordinator of one school cannot add board-wide organisations: start from their school
        List<Long> preset = !access.canForBoard(Permission.ORGANISATIONS_MANAGE) && schools.size() == 1
                ? List.of(schools.get(0).id()) : List.of();
        return form(model, new OrganisationForm(null, OrganisationKind.SUPPLIER, null, null, null, null, null, null, null,
                preset, null), null);
    }

    @PostMapping("/organisations")
    String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        access.requireAnywhere(Permission.ORGANISATIONS_MANAGE);
        checkBoardWide(form, errors);
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = organisations.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/organisations/" + id[0];
        }
        return form(model, form, null);
    }

    @GetMapping("/organisations/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        OrganisationView o = requireManage(id);
        return form(model, new OrganisationForm(o.name(), o.kind(), o.email(), o.phone(), o.website(), o.street(),
                o.postalCode(), o.city(), o.notes(), o.schoolIds(), o.version()), id);
    }

    @PostMapping("/organisations/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        requireManage(id);
        checkBoardWide(form, errors);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> organisations.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/organisations/" + id;
        }
        return form(model, form, id);
    }

    @PostMapping("/organisations/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        requireManage(id);
        organisations.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/organisations";
    }

    /** Without a board-wide role the form must name schools: say so in place rather than answer 403. */
    private void checkBoardWide(OrganisationForm form, BindingResult errors) {
        if ((form.schoolIds() == null || form.schoolIds().isEmpty()) && !access.canForBoard(Permission.ORGANISATIONS_MANAGE)
                && !errors.hasFieldErrors("schoolIds")) {
            errors.rejectValue("schoolIds", "organisation.error.chooseSchool", "choose at least one of your schools");
        }
    }

    private String form(Model model, OrganisationForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("organisationId", id);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("schools", access.visibleSchools(Permission.ORGANISATIONS_MANAGE));
        model.addAttribute("boardWideAllowed", access.canForBoard(Permission.ORGANISATIONS_MANAGE));
        return "people/organisation-form";
    }

    private OrganisationView requireManage(long id) {
        OrganisationView o = organisations.organisation(id);
        if (!organisations.canManage(o)) {
            throw new AccessDeniedException("no ORGANISATIONS_MANAGE for organisation " + id);
        }
        return o;
    }

    // ---- contacts ----

    @GetMapping("/organisations/{id}/contacts/new")
    String newContact(@PathVariable long id, Model model) {
        OrganisationView o = requireManage(id);
        return contactForm(model, o, new ContactForm(null, null, null, null, null), null);
    }

    @PostMapping("/organisations/{id}/contacts")
    String createContact(@PathVariable long id, @Valid @ModelAttribute("form") ContactForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        OrganisationView o = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> organisations.createContact(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/organisations/" + id;
        }
        return contactForm(model, o, form, null);
    }

    @GetMapping("/contacts/{id}/edit")
    String editContact(@PathVariable long id, Model model) {
        ContactView c = organisations.contact(id);
        OrganisationView o = requireManage(c.organisationId());
        return contactForm(model, o, new ContactForm(c.name(), c.roleTitle(), c.email(), c.phone(), c.version()), id);
    }

    @PostMapping("/contacts/{id}")
    String updateContact(@PathVariable long id, @Valid @ModelAttribute("form") ContactForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        ContactView c = organisations.contact(id);
        OrganisationView o = requireManage(c.organisationId());
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> organisations.updateContact(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/organisations/" + o.id();
        }
        return contactForm(model, o, form, id);
    }

    @PostMapping("/contacts/{id}/delete")
    String deleteContact(@PathVariable long id, RedirectAttributes redirect) {
        ContactView c = organisations.contact(id);
        requireManage(c.organisationId());
        organisations.deleteContact(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/organisations/" + c.organisationId();
    }

    private String contactForm(Model model, OrganisationView o, ContactForm form, Long id) {
        model.addAttribute("organisation", o);
        model.addAttribute("form", form);
        model.addAttribute("contactId", id);
        return "people/contact-form";
    }
}
