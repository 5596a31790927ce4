package be.coordinaat.licences.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.licences.Forms.SoftwareForm;
import be.coordinaat.licences.LicenceFilter;
import be.coordinaat.licences.Licences;
import be.coordinaat.licences.SoftwareCatalogue;
import be.coordinaat.licences.SoftwareCategory;
import be.coordinaat.licences.Views.SoftwareView;
import be.coordinaat.people.Organisations;
import be.coordinaat.people.Views.OrganisationView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.ArrayList;
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

/** The software catalogue pages: the list with search and filters, an entry with its licences, the form. */
@Controller
class SoftwareController {

    /** An account the administrator can be chosen from in the form. */
    record AccountOption(long id, String name) {}

    private final SoftwareCatalogue catalogue;
    private final be.coordinaat.licences.DigitalTools tools;
    private final Licences licences;
    private final Organisations organisations;
    private final AccessControl access;

    SoftwareController(SoftwareCatalogue catalogue, be.coordinaat.licences.DigitalTools tools, Licences licences,
            Organisations organisations, AccessControl access) {
        this.catalogue = catalogue;
        this.tools = tools;
        this.licences = licences;
        this.organisations = organisations;
        this.access = access;
    }

    @GetMapping("/software")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) String school, Model model) {
        PageQuery query = PageQuery.of(page, size, sort, q);
        // a hand-edited URL with an unknown category or school shows the list without that filter
        SoftwareCategory cat = parse(category);
        Long schoolId = parseId(school);
        model.addAttribute("page", catalogue.list(query, cat, schoolId));
        model.addAttribute("query", query);
        model.addAttribute("category", cat);
        model.addAttribute("school", schoolId);
        model.addAttribute("categories", SoftwareCategory.values());
        model.addAttribute("schools", licences.readableSchools());
        model.addAttribute("canCreate", catalogue.canCreate());
        return "licences/software-list";
    }

    @GetMapping("/software/{id}")
    String show(@PathVariable long id, Model model) {
        SoftwareView software = catalogue.software(id);
        model.addAttribute("software", software);
        model.addAttribute("canManage", catalogue.canManage(software));
        model.addAttribute("licences", licences.list(new LicenceFilter(null, null, id, null, null, null, null, null, null),
                PageQuery.of(0, PageQuery.MAX_SIZE, "school", null)));
        model.addAttribute("ownSchools", catalogue.manageableSchools());
        model.addAttribute("canAddLicence", licences.canCreate());
        // the entry's life as a digital tool in the reader's schools: one catalogue, not a second list
        model.addAttribute("tools", tools.forSoftware(id));
        model.addAttribute("canProposeTool", tools.canPropose());
        return "licences/software";
    }

    @PostMapping("/software/{id}/schools/{schoolId}")
    String markUsed(@PathVariable long id, @PathVariable long schoolId, @RequestParam(defaultValue = "true") boolean used,
            RedirectAttributes redirect) {
        try {
            catalogue.setUsedBy(id, schoolId, used);
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/software/" + id;
    }

    @GetMapping("/software/new")
    String newSoftware(Model model) {
        access.requireAnywhere(Permission.LICENCES_MANAGE);
        var own = catalogue.manageableSchools();
        List<Long> preset = own.size() == 1 ? List.of(own.get(0).id()) : List.of();
        return form(model, new SoftwareForm(null, SoftwareCategory.EDUCATIONAL_APP, null, null, null, null, null, null,
                null, preset, null), null, null);
    }

    @PostMapping("/software")
    String create(@Valid @ModelAttribute("form") SoftwareForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        access.requireAnywhere(Permission.LICENCES_MANAGE);
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = catalogue.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/software/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/software/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        SoftwareView s = requireManage(id);
        return form(model, new SoftwareForm(s.name(), s.category(), s.vendorName(), s.vendorOrganisationId(),
                s.administratorUserId(), s.administratorName(), s.website(), s.contractReference(), s.notes(),
                s.schoolIds(), s.version()), s, null);
    }

    @PostMapping("/software/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") SoftwareForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        SoftwareView s = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> catalogue.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/software/" + id;
        }
        return form(model, form, s, errors);
    }

    @PostMapping("/software/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            catalogue.delete(id);
            redirect.addFlashAttribute("flash", "flash.deleted");
            return "redirect:/software";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/software/" + id;
        }
    }

    private SoftwareView requireManage(long id) {
        SoftwareView s = catalogue.software(id);
        if (!catalogue.canManage(s)) {
            throw new AccessDeniedException("no LICENCES_MANAGE in all schools of software " + id);
        }
        return s;
    }

    private String form(Model model, SoftwareForm form, SoftwareView software, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("software", software);
        model.addAttribute("categories", SoftwareCategory.values());
        model.addAttribute("schools", catalogue.manageableSchools());
        model.addAttribute("boardWideAllowed", access.canForBoard(Permission.LICENCES_MANAGE));
        List<OrganisationView> orgs;
        try {
            orgs = organisations.list(PageQuery.of(0, PageQuery.MAX_SIZE, "name", null), null).items();
        } catch (AccessDeniedException e) {
            orgs = List.of();
        }
        model.addAttribute("organisations", orgs);
        // the administrator account: yourself, or the one already chosen (accounts are listed by board admins only)
        List<AccountOption> accounts = new ArrayList<>();
        var me = access.current();
        accounts.add(new AccountOption(me.id(), me.displayName()));
        if (software != null && software.administratorUserId() != null && software.administratorUserId() != me.id()) {
            accounts.add(new AccountOption(software.administratorUserId(), software.administratorUserName()));
        }
        model.addAttribute("accounts", accounts);
        return "licences/software-form";
    }

    private static SoftwareCategory parse(String value) {
        try {
            return value == null || value.isBlank() ? null : SoftwareCategory.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Long parseId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
