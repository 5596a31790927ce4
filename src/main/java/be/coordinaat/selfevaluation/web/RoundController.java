package be.coordinaat.selfevaluation.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.selfevaluation.Area;
import be.coordinaat.selfevaluation.Forms.CodesForm;
import be.coordinaat.selfevaluation.Forms.RoundForm;
import be.coordinaat.selfevaluation.Forms.StatementForm;
import be.coordinaat.selfevaluation.RespondentGroup;
import be.coordinaat.selfevaluation.RoundResults;
import be.coordinaat.selfevaluation.RoundStatus;
import be.coordinaat.selfevaluation.SelfEvaluations;
import be.coordinaat.selfevaluation.Views.CodeView;
import be.coordinaat.selfevaluation.Views.GroupLink;
import be.coordinaat.selfevaluation.Views.ResultsView;
import be.coordinaat.selfevaluation.Views.RoundView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The self-evaluation pages: the rounds of the user's schools, preparing a round (groups, own statements), opening
 * it with a link and QR code per group, printing one-time codes, closing it, and the results with charts and CSV.
 */
@Controller
class RoundController {

    private final SelfEvaluations rounds;
    private final RoundResults results;
    private final Charts charts;

    RoundController(SelfEvaluations rounds, RoundResults results, Charts charts) {
        this.rounds = rounds;
        this.results = results;
        this.charts = charts;
    }

    /** The legend squares per group (the SVG is made here: templates may not call beans in unescaped output). */
    private Map<RespondentGroup, String> swatches() {
        Map<RespondentGroup, String> m = new java.util.EnumMap<>(RespondentGroup.class);
        for (RespondentGroup g : RespondentGroup.values()) {
            m.put(g, charts.groupSwatch(g));
        }
        return m;
    }

    @GetMapping("/self-evaluations")
    String list(@RequestParam(required = false) String school, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String q, Model model) {
        Long schoolId = parseId(school);
        RoundStatus st = parseStatus(status);
        PageQuery query = PageQuery.of(page, 25, null, q);
        model.addAttribute("page", rounds.list(schoolId, st, query));
        model.addAttribute("query", query);
        model.addAttribute("schools", rounds.readableSchools());
        model.addAttribute("school", schoolId);
        model.addAttribute("status", st);
        model.addAttribute("statuses", RoundStatus.values());
        model.addAttribute("canCreate", rounds.canCreate());
        StringBuilder base = new StringBuilder("/self-evaluations?");
        if (schoolId != null) base.append("school=").append(schoolId).append('&');
        if (st != null) base.append("status=").append(st).append('&');
        if (query.q() != null) base.append("q=").append(java.net.URLEncoder.encode(query.q(), StandardCharsets.UTF_8)).append('&');
        model.addAttribute("pageBase", base.substring(0, base.length() - 1));
        return "selfevaluation/rounds";
    }

    @GetMapping("/self-evaluations/new")
    String newRound(Model model) {
        if (!rounds.canCreate()) {
            throw new AccessDeniedException("no SURVEYS_MANAGE");
        }
        List<SchoolRef> schools = rounds.manageableSchools();
        return form(model, new RoundForm(schools.size() == 1 ? schools.get(0).id() : null, null,
                List.of(RespondentGroup.values()), null), null, null);
    }

