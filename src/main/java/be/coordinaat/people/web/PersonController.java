package be.coordinaat.people.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.people.Forms.PersonForm;
import be.coordinaat.people.People;
import be.coordinaat.people.People.PersonFilter;
import be.coordinaat.people.PersonKind;
import be.coordinaat.people.Views.PersonView;
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

/** Pages for staff and pupils: the list with filters, a person's page with history, the forms. */
@Controller
class PersonController {

    private final People people;
    private final AccessControl access;

    PersonController(People people, AccessControl access) {
        this.people = people;
        this.access = access;
    }

    @GetMapping("/people")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) PersonKind kind, @RequestParam(required = false) Long schoolId,
            @RequestParam(required = false) String className, Model model) {
        PageQuery query = PageQuery.of(page, size, sort, q);
        PersonFilter filter = new PersonFilter(kind, schoolId, className);
        model.addAttribute("page", people.list(query, filter));
        model.addAttribute("query", query);
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", PersonKind.values());
        model.addAttribute("schools", access.visibleSchools(Permission.PEOPLE_READ));
        model.addAttribute("classes", people.classes());
        model.addAttribute("canCreate", access.canAnywhere(Permission.PEOPLE_MANAGE));
        return "people/people";
    }

    @GetMapping("/people/{id}")
    String show(@PathVariable long id, Model model) {
        PersonView person = people.person(id);
        model.addAttribute("person", person);
        model.addAttribute("canManage", people.canManage(person));
        model.addAttribute("account", person.kind() == PersonKind.STAFF ? people.linkedAccount(id).orElse(null) : null);
        return "people/person";
    }

    @GetMapping("/people/new")
    String newPerson(@RequestParam(defaultValue = "STAFF") PersonKind kind, Model model) {
        access.requireAnywhere(Permission.PEOPLE_MANAGE);
        var schools = access.visibleSchools(Permission.PEOPLE_MANAGE);
        List<Long> preset = schools.size() == 1 ? List.of(schools.get(0).id()) : List.of();
        return form(model, new PersonForm(kind, null, null, null, null, null, null, null, preset, null), null, kind);
    }

    @PostMapping("/people")
    String create(@Valid @ModelAttribute("form") PersonForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        access.requireAnywhere(Permission.PEOPLE_MANAGE);
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = people.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/people/" + id[0];
        }
        return form(model, form, null, form.kind() == null ? PersonKind.STAFF : form.kind());
    }

    @GetMapping("/people/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        PersonView p = requireManage(id);
        return form(model, new PersonForm(p.kind(), p.firstName(), p.lastName(), p.email(), p.phone(), p.functionTitle(),
                p.className(), p.adminNumber(), p.schoolIds(), p.version()), id, p.kind());
    }

    @PostMapping("/people/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        PersonView p = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> people.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/people/" + id;
        }
        // the kind of a person never changes: the page shows the fields of the stored kind
        return form(model, form, id, p.kind());
    }

    @PostMapping("/people/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        requireManage(id);
        people.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/people";
    }

    private PersonView requireManage(long id) {
        PersonView p = people.person(id);
        if (!people.canManage(p)) {
            throw new AccessDeniedException("no PEOPLE_MANAGE in all schools of person " + id);
        }
        return p;
    }

    private String form(Model model, PersonForm form, Long id, PersonKind kind) {
        model.addAttribute("form", form);
        model.addAttribute("personId", id);
        model.addAttribute("kind", kind);
        model.addAttribute("pupil", kind == PersonKind.PUPIL);
        model.addAttribute("schools", access.visibleSchools(Permission.PEOPLE_MANAGE));
        return "people/person-form";
    }
}
