package be.coordinaat.access.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Accounts;
import be.coordinaat.access.Permission;
import be.coordinaat.access.Role;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts and role grants, for the board admin. */
@Controller
@RequestMapping("/users")
class UserAdminController {

    /** The new-account form. */
    record NewUserForm(String username, String displayName, String email, String password) {}

    private final AccessControl access;
    private final Accounts accounts;

    UserAdminController(AccessControl access, Accounts accounts) {
        this.access = access;
        this.accounts = accounts;
    }

    @ModelAttribute
    void requireAdmin() {
        access.requireForBoard(Permission.USERS_MANAGE);
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model) {
        PageQuery query = PageQuery.of(page, 25, sort, q);
        model.addAttribute("page", accounts.list(query));
        model.addAttribute("query", query);
        return "access/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new NewUserForm("", "", "", ""));
        return "access/user-new";
    }

    @PostMapping
    String create(NewUserForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = accounts.create(new Accounts.NewAccount(access.current().boardId(), form.username(),
                    form.displayName(), form.email() == null || form.email().isBlank() ? null : form.email(), null,
                    form.password(), "nl-BE"));
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/users/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            return "access/user-new";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("user", accounts.find(id));
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", accounts.organisations(access.current().boardId()));
        var schools = access.visibleSchools(Permission.SCHOOL_READ);
        model.addAttribute("schools", schools);
        model.addAttribute("schoolNames", schools.stream().collect(java.util.stream.Collectors.toMap(
                be.coordinaat.access.SchoolDirectory.SchoolRef::id, be.coordinaat.access.SchoolDirectory.SchoolRef::name)));
        return "access/user";
    }

    @PostMapping("/{id}/grants")
    String grant(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) Long schoolId,
            Model model, RedirectAttributes redirect) {
        if (schoolId != null && !access.can(Permission.SCHOOL_READ, schoolId)) {
            throw new be.coordinaat.shared.NotFoundException("school", schoolId);
        }
        try {
            accounts.grant(id, role, role.boardWide() ? null : schoolId);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return show(id, model);
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/grants/{grantId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long grantId, RedirectAttributes redirect) {
        accounts.revoke(id, grantId);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/organisation")
    String organisation(@PathVariable long id, @RequestParam(required = false) Long organisationId,
            @RequestParam int version, Model model, RedirectAttributes redirect) {
        try {
            accounts.setOrganisation(id, organisationId, version);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return show(id, model);
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, @RequestParam int version, RedirectAttributes redirect) {
        accounts.setEnabled(id, enabled, version);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, Model model, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return show(id, model);
        }
        redirect.addFlashAttribute("flash", "account.password.changed");
        return "redirect:/users/" + id;
    }
}
