package be.coordinaat.school.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.school.Forms.BoardForm;
import be.coordinaat.school.Forms.CommunityForm;
import be.coordinaat.school.Forms.SchoolForm;
import be.coordinaat.school.SchoolLevel;
import be.coordinaat.school.Schools;
import be.coordinaat.school.Views.BoardView;
import be.coordinaat.school.Views.SchoolView;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for the board, the school community and schools. */
@Controller
class SchoolController {

    private final Schools schools;
    private final AccessControl access;

    SchoolController(Schools schools, AccessControl access) {
        this.schools = schools;
        this.access = access;
    }

    @GetMapping("/schools")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q, Model model) {
        PageQuery query = PageQuery.of(page, size, sort, q);
        model.addAttribute("page", schools.schools(query));
        model.addAttribute("query", query);
        model.addAttribute("canCreate", access.canForBoard(Permission.BOARD_MANAGE));
        return "school/schools";
    }

    @GetMapping("/schools/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Integer page, @RequestParam(required = false) String q,
            Model model) {
        SchoolView school = schools.school(id);
        model.addAttribute("school", school);
        model.addAttribute("canEdit", access.canForBoard(Permission.BOARD_MANAGE));
        boolean places = access.can(Permission.PLACES_READ, id);
        model.addAttribute("canPlaces", places);
        model.addAttribute("canManagePlaces", access.can(Permission.PLACES_MANAGE, id));
        if (places) {
            PageQuery query = PageQuery.of(page, 50, null, q);
            model.addAttribute("campuses", schools.campuses(id));
            model.addAttribute("buildings", schools.buildings(id));
            model.addAttribute("rooms", schools.rooms(id, query));
            model.addAttribute("query", query);
        }
        return "school/school";
    }

    @GetMapping("/schools/new")
    String newSchool(Model model) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        return form(model, new SchoolForm(null, null, SchoolLevel.PRIMARY, null, null, null, null, null, null, null), null);
    }

    @PostMapping("/schools")
    String create(@Valid @ModelAttribute("form") SchoolForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> redirect.addAttribute("id", schools.createSchool(form)))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/schools/{id}";
        }
        return form(model, form, null);
    }

    @GetMapping("/schools/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        SchoolView s = schools.school(id);
        access.requireForBoard(Permission.BOARD_MANAGE);
        return form(model, new SchoolForm(s.name(), s.institutionNumber(), s.level(), s.communityId(), s.street(),
                s.postalCode(), s.city(), s.email(), s.phone(), s.version()), id);
    }

    @PostMapping("/schools/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") SchoolForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        schools.school(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.updateSchool(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/schools/" + id;
        }
        return form(model, form, id);
    }

    private String form(Model model, SchoolForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("schoolId", id);
        model.addAttribute("levels", SchoolLevel.values());
        model.addAttribute("communities", schools.communities());
        return "school/school-form";
    }

    // ---- board and community ----

    @GetMapping("/board")
    String board(Model model) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        BoardView b = schools.board();
        model.addAttribute("board", b);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new BoardForm(b.name(), b.street(), b.postalCode(), b.city(), b.email(), b.phone(), b.version()));
        }
        model.addAttribute("communities", schools.communities());
        model.addAttribute("communityForm", new CommunityForm("", null));
        return "school/board";
    }

    @PostMapping("/board")
    String updateBoard(@Valid @ModelAttribute("form") BoardForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.updateBoard(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/board";
        }
        return board(model);
    }

    @PostMapping("/board/communities")
    String createCommunity(@Valid @ModelAttribute("communityForm") CommunityForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.createCommunity(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/board";
        }
        access.requireForBoard(Permission.BOARD_MANAGE);
        BoardView b = schools.board();
        model.addAttribute("board", b);
        model.addAttribute("form", new BoardForm(b.name(), b.street(), b.postalCode(), b.city(), b.email(), b.phone(), b.version()));
        model.addAttribute("communities", schools.communities());
        return "school/board";
    }

    @PostMapping("/board/communities/{id}")
    String renameCommunity(@PathVariable long id, @Valid @ModelAttribute("communityForm") CommunityForm form,
            BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> schools.updateCommunity(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
        } else {
            redirect.addFlashAttribute("flashError", "error.community.rename");
        }
        return "redirect:/board";
    }
}
