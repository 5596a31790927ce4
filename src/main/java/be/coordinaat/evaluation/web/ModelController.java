package be.coordinaat.evaluation.web;

import be.coordinaat.evaluation.Forms.SectionForm;
import be.coordinaat.evaluation.Forms.TaskForm;
import be.coordinaat.evaluation.FunctionDescriptionModel;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The model editor: every reader sees the board's sections and task lines; the board admin edits them in place.
 * Each change is a small form (it works without JavaScript); with htmx only the model part of the page is swapped.
 * A change that fails re-renders the page with the problem next to the line it belongs to.
 */
@Controller
@RequestMapping("/function-descriptions/model")
class ModelController {

    /** A change that failed: which item ({@code section-1}, {@code task-7}, {@code new-task-1}), what was sent, why. */
    record Failure(String target, String field, String value, List<String> messages) {}

    private final FunctionDescriptionModel model;
    private final MessageSource messages;

    ModelController(FunctionDescriptionModel model, MessageSource messages) {
        this.model = model;
        this.messages = messages;
    }

    @GetMapping
    String show(@RequestHeader(name = "HX-Request", required = false) String htmx, Model page) {
        return page(page, null, htmx != null);
    }

    @PostMapping("/sections/{id}")
    String updateSection(@PathVariable long id, @Valid @ModelAttribute("sectionForm") SectionForm form,
            BindingResult errors, Model page, RedirectAttributes redirect) {
        requireEdit();
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> model.updateSection(id, form))) {
            return saved(redirect, "section-" + id);
        }
        String field = errors.hasFieldErrors("intro") && !errors.hasFieldErrors("title") ? "intro" : "title";
        return page(page, failure("section-" + id, field, "intro".equals(field) ? form.intro() : form.title(), errors), true);
    }

    @PostMapping("/sections/{id}/tasks")
    String addTask(@PathVariable long id, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult errors,
            Model page, RedirectAttributes redirect) {
        requireEdit();
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> model.addTask(id, form))) {
            return saved(redirect, "section-" + id);
        }
        return page(page, failure("new-task-" + id, "text", form.text(), errors), true);
    }

    @PostMapping("/tasks/{id}")
    String updateTask(@PathVariable long id, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult errors,
            Model page, RedirectAttributes redirect) {
        requireEdit();
        long section = model.task(id).sectionId();
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> model.updateTask(id, form))) {
            return saved(redirect, "section-" + section);
        }
        return page(page, failure("task-" + id, "text", form.text(), errors), true);
    }

    @PostMapping("/tasks/{id}/move")
    String moveTask(@PathVariable long id, @RequestParam String direction, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        requireEdit();
        long section = model.task(id).sectionId();
        model.moveTask(id, "up".equals(direction) ? -1 : 1, version);
        return saved(redirect, "section-" + section);
    }

    @PostMapping("/tasks/{id}/delete")
    String deleteTask(@PathVariable long id, RedirectAttributes redirect) {
        requireEdit();
        long section = model.task(id).sectionId();
        model.deleteTask(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/function-descriptions/model#section-" + section;
    }

    private String saved(RedirectAttributes redirect, String anchor) {
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/function-descriptions/model#" + anchor;
    }

    private String page(Model page, Failure failure, boolean htmx) {
        page.addAttribute("model", model.model());
        page.addAttribute("canEdit", model.canEdit());
        page.addAttribute("failure", failure);
        page.addAttribute("htmx", htmx);
        return "evaluation/model";
    }

    private Failure failure(String target, String field, String value, BindingResult errors) {
        var locale = LocaleContextHolder.getLocale();
        List<String> texts = errors.getAllErrors().stream()
                .map(e -> e instanceof FieldError fe && !fe.getField().equals(field)
                        ? messages.getMessage("fd.model.field." + fe.getField(), null, fe.getField(), locale) + ": "
                                + messages.getMessage(e, locale)
                        : messages.getMessage(e, locale))
                .toList();
        return new Failure(target, field, value, texts);
    }

    /** Checked before the input, so a reader gets 403 rather than a validation message. */
    private void requireEdit() {
        if (!model.canEdit()) {
            throw new AccessDeniedException("only the board admin edits the function-description model");
        }
    }
}
