package be.coordinaat.knowledge.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.knowledge.Categories;
import be.coordinaat.knowledge.Forms.CategoryForm;
import be.coordinaat.knowledge.Views.CategoryView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The categories page: the tree with its article counts, a form to add one, and editing per category. */
@Controller
class CategoryController {

    private final Categories categories;
    private final AccessControl access;
    private final org.springframework.validation.SmartValidator validator;

    CategoryController(Categories categories, AccessControl access, org.springframework.validation.SmartValidator validator) {
        this.categories = categories;
        this.access = access;
        this.validator = validator;
    }

    @GetMapping("/knowledge/categories")
    String list(Model model) {
        var own = access.visibleSchools(Permission.KNOWLEDGE_MANAGE);
        Long preset = own.size() == 1 ? own.get(0).id() : null;
        return page(model, new CategoryForm(preset, null, null, null, 0, null), null, null);
    }

    @PostMapping("/knowledge/categories")
    String create(@Valid @ModelAttribute("form") CategoryForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        access.requireAnywhere(Permission.KNOWLEDGE_MANAGE);
        if (form == null) {
            return page(model, typed(request), null, errors);
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> categories.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/knowledge/categories";
        }
        return page(model, form, null, errors);
    }

    @GetMapping("/knowledge/categories/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        CategoryView c = manageable(id);
        return page(model, new CategoryForm(c.schoolId(), c.parentId(), c.name(), c.description(), c.position(),
                c.version()), c, null);
    }

    @PostMapping("/knowledge/categories/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CategoryForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        CategoryView c = manageable(id);
        if (form == null) {
            return page(model, typed(request), c, errors);
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> categories.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/knowledge/categories";
        }
        return page(model, form, c, errors);
    }

    @PostMapping("/knowledge/categories/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            categories.delete(id);
            redirect.addFlashAttribute("flash", "flash.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/knowledge/categories";
    }

    /** The form as typed, when a number did not convert (see {@link KnowledgeController#typed}). */
    static CategoryForm typed(jakarta.servlet.http.HttpServletRequest r) {
        Long version = KnowledgeController.parseId(r.getParameter("version"));
        return new CategoryForm(KnowledgeController.parseId(r.getParameter("schoolId")),
                KnowledgeController.parseId(r.getParameter("parentId")), r.getParameter("name"), r.getParameter("description"),
                null, version == null ? null : version.intValue());
    }

    private CategoryView manageable(long id) {
        CategoryView c = categories.category(id);
        if (!categories.canManage(c.schoolId())) {
            throw new org.springframework.security.access.AccessDeniedException("no KNOWLEDGE_MANAGE for category " + id);
        }
        return c;
    }

    private String page(Model model, CategoryForm form, CategoryView editing, BindingResult errors) {
        model.addAttribute("form", form);
        KnowledgeController.keepErrors(model, form, errors, validator);
        var tree = categories.tree();
        model.addAttribute("tree", tree);
        model.addAttribute("editing", editing);
        model.addAttribute("schools", access.visibleSchools(Permission.KNOWLEDGE_MANAGE));
        model.addAttribute("boardWideAllowed", access.canForBoard(Permission.KNOWLEDGE_MANAGE));
        model.addAttribute("canManageAny", access.canAnywhere(Permission.KNOWLEDGE_MANAGE));
        model.addAttribute("manageable", tree.stream().filter(c -> categories.canManage(c.schoolId())).map(CategoryView::id).toList());
        model.addAttribute("parents", tree.stream().filter(c -> categories.canManage(c.schoolId()))
                .filter(c -> editing == null || c.id() != editing.id()).toList());
        return "knowledge/categories";
    }
}
