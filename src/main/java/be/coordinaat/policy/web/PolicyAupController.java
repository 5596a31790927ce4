package be.coordinaat.policy.web;

import be.coordinaat.policy.AcceptableUse;
import be.coordinaat.policy.AupAudience;
import be.coordinaat.policy.Forms.AupForm;
import be.coordinaat.policy.Forms.ClassAckForm;
import be.coordinaat.policy.Views.AupOverview;
import be.coordinaat.policy.Views.AupView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.time.LocalDate;
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

/** The acceptable-use policy pages: both audiences of a school, a version with acknowledgements, the form, the banner. */
@Controller
class PolicyAupController {

    private final AcceptableUse aup;

    PolicyAupController(AcceptableUse aup) {
        this.aup = aup;
    }

    @GetMapping("/policy/aup")
    String overview(@RequestParam(required = false) String school, Model model) {
        long id = SchoolChoice.pick(school, aup.readableSchools(), model);
        model.addAttribute("aups", aup.overview(id));
        model.addAttribute("canManage", aup.canManage(id));
        return "policy/aup";
    }

    @GetMapping("/policy/aup/{id}")
    String version(@PathVariable long id, Model model) {
        AupView v = aup.aup(id);
        model.addAttribute("aup", v);
        model.addAttribute("diff", aup.diff(id));
        model.addAttribute("acknowledged", aup.acknowledgedByMe(id));
        model.addAttribute("current", aup.overview(v.schoolId()).stream().filter(o -> o.audience() == v.audience()).findFirst()
                .map(AupOverview::current).map(c -> c.id() == id).orElse(false));
        boolean editor = aup.isEditor(v.schoolId());
        model.addAttribute("editor", editor);
        model.addAttribute("canManage", aup.canManage(v.schoolId()));
        if (editor) {
            model.addAttribute("status", aup.ackStatus(id));
        }
        if (aup.canManage(v.schoolId()) && v.audience() == AupAudience.PUPILS) {
            model.addAttribute("classes", aup.classes(v.schoolId()));
            if (!model.containsAttribute("classForm")) {
                model.addAttribute("classForm", new ClassAckForm(null, LocalDate.now(), null));
            }
        }
        return "policy/aup-version";
    }

    @GetMapping("/policy/aup/edit")
    String edit(@RequestParam(required = false) String school, @RequestParam(required = false) String audience, Model model) {
        long id = SchoolChoice.pick(school, aup.readableSchools(), model);
        if (!aup.canManage(id)) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        AupAudience a = "PUPILS".equals(audience) ? AupAudience.PUPILS : AupAudience.STAFF;
        AupOverview o = aup.overview(id).stream().filter(x -> x.audience() == a).findFirst().orElseThrow();
        AupView base = o.draft() != null ? o.draft() : o.current();
        Integer version = o.versions().isEmpty() ? null : o.versions().get(0).version();
        FormModel.put(model, new AupForm(id, a, base == null ? null : base.title(), base == null ? null : base.body(), version), null);
        return "policy/aup-form";
    }

    @PostMapping("/policy/aup")
    String save(@Valid @ModelAttribute("form") AupForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = aup.save(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/aup/" + id[0];
        }
        if (form.schoolId() == null || !aup.canManage(form.schoolId())) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        SchoolChoice.pick(String.valueOf(form.schoolId()), aup.readableSchools(), model);
        FormModel.put(model, form, errors);
        return "policy/aup-form";
    }

    @PostMapping("/policy/aup/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        aup.publish(id, version);
        redirect.addFlashAttribute("flash", "policy.flash.published");
        return "redirect:/policy/aup/" + id;
    }

    @PostMapping("/policy/aup/{id}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        aup.acknowledge(id);
        redirect.addFlashAttribute("flash", "policy.flash.acknowledged");
        return "redirect:/policy/aup/" + id;
    }

    @PostMapping("/policy/aup/{id}/classes")
    String recordClass(@PathVariable long id, @Valid @ModelAttribute("classForm") ClassAckForm form, BindingResult errors,
            RedirectAttributes redirect) {
        try {
            if (errors.hasErrors()) {
                throw InvalidInputException.of("className", "error.required", "is required");
            }
            aup.recordClass(id, form);
            redirect.addFlashAttribute("flash", "policy.flash.classRecorded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "policy.flash.classInvalid");
        }
        return "redirect:/policy/aup/" + id + "#classes";
    }

    @PostMapping("/policy/aup/{id}/classes/{ackId}/delete")
    String removeClass(@PathVariable long id, @PathVariable long ackId, RedirectAttributes redirect) {
        aup.removeClass(id, ackId);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/policy/aup/" + id + "#classes";
    }

    /** The home page banner: the staff policies the user has still to acknowledge (htmx fragment, empty when none). */
    @GetMapping("/policy/aup/banner")
    String banner(Model model) {
        model.addAttribute("pending", aup.pendingForMe());
        return "policy/banner :: banner";
    }
}