    @PostMapping("/self-evaluations")
    String create(@Valid @ModelAttribute("form") RoundForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!rounds.canCreate()) {
            throw new AccessDeniedException("no SURVEYS_MANAGE");
        }
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = rounds.create(form))) {
            redirect.addFlashAttribute("flash", "selfeval.flash.created");
            return "redirect:/self-evaluations/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/self-evaluations/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        RoundView round = requireManage(id);
        return form(model, new RoundForm(round.schoolId(), round.name(), round.groupList(), round.version()), round, null);
    }

    @PostMapping("/self-evaluations/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") RoundForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        RoundView round = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> rounds.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/self-evaluations/" + id;
        }
        return form(model, form, round, errors);
    }

    private String form(Model model, RoundForm submitted, RoundView round, BindingResult errors) {
        // a value that did not convert can leave the binding without a record: show the form empty, with the errors
        RoundForm form = submitted != null ? submitted : new RoundForm(null, null, null, null);
        model.addAttribute("form", form);
        if (errors != null && errors.hasErrors() && errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, "form");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
        model.addAttribute("round", round);
        model.addAttribute("schools", rounds.manageableSchools());
        model.addAttribute("allGroups", RespondentGroup.values());
        return "selfevaluation/round-form";
    }

    @GetMapping("/self-evaluations/{id}")
    String show(@PathVariable long id, Model model) {
        RoundView round = rounds.round(id);
        boolean manage = rounds.canManage(round.schoolId());
        model.addAttribute("round", round);
        model.addAttribute("canManage", manage);
        model.addAttribute("canReadResults", rounds.canReadResults(round.schoolId()));
        model.addAttribute("own", rounds.ownStatements(id));
        model.addAttribute("questionnaire", rounds.statements(id, null).stream()
                .filter(st -> st.groups().stream().anyMatch(round.groupList()::contains)).toList());
        model.addAttribute("maxOwn", SelfEvaluations.MAX_OWN_STATEMENTS);
        model.addAttribute("areas", Area.values());
        model.addAttribute("swatches", swatches());
        model.addAttribute("minRespondents", RoundResults.MIN_RESPONDENTS);
        if (manage) {
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            Map<RespondentGroup, String> urls = new LinkedHashMap<>();
            Map<RespondentGroup, String> qrs = new LinkedHashMap<>();
            for (GroupLink link : rounds.links(id)) {
                urls.put(link.group(), base + link.path());
                qrs.put(link.group(), QrSvg.svg(base + link.path(), link.group().name(), 160));
            }
            model.addAttribute("linkUrls", urls);
            model.addAttribute("linkQrs", qrs);
            model.addAttribute("batches", rounds.batches(id));
            model.addAttribute("maxCodes", SelfEvaluations.MAX_CODES_PER_BATCH);
            if (!model.containsAttribute("statementForm")) {
                model.addAttribute("statementForm", new StatementForm(null, round.groupList(), null, null));
            }
            if (!model.containsAttribute("codesForm")) {
                model.addAttribute("codesForm", new CodesForm(round.groupList().contains(RespondentGroup.PUPILS)
                        ? RespondentGroup.PUPILS : round.groupList().isEmpty() ? null : round.groupList().get(0), 25));
            }
        }
        return "selfevaluation/round";
    }

    @PostMapping("/self-evaluations/{id}/open")
    String open(@PathVariable long id, RedirectAttributes redirect) {
        return action(id, redirect, () -> rounds.open(id), "selfeval.flash.opened");
    }

    @PostMapping("/self-evaluations/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return action(id, redirect, () -> rounds.close(id), "selfeval.flash.closed");
    }

    @PostMapping("/self-evaluations/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            rounds.delete(id);
            redirect.addFlashAttribute("flash", "flash.deleted");
            return "redirect:/self-evaluations";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/self-evaluations/" + id;
        }
    }

    private String action(long id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/self-evaluations/" + id;
    }

    @PostMapping("/self-evaluations/{id}/statements")
    String addStatement(@PathVariable long id, @Valid @ModelAttribute("statementForm") StatementForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        requireManage(id);
        try {
            if (!errors.hasErrors() && FormErrors.apply(errors, () -> rounds.addStatement(id, form))) {
                redirect.addFlashAttribute("flash", "selfeval.flash.statementAdded");
                return "redirect:/self-evaluations/" + id + "#own-statements";
            }
        } catch (ConflictException e) {
            errors.reject(e.messageKey(), e.getMessage());
        }
        Object shown = form != null ? form : new StatementForm(null, null, null, null);
        if (errors.getTarget() != shown) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(shown, "statementForm");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "statementForm", kept);
        }
        model.addAttribute("statementForm", shown);
        return show(id, model);
    }

    @PostMapping("/self-evaluations/{id}/statements/{statementId}/delete")
    String removeStatement(@PathVariable long id, @PathVariable long statementId, RedirectAttributes redirect) {
        return action(id, redirect, () -> rounds.removeStatement(id, statementId), "selfeval.flash.statementRemoved");
    }

    @PostMapping("/self-evaluations/{id}/codes")
    String createCodes(@PathVariable long id, @Valid @ModelAttribute("codesForm") CodesForm form, BindingResult errors,
            Model model) {
        requireManage(id);
        int[] batch = new int[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> batch[0] = rounds.createCodes(id, form))) {
            return "redirect:/self-evaluations/" + id + "/codes/" + batch[0];
        }
        Object shown = form != null ? form : new CodesForm(null, null);
        if (errors.getTarget() != shown) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(shown, "codesForm");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "codesForm", kept);
        }
        model.addAttribute("codesForm", shown);
        return show(id, model);
    }

    /** A printable sheet of the unused codes of one batch, each with its QR code, to cut and hand out. */
    @GetMapping("/self-evaluations/{id}/codes/{batch}")
    String sheet(@PathVariable long id, @PathVariable int batch, Model model) {
        RoundView round = requireManage(id);
        List<CodeView> codes = rounds.codes(id, batch, true);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, String> qrs = new LinkedHashMap<>();
        for (CodeView c : codes) {
            qrs.put(c.code(), QrSvg.svg(base + "/public/survey/c/" + c.code(), c.display(), 96));
        }
        model.addAttribute("round", round);
        model.addAttribute("batch", batch);
        model.addAttribute("codes", codes);
        model.addAttribute("qrs", qrs);
        model.addAttribute("entryUrl", base + "/public/survey");
        model.addAttribute("group", codes.isEmpty() ? null : codes.get(0).group());
        return "selfevaluation/codes";
    }

    @GetMapping("/self-evaluations/{id}/results")
    String results(@PathVariable long id, Model model) {
        ResultsView r = results.results(id);
        model.addAttribute("r", r);
        model.addAttribute("swatches", swatches());
        model.addAttribute("overallSwatch", charts.overallSwatch());
        Map<Integer, String> answers = new LinkedHashMap<>();
        for (int v = 1; v <= 5; v++) {
            answers.put(v, charts.answerSwatch(v));
        }
        model.addAttribute("answerSwatches", answers);
        model.addAttribute("areaChart", charts.areas(r));
        Map<Long, String> statements = new LinkedHashMap<>();
        r.areas().forEach(a -> a.statements().forEach(s -> statements.put(s.statementId(), charts.statement(s))));
        model.addAttribute("statementCharts", statements);
        return "selfevaluation/results";
    }

    @GetMapping("/self-evaluations/{id}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        ResultsView r = results.results(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Locale locale = LocaleContextHolder.getLocale();
        results.exportCsv(r, locale, out);
        return csvResponse(out.toByteArray(), "zelfevaluatie-" + id + ".csv");
    }

    static ResponseEntity<byte[]> csvResponse(byte[] bytes, String fileName) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(bytes);
    }

    private RoundView requireManage(long id) {
        RoundView round = rounds.round(id);
        if (!rounds.canManage(round.schoolId())) {
            throw new AccessDeniedException("no SURVEYS_MANAGE for round " + id);
        }
        return round;
    }

    static Long parseId(String s) {
        if (s == null || s.isBlank() || s.length() > 18 || !s.strip().chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(s.strip());
    }

    private static RoundStatus parseStatus(String s) {
        for (RoundStatus st : RoundStatus.values()) {
            if (st.name().equals(s)) {
                return st;
            }
        }
        return null;
    }
}
