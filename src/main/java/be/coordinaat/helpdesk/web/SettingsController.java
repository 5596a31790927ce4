package be.coordinaat.helpdesk.web;

import be.coordinaat.helpdesk.Forms.CannedReplyForm;
import be.coordinaat.helpdesk.Forms.CategoryForm;
import be.coordinaat.helpdesk.Forms.SlaTargetForm;
import be.coordinaat.helpdesk.HelpdeskSettings;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The helpdesk configuration page: categories, canned replies and SLA targets of the user's schools and the board. */
@Controller
class SettingsController {

    private final HelpdeskSettings settings;

    SettingsController(HelpdeskSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/helpdesk/settings")
    String page(Model model) {
        if (settings.configurableSchools().isEmpty() && !settings.canConfigureBoard()) {
            throw new AccessDeniedException("no HELPDESK_CONFIGURE");
        }
        model.addAttribute("categories", settings.categories(null, true));
        model.addAttribute("canned", settings.cannedReplies(null));
        model.addAttribute("sla", settings.slaTargets(null));
        model.addAttribute("schools", settings.configurableSchools());
        model.addAttribute("boardAllowed", settings.canConfigureBoard());
        return "helpdesk/settings";
    }

    @PostMapping("/helpdesk/settings/categories")
    String addCategory(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) String name, RedirectAttributes redirect) {
        return run(redirect, () -> settings.createCategory(new CategoryForm(schoolId, parentId, cut(name), 0, true, null)));
    }

    @PostMapping("/helpdesk/settings/categories/{id}/toggle")
    String toggleCategory(@PathVariable long id, RedirectAttributes redirect) {
        var c = settings.category(id);
        return run(redirect, () -> settings.updateCategory(id, new CategoryForm(c.schoolId(), c.parentId(), c.name(),
                c.position(), !c.active(), c.version())));
    }

    @PostMapping("/helpdesk/settings/categories/{id}/delete")
    String deleteCategory(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, () -> settings.deleteCategory(id));
    }

    @PostMapping("/helpdesk/settings/canned")
    String addCanned(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return run(redirect, () -> settings.createCannedReply(new CannedReplyForm(schoolId, cut(title),
                body == null || body.isBlank() ? null : body.length() > 5000 ? body.substring(0, 5000) : body, null)));
    }

    @PostMapping("/helpdesk/settings/canned/{id}/delete")
    String deleteCanned(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, () -> settings.deleteCannedReply(id));
    }

    @PostMapping("/helpdesk/settings/sla")
    String setSla(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) Integer priority,
            @RequestParam(required = false) Integer responseHours, @RequestParam(required = false) Integer resolutionHours,
            RedirectAttributes redirect) {
        if (priority == null || responseHours == null || resolutionHours == null || priority < 1 || priority > 4
                || responseHours < 1 || resolutionHours < 1 || responseHours > 8760 || resolutionHours > 8760) {
            redirect.addFlashAttribute("flashError", "ticket.sla.flash.invalid");
            return "redirect:/helpdesk/settings";
        }
        return run(redirect, () -> settings.setSlaTarget(new SlaTargetForm(schoolId, priority, responseHours * 60,
                resolutionHours * 60)));
    }

    @PostMapping("/helpdesk/settings/sla/{id}/delete")
    String deleteSla(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, () -> settings.deleteSlaTarget(id));
    }

    private static String run(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "ticket.flash.refused");
            redirect.addFlashAttribute("refusedKey", e.problems().get(0).messageKey());
            redirect.addFlashAttribute("refusedArgs", e.problems().get(0).args());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/helpdesk/settings";
    }

    private static String cut(String s) {
        return s == null || s.isBlank() ? null : s.length() > 100 ? s.substring(0, 100) : s;
    }
}
