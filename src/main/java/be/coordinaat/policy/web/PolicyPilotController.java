package be.coordinaat.policy.web;

import be.coordinaat.policy.Forms.PilotForm;
import be.coordinaat.policy.Pilots;
import be.coordinaat.policy.ScaleUp;
import be.coordinaat.policy.Views.PilotView;
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

/** The classroom pilots: list, page, form. */
@Controller
class PolicyPilotController {

    private final Pilots pilots;

    PolicyPilotController(Pilots pilots) {
        this.pilots = pilots;
    }

    @GetMapping("/policy/pilots")
    String list(@RequestParam(required = false) String school, @RequestParam(required = false) String scaleUp,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        long id = SchoolChoice.pick(school, pilots.readableSchools(), model);
        ScaleUp scale = null;
        for (ScaleUp s : ScaleUp.values()) {
            if (s.name().equals(scaleUp)) {
                scale = s;
            }
        }
        PageQuery query = PageQuery.of(page, 25, null, q);
        model.addAttribute("page", pilots.list(id, scale, query));
        model.addAttribute("query", query);
        model.addAttribute("scaleUp", scale);
        model.addAttribute("scales", ScaleUp.values());
        model.addAttribute("pageBase", "/policy/pilots?school=" + id + (scale == null ? "" : "&scaleUp=" + scale)
                + (query.q() == null ? "" : "&q=" + java.net.URLEncoder.encode(query.q(), java.nio.charset.StandardCharsets.UTF_8)));
        model.addAttribute("canManage", pilots.canManage(id));
        return "policy/pilots";
    }

    @GetMapping("/policy/pilots/{id}")
    String show(@PathVariable long id, Model model) {
        PilotView p = pilots.pilot(id);
        model.addAttribute("pilot", p);
        model.addAttribute("canManage", pilots.canManage(p.schoolId()));
        return "policy/pilot";
    }

    @GetMapping("/policy/pilots/new")
    String newPilot(@RequestParam(required = false) String school, Model model) {
        long id = SchoolChoice.pick(school, pilots.readableSchools(), model);
        if (!pilots.canManage(id)) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        return form(model, new PilotForm(id, null, null, null, null, null, null, null, null, null, null, null, List.of(), null), null, null);
    }

    @PostMapping("/policy/pilots")
    String create(@Valid @ModelAttribute("form") PilotForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = pilots.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/pilots/" + id[0];
        }
        if (form.schoolId() == null || !pilots.canManage(form.schoolId())) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/policy/pilots/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        PilotView p = requireManage(id);
        return form(model, new PilotForm(p.schoolId(), p.title(), p.description(), p.className(), p.toolName(), p.softwareId(),
                p.teacherUserId(), p.teacherName(), p.startDate(), p.endDate(), p.outcome(), p.scaleUp(), p.goalIds(), p.version()), p, null);
    }

    @PostMapping("/policy/pilots/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PilotForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        PilotView p = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> pilots.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/policy/pilots/" + id;
        }
        return form(model, form, p, errors);
    }

    @PostMapping("/policy/pilots/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        PilotView p = pilots.pilot(id);
        pilots.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/policy/pilots?school=" + p.schoolId();
    }

    private PilotView requireManage(long id) {
        PilotView p = pilots.pilot(id);
        if (!pilots.canManage(p.schoolId())) {
            throw new AccessDeniedException("no POLICY_MANAGE");
        }
        return p;
    }

    private String form(Model model, PilotForm form, PilotView pilot, BindingResult errors) {
        long school = pilot != null ? pilot.schoolId() : form.schoolId();
        FormModel.put(model, form, errors);
        model.addAttribute("pilot", pilot);
        model.addAttribute("schoolId", school);
        model.addAttribute("software", pilots.softwareChoices());
        model.addAttribute("teachers", pilots.teachers(school));
        model.addAttribute("goals", pilots.goalChoices(school));
        model.addAttribute("scales", ScaleUp.values());
        return "policy/pilot-form";
    }
}
