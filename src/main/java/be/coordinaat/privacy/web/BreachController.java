package be.coordinaat.privacy.web;

import be.coordinaat.privacy.Breaches;
import be.coordinaat.privacy.Forms.BreachForm;
import be.coordinaat.privacy.Kinds.BreachRisk;
import be.coordinaat.privacy.Kinds.NotificationState;
import be.coordinaat.privacy.Kinds.SubjectCategory;
import be.coordinaat.privacy.PrivacyChoices;
import be.coordinaat.privacy.Reviews;
import be.coordinaat.privacy.Views.BreachView;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import be.coordinaat.shared.web.Formats;
import jakarta.validation.Valid;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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

/**
 * The breach register pages: the list (one's own reports, or the schools' with PRIVACY_READ), reporting a breach, a
 * breach with its 72-hour deadline, and the assessment form of the privacy team.
 */
@Controller
class BreachController {

    private final Breaches breaches;
    private final PrivacyChoices choices;
    private final Reviews reviews;

    BreachController(Breaches breaches, PrivacyChoices choices, Reviews reviews) {
        this.breaches = breaches;
        this.choices = choices;
        this.reviews = reviews;
    }

    @GetMapping("/privacy/breaches")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, @RequestParam(required = false) String school,
            @RequestParam(required = false) String state, @RequestParam(required = false) String open, Model model) {
        PageQuery query = PageQuery.of(page, 50, sort, q);
        Long schoolId = FormModel.id(school);
        NotificationState st = FormModel.parse(NotificationState.class, state);
        boolean onlyOpen = "true".equals(open);
        model.addAttribute("page", breaches.list(new Breaches.Filter(schoolId, st, onlyOpen ? true : null), query));
        model.addAttribute("query", query);
        model.addAttribute("school", schoolId);
        model.addAttribute("state", st);
        model.addAttribute("open", onlyOpen);
        model.addAttribute("states", NotificationState.values());
        model.addAttribute("schools", choices.readableSchools());
        return "privacy/breach-list";
    }

    @GetMapping("/privacy/breaches/{id}")
    String show(@PathVariable long id, Model model) {
        BreachView b = breaches.breach(id);
        model.addAttribute("b", b);
        model.addAttribute("canManage", breaches.canManage(b));
        model.addAttribute("privacyReader", breaches.canRead(b));
        model.addAttribute("remainingHours", b.remaining().toHours());
        model.addAttribute("remainingMinutes", b.remaining().toMinutesPart());
        PrivacyController.reviews(model, reviews, "breach", id, "breaches");
        return "privacy/breach";
    }

    @GetMapping("/privacy/breaches/new")
    String report(Model model) {
        var schools = breaches.reportableSchools();
        if (schools.isEmpty() && !breaches.canReportBoardWide()) {
            throw new AccessDeniedException("no BREACHES_REPORT");
        }
        Long school = schools.size() == 1 ? schools.get(0).id() : null;
        LocalDateTime now = LocalDateTime.now(Formats.ZONE).truncatedTo(ChronoUnit.MINUTES);
        return form(model, new BreachForm(school, null, null, null, now, List.of(), null, false, null, null, null, null,
                null, null, null, null, null, null, false, null), null, null);
    }

    @PostMapping("/privacy/breaches")
    String save(@Valid @ModelAttribute("form") BreachForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = breaches.report(form))) {
            redirect.addFlashAttribute("flash", "privacy.flash.breachReported");
            return "redirect:/privacy/breaches/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/privacy/breaches/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        BreachView b = requireManage(id);
        return form(model, Breaches.formOf(b), b, null);
    }

    @PostMapping("/privacy/breaches/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") BreachForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        BreachView b = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> breaches.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/privacy/breaches/" + id;
        }
        return form(model, form, b, errors);
    }

    private BreachView requireManage(long id) {
        BreachView b = breaches.breach(id);
        if (!breaches.canManage(b)) {
            throw new AccessDeniedException("no PRIVACY_MANAGE for breach " + id);
        }
        return b;
    }

    private String form(Model model, BreachForm form, BreachView b, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("b", b);
        model.addAttribute("schools", breaches.reportableSchools());
        model.addAttribute("boardWideAllowed", breaches.canReportBoardWide());
        model.addAttribute("subjects", SubjectCategory.values());
        model.addAttribute("risks", BreachRisk.values());
        // the assessment part: when editing (managers only), or when reporting as someone of the privacy team
        model.addAttribute("assess", b != null || choices.canCreate());
        return "privacy/breach-form";
    }
}
